import ArgumentParser
import Investigate

/// `investigate case tag CASE_ID TAG ACCOUNT_ID...`, or `--cluster ID --source DIR` for a whole
/// cluster, or `--value KIND:VALUE` for a shared value.
struct CaseTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag accounts, a cluster or a value (built-in: \(TagLabel.builtIn.joined(separator: ", ")); or a free label).")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The tag label.") var tag: String
    @Argument(help: "Account ids to tag.") var accounts: [String] = []
    @Option(help: "Tag every member of this cluster (needs --source).") var cluster: String?
    @Option(help: "The case source folder the cluster id refers to.") var source: String?
    @Option(help: "Tag a shared value, written kind:value (ip:1.2.3.4).") var value: [String] = []
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if accounts.isEmpty && cluster == nil && value.isEmpty {
            throw ValidationError("give account ids, --cluster ID --source DIR, or --value KIND:VALUE")
        }
        if cluster != nil && source == nil { throw ValidationError("--cluster needs --source DIR") }
    }

    func run() throws {
        try runReporting {
            let store = try store.open()
            var added = 0
            if !accounts.isEmpty {
                added += try storeCall { try store.tag(caseID: caseID, label: tag, kind: .account, targets: accounts) }
            }
            if let cluster, let source {
                let investigation = try SourceOptions.parse([source]).open()
                guard let found = investigation.cluster(id: cluster) else {
                    throw CLIFailure(
                        message: "no cluster \(inert(cluster)) in \(source) (ids run c1...c\(investigation.clusters.count))", code: 2)
                }
                let members = found.members.map { investigation.data.accountID(Int($0)) }
                added += try storeCall {
                    try store.tagCluster(
                        caseID: caseID, label: tag, cluster: cluster, members: members,
                        context: ["source": source])
                }
            }
            if !value.isEmpty {
                for v in value where !v.contains(":") {
                    throw CLIFailure(message: "--value \(inert(v)): write it kind:value, like ip:1.2.3.4", code: 2)
                }
                added += try storeCall { try store.tag(caseID: caseID, label: tag, kind: .value, targets: value) }
            }
            print("tagged \(added) new in \(caseID)")
        }
    }
}

/// `investigate case note CASE_ID TEXT`.
struct CaseNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case.")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The note text.") var text: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            let seq = try storeCall { try store.open().addNote(caseID: caseID, text: text) }
            print("note \(seq) added to \(caseID)")
        }
    }
}

/// `investigate case status CASE_ID STATUS`.
struct CaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set a case's status (\(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))).")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The new status.") var status: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            guard let value = CaseStatus(rawValue: status.lowercased()) else {
                throw CLIFailure(
                    message: "unknown status \(inert(status)); use one of "
                        + CaseStatus.allCases.map(\.rawValue).joined(separator: ", "), code: 2)
            }
            try storeCall { try store.open().setStatus(caseID: caseID, value) }
            print("\(caseID) is \(value.rawValue)")
        }
    }
}

/// `investigate case set CASE_ID FIELD VALUE` (severity, assignee, disposition, title).
struct CaseSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set severity, assignee, disposition or title.")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "severity, assignee, disposition or title.") var field: String
    @Argument(help: "The new value.") var value: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            guard let which = CaseField(rawValue: field.lowercased()) else {
                throw CLIFailure(message: "unknown field \(inert(field)); use severity, assignee, disposition or title", code: 2)
            }
            try storeCall { try store.open().setField(caseID: caseID, which, to: value) }
            print("\(caseID) \(which.rawValue) set")
        }
    }
}
