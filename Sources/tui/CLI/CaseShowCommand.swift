import ArgumentParser
import Investigate

/// `investigate case show CASE_ID [--format json]`.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case, its tags and notes.")

    @Argument(help: "The case id.") var caseID: String
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            let snapshot = try storeCall { try store.open().snapshot(caseID: caseID) }
            if format != .text {
                print(CaseJSON.snapshot(snapshot).canonical)
                return
            }
            let info = snapshot.info
            print("\(info.id): \(inert(info.title))")
            func field(_ value: String) -> String { value.isEmpty ? "-" : inert(value) }
            print(
                "status \(info.status.rawValue)  severity \(field(info.severity))  assignee \(field(info.assignee))  "
                    + "disposition \(field(info.disposition))")
            print("opened \(info.createdAt) by \(inert(info.createdBy)), last change \(info.updatedAt)")
            if let source = snapshot.source {
                print("source \(inert(source.path)) (\(PairExplanation.count(source.files, "file")), fingerprint \(source.fingerprint.prefix(16)))")
            } else {
                print("source - (none recorded)")
            }
            let reasserted = CaseTagHistory.reasserted(snapshot)
            let history = Dictionary(reasserted.map { ($0.tag, $0.retractions) }, uniquingKeysWith: { a, _ in a })
            print(
                "\(PairExplanation.count(snapshot.accountIDs.count, "account")), "
                    + "\(PairExplanation.count(snapshot.tags.count, "tag")), \(PairExplanation.count(snapshot.notes.count, "note")), "
                    + "\(snapshot.retractedTags.count + snapshot.retractedNotes.count) retracted"
                    + (reasserted.isEmpty ? "" : " (\(reasserted.count) more tagged again after a retraction)") + ", "
                    + "\(PairExplanation.grouped(snapshot.audit.count)) audit \(snapshot.audit.count == 1 ? "entry" : "entries")")
            let made = ClusterTagSources(snapshot, current: nil)
            for tag in snapshot.tags {
                // A cluster id names a cluster of one source: say which.
                let folder = tag.kind == .cluster
                    ? made.madeInFolder[.init(target: tag.target, label: tag.label)].map { " on \(inert($0))" } ?? " on an unrecorded source"
                    : ""
                let members = tag.kind == .cluster
                    ? Self.membersNote(made.recordedMembers[.init(target: tag.target, label: tag.label)]) : ""
                print("  tag \(tag.kind.rawValue) \(tag.target.display)\(folder) \(inert(tag.label))  (\(inert(tag.who)) \(tag.at))\(members)")
                // A tag that stands again keeps its earlier retractions in view: who cleared it, when, why.
                if let earlier = history[tag] { print("    " + CaseTagHistory.describe(earlier)) }
            }
            for note in snapshot.notes { print("  note \(note.seq) (\(inert(note.who)) \(note.at)): \(inert(note.text))") }
            for tag in snapshot.retractedTags {
                print(
                    "  retracted tag \(tag.kind.rawValue) \(tag.target.display) \(inert(tag.label))  "
                        + "(added \(inert(tag.who)) \(tag.at); \(Self.describe(tag.retracted)))")
            }
            for note in snapshot.retractedNotes {
                print(
                    "  retracted note \(note.seq) (\(inert(note.who)) \(note.at); \(Self.describe(note.retracted))): "
                        + inert(note.text))
            }
        }
    }

    /// What a cluster tag's entry records of the cluster's members: a tag holds only where its
    /// id names exactly those members, and one written before members were recorded holds nowhere.
    static func membersNote(_ members: ClusterMembers?) -> String {
        guard let members else { return "  members not recorded: holds on no source until tagged again" }
        return "  \(PairExplanation.count(members.count, "member")) recorded (sha256 \(members.digest.prefix(16)))"
    }

    /// `retracted by ann 2026-01-01T00:00:00Z: wrong account`.
    static func describe(_ r: CaseRetraction?) -> String {
        guard let r else { return "" }
        return "retracted by \(inert(r.who)) \(r.at)" + (r.reason.isEmpty ? "" : ": \(inert(r.reason))")
    }
}

/// `investigate case audit CASE_ID [--verify [--known-head HASH]]`.
struct CaseAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print a case's audit trail; --verify checks the chain and that the case tables match it.")

    @Argument(help: "The case id.") var caseID: String
    @Flag(
        help: "Check the hash chain, replay it, and compare with the case tables; exit 1 naming the first difference.")
    var verify = false
    @Option(help: "With --verify: an audit head the case reached (a bundle manifest's audit_head); it must be in the chain.")
    var knownHead: String?
    static let formats: [OutputFormat] = [.text, .jsonl]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            if verify {
                let result = try storeCall { try store.open().verify(caseID: caseID, knownHead: knownHead) }
                if let problem = result.problem { throw CLIFailure(message: "\(caseID): \(problem)", code: 1) }
                // A known head that checked out is named: the answer to "is this bundle's state in
                // the case's history?" must be on the line, not implied by the exit code.
                let known = knownHead.map { "; the known head \(inert($0)) is in the chain" } ?? ""
                print(
                    "\(caseID): audit chain ok and matches the case, \(result.entryCount) entries, head \(result.head)\(known)")
                return
            }
            let entries = try storeCall { try store.open().auditEntries(caseID: caseID) }
            for entry in entries {
                if format == .text {
                    // The detail is canonical JSON, whose own escapes already set a data backslash
                    // apart (`\\`): doubling them again read `\"` as `\\"` (a trial took it for a
                    // note holding backslashes). Unsafe characters are still made visible.
                    let detail = TextEscaping.visible(entry.detail.canonical, doublingBackslashes: false)
                    print("\(entry.seq)  \(entry.at)  \(inert(entry.who))  \(entry.action)  \(detail)")
                } else {
                    print(entry.jsonLine)
                }
            }
        }
    }
}
