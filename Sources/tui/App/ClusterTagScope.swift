import Investigate

/// What `T` on a cluster (or an operation) would tag, split by each member's own rating: a
/// cluster's label reaches every member, and a trial's `T` tagged accounts that the truth
/// calls benign, rated well below their cluster on their own. An account's risk is its
/// cluster's times a weight from 0.7 to 1 for how much of the cluster's behaviour it shows
/// (`AccountRiskWeight`); a member is "weak" when its weight is below the middle of that span
/// (0.85: its own prompts fall short of the cluster's by half or more), so 0.60 under a cluster's
/// 0.78 is weak and 0.54 under 0.57 is not (a second trial, told 18 of 55 ring members at
/// 0.54-0.56 were "rated below", left them out with `o`). In an operation, a whole cluster is
/// weak when it is rated below the same share of the operation's riskiest cluster (a trial's
/// `T` on an operation rated 0.40 tagged four clusters at 0.05-0.09 with it, plugin users). An
/// operation's choice says the weak members' ratings and the bar as they are (`rated
/// 0.21-0.34, under 0.85 of the operation's 0.43`), never "well below": a later trial, told
/// 0.34 was "well below" 0.43, would have left 8 ring members out with `o`.
struct ClusterTagScope: Hashable, Sendable {
    /// The clusters' own mark keys (`cluster:c3`): the export gives a cluster's label to every
    /// member, so tagging only the strong members leaves these untagged.
    var clusterKeys: [String]
    /// Members rated as their cluster is.
    var strong: [String] = []
    /// Members rated below their cluster.
    var weak: [String] = []
    /// The lowest rating among the weak members.
    var lowest = 1.0
    /// The highest rating among the weak members: with `lowest`, the span an operation's
    /// choice says, so a small gap reads as small.
    var highest = 0.0
    /// Weak members rated below the flag bar (`TriageOrder.flagged`) in a cluster rated at or above it.
    var belowFlagged = 0
    /// The cluster's rating, when there is one cluster; an operation's riskiest cluster's, else.
    var clusterRisk: Double?
    /// Clusters of an operation rated well below its riskiest (all their members are weak).
    var weakClusters = 0
    /// Whether this is an operation's scope (several clusters).
    var isOperation: Bool { clusterKeys.count > 1 }

    /// Every member, strong ones first (the write order does not matter to the store).
    var members: [String] { strong + weak }

    /// The share of its cluster's rating below which a member is weak: the middle of the span an
    /// account's own behaviour can take off (`AccountRiskWeight`).
    static let typicalShare = AccountRiskWeight.floor + AccountRiskWeight.behaviourPart / 2

    /// The scope of tagging `clusters` whole.
    static func of(_ clusters: [Int], model: any ConsoleModel) -> ClusterTagScope {
        var scope = ClusterTagScope(clusterKeys: clusters.map(MarkKey.cluster))
        let details = clusters.compactMap { model.cluster($0) }
        let top = details.map(\.risk).max() ?? 0
        if !details.isEmpty { scope.clusterRisk = top }
        for detail in details {
            let clusterWeak = scope.isOperation && detail.risk < top * typicalShare
            if clusterWeak { scope.weakClusters += 1 }
            for member in detail.members {
                let key = MarkKey.account(member.exactID)
                guard clusterWeak || member.risk < detail.risk * typicalShare else { scope.strong.append(key); continue }
                scope.weak.append(key)
                scope.lowest = min(scope.lowest, member.risk)
                scope.highest = max(scope.highest, member.risk)
                if member.risk < TriageOrder.flagged && detail.risk >= TriageOrder.flagged { scope.belowFlagged += 1 }
            }
        }
        return scope
    }

    /// `below the cluster's 0.78`, or for an operation `under 0.85 of the operation's 0.43 or of
    /// their cluster's` (`owner` names it: `op1's`).
    func barText(owner: String? = nil) -> String {
        guard let risk = clusterRisk else { return "below their cluster's rating" }
        guard isOperation else { return "below \(owner ?? "the cluster's") \(Format.risk(risk))" }
        return "under \(Format.risk(Self.typicalShare)) of \(owner ?? "the operation's") \(Format.risk(risk)) or of their cluster's"
    }

    /// `lowest 0.60`, `lowest 0.41; 2 below 0.50`.
    var depthText: String {
        "lowest \(Format.risk(lowest))"
            + (belowFlagged > 0 ? "; \(Format.grouped(belowFlagged)) below \(Format.risk(TriageOrder.flagged))" : "")
    }

    /// The weak members' ratings as they are: `0.21-0.34`, or `0.34` when they share one.
    var spanText: String {
        Format.risk(lowest) == Format.risk(highest) ? Format.risk(lowest) : "\(Format.risk(lowest))-\(Format.risk(highest))"
    }

    /// How the weak members are rated: `rated below the cluster's 0.78, lowest 0.60`; for an
    /// operation `rated 0.21-0.34, under 0.85 of the operation's 0.43 or of their cluster's`.
    func ratedText(owner: String? = nil) -> String {
        guard isOperation, clusterRisk != nil else { return "rated \(barText(owner: owner)), \(depthText)" }
        return "rated \(spanText), \(barText(owner: owner))"
            + (belowFlagged > 0 ? "; \(Format.grouped(belowFlagged)) below \(Format.risk(TriageOrder.flagged))" : "")
    }

    /// `; 1 of them rated below the cluster's 0.78 on their own (lowest 0.60; Enter asks which
    /// to tag)`, or "" when none is.
    var promptNote: String {
        guard !weak.isEmpty else { return "" }
        // Short: at 80 columns the end (what Enter does) must still show.
        let clusters = weakClusters > 0 ? " (\(Format.plural(weakClusters, "cluster")))" : ""
        return "; \(Format.grouped(weak.count))\(clusters) \(ratedText()): Enter asks which"
    }

    /// `ratedText` without an operation's `or of their cluster's`, for where the room is short:
    /// `rated 0.38-0.41, under 0.85 of op2's 0.52`.
    func shortRatedText(owner: String? = nil) -> String {
        guard isOperation, let risk = clusterRisk else { return ratedText(owner: owner) }
        return "rated \(spanText), under \(Format.risk(Self.typicalShare)) of \(owner ?? "the operation's") \(Format.risk(risk))"
            + (belowFlagged > 0 ? "; \(Format.grouped(belowFlagged)) below \(Format.risk(TriageOrder.flagged))" : "")
    }

    /// `promptNote` in the room beside a prompt at 80 columns, the weak members counted among
    /// all and the bar named by its owner (`c3's`, `op2's`): `1 of 75 rated below c3's 0.79,
    /// lowest 0.61: Enter asks which` (without `asks`, the count and the bar alone; without
    /// `clusters`, an operation's weak clusters are not counted).
    func shortPromptNote(owner: String, asks: Bool = true, clusters counted: Bool = true) -> String {
        let clusters = counted && weakClusters > 0 ? " (\(Format.plural(weakClusters, "cluster")))" : ""
        return "\(Format.grouped(weak.count))\(clusters) of \(Format.grouped(members.count)) "
            + shortRatedText(owner: owner) + (asks ? ": Enter asks which" : "")
    }

    /// The count's last wordings, for beside a prompt where a long label leaves too little room
    /// even for `shortPromptNote`: `7 of 126 rated 0.38-0.41 (op2's 0.52)`, `7 of 126 rated
    /// 0.38-0.41`, `7 of 126 rated lower`.
    func shortestCounts(owner: String) -> [String] {
        let of = "\(Format.grouped(weak.count)) of \(Format.grouped(members.count)) rated "
        let bar = clusterRisk.map { [of + spanText + " (\(owner) \(Format.risk($0)))"] } ?? []
        return bar + [of + spanText, of + "lower"]
    }

    /// What the audit entry records of the choice (`members` in the store's detail).
    func choiceText(onlyStrong: Bool) -> String {
        let weakText = isOperation
            ? "\(Format.grouped(weak.count)) \(ratedText())"
            : "\(Format.grouped(weak.count)) rated \(barText()) on their own (\(depthText))"
        let strongText = isOperation ? "rated like the operation" : "not rated \(barText())"
        return onlyStrong
            ? "only the \(Format.grouped(strong.count)) of \(Format.grouped(members.count)) \(strongText); \(weakText) left untagged, and "
                + (clusterKeys.count == 1 ? "the cluster itself" : "the clusters themselves") + " untagged"
            : "all \(Format.grouped(members.count)), \(weakText) included"
    }
}
