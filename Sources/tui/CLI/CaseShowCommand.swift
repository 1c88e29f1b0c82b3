import ArgumentParser
import Investigate

/// `investigate case show CASE_ID [--format json]`.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case, its tags and notes.")

    @Argument(help: "The case id.") var caseID: String
    @Option(help: "text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            let snapshot = try storeCall { try store.open().snapshot(caseID: caseID) }
            if format != .text {
                print(CaseJSON.snapshot(snapshot).canonical)
                return
            }
            let info = snapshot.info
            print("\(info.id): \(inert(info.title))")
            print("status \(info.status.rawValue)  severity \(inert(info.severity))  assignee \(inert(info.assignee))")
            if !info.disposition.isEmpty { print("disposition \(inert(info.disposition))") }
            print("opened \(info.createdAt) by \(inert(info.createdBy)), last change \(info.updatedAt)")
            print(
                "\(snapshot.accountIDs.count) accounts, \(snapshot.tags.count) tags, \(snapshot.notes.count) notes, "
                    + "\(snapshot.audit.count) audit entries")
            for tag in snapshot.tags {
                print("  tag \(tag.kind.rawValue) \(inert(tag.target)) \(inert(tag.label))  (\(inert(tag.who)) \(tag.at))")
            }
            for note in snapshot.notes { print("  note \(note.seq) (\(inert(note.who)) \(note.at)): \(inert(note.text))") }
        }
    }
}

/// `investigate case audit CASE_ID [--verify]`.
struct CaseAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print a case's audit trail; --verify checks the hash chain.")

    @Argument(help: "The case id.") var caseID: String
    @Flag(help: "Check the hash chain; exit 1 naming the first bad entry.") var verify = false
    @Option(help: "text or jsonl.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            let entries = try storeCall { try store.open().auditEntries(caseID: caseID) }
            if verify {
                if let problem = AuditChain.verify(entries, caseID: caseID) {
                    throw CLIFailure(message: "\(caseID): chain broken at \(problem)", code: 1)
                }
                print("\(caseID): audit chain ok, \(entries.count) entries, head \(entries.last?.hash ?? AuditChain.genesis)")
                return
            }
            for entry in entries {
                if format == .text {
                    print("\(entry.seq)  \(entry.at)  \(inert(entry.who))  \(entry.action)  \(inert(entry.detail.canonical))")
                } else {
                    print(entry.jsonLine)
                }
            }
        }
    }
}
