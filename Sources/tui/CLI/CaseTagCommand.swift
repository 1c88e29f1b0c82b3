import ArgumentParser
import Investigate

/// `investigate case tag CASE_ID TAG ACCOUNT_ID...`, or `--cluster ID --source DIR` for a whole
/// cluster, or `--value KIND:VALUE` for a shared value. Targets are stored as exact bytes.
struct CaseTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag accounts, a cluster or a value (built-in: \(TagLabel.builtIn.joined(separator: ", ")); or a free label).")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The tag label.") var tag: String
    @OptionGroup var targets: TagTargetOptions
    @OptionGroup var store: StoreOptions

    func validate() throws { try targets.validate() }

    func run() throws {
        try runReporting {
            let store = try store.open()
            let (list, context) = try targets.resolve(command: "tag")
            // Checked before the write (reading the accounts files only), said after it.
            let recorded = try storeCall { try store.snapshot(caseID: caseID) }.source
            let finding = CaseSourceIDCheck.check(list.filter { $0.0 == .account }.map(\.1), recorded: recorded, given: targets.source)
            let added = try storeCall { try store.tag(caseID: caseID, label: tag, targets: list, context: context) }
            print("tagged \(added) new in \(caseID)\(Self.given(list))")
            for line in CaseSourceIDCheck.lines(finding, caseID: caseID, label: tag) { printError(line) }
        }
    }

    /// " (of 1 cluster and 220 accounts)" when the targets are of more than one kind, so a
    /// cluster's count (its members and the cluster itself) reads right; "" otherwise.
    static func given(_ list: [(TagTargetKind, ExactText)]) -> String {
        let kinds: [(TagTargetKind, String)] = [(.cluster, "cluster"), (.account, "account"), (.value, "value")]
        let parts = kinds.compactMap { kind, noun -> String? in
            let n = list.filter { $0.0 == kind }.count
            return n == 0 ? nil : "\(n) \(noun)\(n == 1 ? "" : "s")"
        }
        return parts.count > 1 ? " (of " + parts.joined(separator: " and ") + ")" : ""
    }
}

/// The targets of `case tag` and `case untag`: account ids (exact argv bytes, or
/// `--account-b64`), a cluster with its members (`--cluster ID --source DIR`), shared values.
struct TagTargetOptions: ParsableArguments {
    @Argument(help: "Account ids (their exact bytes are used, even when not valid UTF-8).") var accounts: [String] = []
    @Option(name: .customLong("account-b64"), help: "An account id as base64 (repeatable).") var accountB64: [String] = []
    @Option(help: "Every member of this cluster (needs --source).") var cluster: String?
    @Option(help: "The case source folder the cluster id refers to.") var source: String?
    @Option(help: "A shared value, written kind:value (ip:1.2.3.4); repeatable.") var value: [String] = []

    /// The options of `case tag`/`case untag` that take a value (so their values are not
    /// mistaken for account ids when mapping arguments back to bytes).
    static let valued: Set<String> = ["--db", "--cluster", "--source", "--value", "--account-b64", "--reason", "--format"]

    /// Every option of `case tag`/`case untag`: after `--` one of them is refused, not read as an id.
    static let options = valued.union(["--help"])

    /// The targets of `resolve`'s list named one by one (ids and values: those `case untag`
    /// names when they carry no such tag): all before the cluster and its members.
    static func named(_ list: [(TagTargetKind, ExactText)]) -> [(TagTargetKind, ExactText)] {
        Array(list.prefix { $0.0 != .cluster })
    }

    /// The account ids given as operands, exact bytes in order: every one from the raw command
    /// line when it is a `case tag`/`case untag` line (`TagOperands`: the parser was given only
    /// the first, which must read as the parsed one), else the parsed ids mapped back to bytes.
    /// - Throws: `CLIFailure` for an id whose bytes cannot be recovered.
    func accountIDs(raw: [[UInt8]]) throws -> [ExactText] {
        if let ids = TagOperands.ids(raw), ids.count >= accounts.count, ids.count == accounts.count || accounts.count == 1,
            zip(accounts, ids).allSatisfy({ $0 == String(decoding: $1.bytes, as: UTF8.self) })
        {
            return ids
        }
        return try RawArguments.require(accounts, valued: Self.valued, what: "the account id")
    }

    func validate() throws {
        if accounts.isEmpty && accountB64.isEmpty && cluster == nil && value.isEmpty {
            throw ValidationError("give account ids, --account-b64 B64, --cluster ID --source DIR, or --value KIND:VALUE")
        }
        if cluster != nil && source == nil { throw ValidationError("--cluster needs --source DIR") }
    }

    /// The targets as exact bytes, and the audit context (`cluster`, `source`): the ids and
    /// values named one by one first (`named`), then the cluster and its members.
    /// - Parameter command: `tag` or `untag`, for the refusal of an option after `--`.
    /// - Throws: `CLIFailure` for a bad base64, value, or unknown cluster, and for one of the
    ///   command's options after `--` (`RawArguments.optionAfterDoubleDash`).
    func resolve(command: String, raw: [[UInt8]] = RawArguments.current) throws -> ([(TagTargetKind, ExactText)], [String: String]) {
        if let word = RawArguments.optionAfterDoubleDash(raw, options: Self.options) {
            let shown = TextEscaping.visible(word)
            throw CLIFailure(
                message: "\(shown) comes after --, where every word is an account id: put options before -- "
                    + "(case \(command) CASE TAG \(command == "untag" ? "--reason TEXT " : "--source DIR ")-- -5); an account whose id is really \(shown) is given "
                    + "with --account-b64 \(ExactText(bytes: word).base64). Nothing was written", code: 2)
        }
        var list: [(TagTargetKind, ExactText)] = []
        var context: [String: String] = [:]
        for id in try accountIDs(raw: raw) { list.append((.account, id)) }
        for encoded in accountB64 {
            guard let id = ExactText(base64: encoded), !id.bytes.isEmpty else {
                throw CLIFailure(message: "--account-b64 \(inert(encoded)) is not base64", code: 2)
            }
            list.append((.account, id))
        }
        let values = try RawArguments.require(value, option: "--value", valued: Self.valued, what: "the value")
        for exact in values {
            guard let colon = exact.bytes.firstIndex(of: UInt8(ascii: ":")),
                let kind = LinkKind(name: String(decoding: exact.bytes[..<colon], as: UTF8.self))
            else {
                throw CLIFailure(
                    message: "--value \(exact.display): write it kind:value with a kind of "
                        + LinkKind.allCases.map(\.rawValue).joined(separator: ", ") + " (like ip:1.2.3.4)", code: 2)
            }
            if kind == .mailbox {
                // One inbox is one tag, whichever of its addresses was typed.
                guard let inbox = MailboxAddress.canonical(Array(exact.bytes[(colon + 1)...])) else {
                    throw CLIFailure(message: "--value \(exact.display): not an email address (name@domain)", code: 2)
                }
                list.append((.value, ExactText(bytes: Array("mailbox:".utf8) + inbox)))
                continue
            }
            list.append((.value, exact))
        }
        if let cluster, let source {
            let investigation = try SourceOptions.parse([source]).open()
            guard let found = investigation.cluster(id: cluster) else {
                throw CLIFailure(
                    message: "no cluster \(inert(cluster)) in \(source) (ids run c1...c\(investigation.clusters.count))", code: 2)
            }
            list.append((.cluster, ExactText(cluster)))
            let members = found.members.map { investigation.data.accountExactID(Int($0)) }
            list += members.map { (.account, $0) }
            // The source's fingerprint, the clusters' numbering and the cluster's exact members, as
            // the console records them: the tag holds only on these files, numbered as now, where
            // the id still names these accounts.
            let made = CaseSource(files: investigation.data.files)
            context = ClusterTagSources.context(madeOn: made, via: source).merging(["cluster": cluster]) { $1 }
                .merging(ClusterTagSources.membersContext([cluster: ClusterMembers(ids: members)])) { $1 }
        }
        return (list, context)
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
            // The shell passes bytes; Swift would repair invalid UTF-8 silently. A note is the
            // investigator's own text: refuse what is not UTF-8 rather than store it changed.
            if let exact = RawArguments.exact([text], valued: ["--db"])[0], !exact.isValidUTF8 {
                throw CLIFailure(message: "the note is not valid UTF-8 (\(exact.display)); nothing was written", code: 2)
            }
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
