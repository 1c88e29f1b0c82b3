import ArgumentParser
import Investigate

/// `investigate case untag CASE_ID TAG ACCOUNT_ID...` (or `--cluster`, `--value`, `--account-b64`):
/// retracts a tag. The tag stays in the case, marked retracted (who, when, why).
struct CaseUntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untag", abstract: "Retract a tag from accounts, a cluster or a value (kept, marked retracted).")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The tag label to retract.") var tag: String
    @OptionGroup var targets: TagTargetOptions
    @Option(help: "Why the tag is retracted.") var reason: String = ""
    @OptionGroup var store: StoreOptions

    func validate() throws { try targets.validate() }

    func run() throws {
        try runReporting {
            let store = try store.open()
            let (list, context) = try targets.resolve()
            let removed = try storeCall {
                try store.untag(caseID: caseID, label: tag, targets: list, reason: reason, context: context)
            }
            print("retracted \(removed) tag\(removed == 1 ? "" : "s") \(inert(tag)) in \(caseID)")
        }
    }
}

/// `investigate case retract-note CASE_ID SEQ [--reason TEXT]`: the note stays, marked retracted.
struct CaseRetractNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract-note", abstract: "Retract a note (kept, marked retracted).")

    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The note number (as `case show` lists it).") var seq: Int
    @Option(help: "Why the note is retracted.") var reason: String = ""
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            try storeCall { try store.open().retractNote(caseID: caseID, seq: seq, reason: reason) }
            print("note \(seq) retracted in \(caseID)")
        }
    }
}
