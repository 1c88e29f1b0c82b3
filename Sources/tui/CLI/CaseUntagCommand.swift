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
            var (list, context) = try targets.resolve(command: "untag")
            // A cluster's members lose the tags its tag made, not their own made apart from it.
            var spared = 0
            if let cluster = targets.cluster {
                // The label as the store matches it (trimmed, as `retractTags` reads it).
                let label = try storeCall { try TagLabel.forRetraction(tag) }
                let snapshot = try storeCall { try store.snapshot(caseID: caseID) }
                let made = try storeCall {
                    try CaseReplay.accountsTagged(with: ExactText(cluster), label: label, entries: snapshot.audit, caseID: caseID)
                }
                let standing = Set(snapshot.tags.filter { $0.kind == .account && ExactText($0.label) == ExactText(label) }.map(\.target))
                let named = Set(TagTargetOptions.named(list).map { "\($0.0.rawValue):\($0.1.base64)" })
                func isOthersTag(_ target: (TagTargetKind, ExactText)) -> Bool {
                    target.0 == .account && !named.contains("account:\(target.1.base64)") && !made.contains(target.1)
                }
                let kept = list.filter(isOthersTag)
                list.removeAll(where: isOthersTag)
                // Counted: the members whose own tag stands (one with no standing tag kept nothing).
                spared = kept.filter { standing.contains($0.1) }.count
            }
            let retracted = try storeCall {
                try store.retractTags(caseID: caseID, label: tag, targets: list, reason: reason, context: context)
            }
            print("retracted \(retracted.count) tag\(retracted.count == 1 ? "" : "s") \(inert(tag)) in \(caseID)")
            if spared > 0 {
                print(
                    "kept \(spared) member\(spared == 1 ? "'s" : "s'") \(inert(tag)) \(spared == 1 ? "tag" : "tags"), not made by the "
                        + "cluster's tag (retract \(spared == 1 ? "it" : "them") by account id)")
            }
            let unmatched = Self.unmatched(named: TagTargetOptions.named(list), retracted: retracted)
            if !unmatched.isEmpty {
                printError(
                    "investigate: warning: \(unmatched.count) of the targets given \(unmatched.count == 1 ? "carries" : "carry") no "
                        + "standing \(inert(tag)) tag in \(inert(caseID)), so nothing was retracted for "
                        + "\(unmatched.count == 1 ? "it" : "them") (mistyped, or retracted before?): "
                        + CaseSourceIDCheck.list(unmatched.map(\.1)))
            }
        }
    }
}

extension CaseUntagCommand {
    /// The targets named one by one (ids, values) whose tag was not retracted: they carry no
    /// standing tag of the label (a cluster's members are not named: an untag of a whole cluster
    /// passes over members untagged before).
    static func unmatched(
        named: [(TagTargetKind, ExactText)], retracted: [(TagTargetKind, ExactText)]
    ) -> [(TagTargetKind, ExactText)] {
        let done = Set(retracted.map { "\($0.0.rawValue):\($0.1.base64)" })
        var seen = Set<String>()
        return named.filter {
            let key = "\($0.0.rawValue):\($0.1.base64)"
            return !done.contains(key) && seen.insert(key).inserted
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
