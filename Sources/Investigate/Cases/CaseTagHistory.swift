/// The retractions of tags that stand again: a tag retracted (`case untag ... --reason`) and
/// then added again (a later tag of the account, or of its cluster, re-asserts it) is one
/// standing tag in the case tables, its retraction cleared. A trial untagged an account as a
/// false positive, tagged its cluster again, and `case show`, `case.json` and `report.html`
/// no longer said the account had ever been cleared, nor why: only the audit trail kept it.
/// This reads the trail (`CaseSnapshot.audit`) and gives, per standing tag, every earlier
/// retraction (who, when, why), oldest first, so each place that shows the case shows them.
public enum CaseTagHistory {
    /// A standing tag with the retractions it came back from.
    public struct Reasserted: Equatable, Sendable {
        /// The tag as it stands (who added it last, when).
        public var tag: CaseTag
        /// Its earlier retractions, oldest first (never empty).
        public var retractions: [CaseRetraction]
    }

    /// The standing tags of `snapshot` that were retracted before, sorted like `snapshot.tags`.
    /// Entries the trail cannot read are passed over (the trail replays before a snapshot exists).
    public static func reasserted(_ snapshot: CaseSnapshot) -> [Reasserted] {
        var earlier: [TagKey: [CaseRetraction]] = [:]
        for entry in snapshot.audit where entry.action == "tag.remove" {
            let read = DetailReader(entry: entry)
            guard let label = try? read.string("label"), let keys = try? read.targets(label: label) else { continue }
            let reason = (try? read.optionalString("reason")) ?? ""
            for key in keys { earlier[key, default: []].append(CaseRetraction(who: entry.who, at: entry.at, reason: reason)) }
        }
        guard !earlier.isEmpty else { return [] }
        return snapshot.tags.compactMap { tag in
            guard let retractions = earlier[TagKey(tag)], !retractions.isEmpty else { return nil }
            return Reasserted(tag: tag, retractions: retractions)
        }
    }

    /// One line for people: `tagged again after 1 retraction: ann 2026-06-01T10:00:00Z: false
    /// positive: verified customer` (data escaped for display).
    public static func describe(_ retractions: [CaseRetraction]) -> String {
        let n = retractions.count
        return "tagged again after \(n) \(n == 1 ? "retraction" : "retractions"): "
            + retractions.map { r in
                "retracted by \(inert(r.who)) \(r.at)" + (r.reason.isEmpty ? " (no reason given)" : ": " + inert(r.reason))
            }.joined(separator: "; ")
    }
}
