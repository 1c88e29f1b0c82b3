import Investigate

/// What `T` on a cluster (or an operation) would tag, split by each member's own rating: a
/// cluster's label reaches every member, and a trial's `T` tagged accounts that the truth
/// calls benign, rated low on their own inside a high cluster. A member is "weak" when it is
/// rated below the flag bar (`TriageOrder.flagged`, 0.50), or below its cluster's own rating
/// when that is lower, compared at the hundredths the screen shows.
struct ClusterTagScope: Hashable, Sendable {
    /// The clusters' own mark keys (`cluster:c3`): the export gives a cluster's label to every
    /// member, so tagging only the strong members leaves these untagged.
    var clusterKeys: [String]
    /// Members rated at or above their bar.
    var strong: [String]
    /// Members rated below their bar.
    var weak: [String]
    /// True when some cluster is rated below the flag bar (its own rating is then the bar).
    var lowCluster: Bool
    /// The one cluster's rating when it is the bar (a single cluster rated below 0.50).
    var clusterRisk: Double?

    /// Every member, strong ones first (the write order does not matter to the store).
    var members: [String] { strong + weak }

    /// The scope of tagging `clusters` whole.
    static func of(_ clusters: [Int], model: any ConsoleModel) -> ClusterTagScope {
        var scope = ClusterTagScope(clusterKeys: clusters.map(MarkKey.cluster), strong: [], weak: [], lowCluster: false)
        for number in clusters {
            guard let detail = model.cluster(number) else { continue }
            let bar = min(hundredths(TriageOrder.flagged), hundredths(detail.risk))
            if bar < hundredths(TriageOrder.flagged) {
                scope.lowCluster = true
                if clusters.count == 1 { scope.clusterRisk = detail.risk }
            }
            for member in detail.members {
                let key = MarkKey.account(member.exactID)
                if hundredths(member.risk) < bar { scope.weak.append(key) } else { scope.strong.append(key) }
            }
        }
        return scope
    }

    /// `below 0.50`, `below the cluster's 0.35`, or for several clusters `below 0.50 (or their
    /// cluster's, if lower)`.
    var barText: String {
        if let clusterRisk { return "below the cluster's \(Format.risk(clusterRisk))" }
        return "below \(Format.risk(TriageOrder.flagged))" + (lowCluster ? " (or their cluster's, if lower)" : "")
    }

    /// `; 4 of them rated below 0.50 on their own (Enter asks which to tag)`, or "" when none is.
    var promptNote: String {
        guard !weak.isEmpty else { return "" }
        return "; \(Format.grouped(weak.count)) of them rated \(barText) on their own (Enter asks which to tag)"
    }

    /// What the audit entry records of the choice (`members` in the store's detail).
    func choiceText(onlyStrong: Bool) -> String {
        let weakText = "\(Format.grouped(weak.count)) rated \(barText) on their own"
        return onlyStrong
            ? "only the \(Format.grouped(strong.count)) of \(Format.grouped(members.count)) rated at or above the bar; \(weakText) left untagged, and "
                + (clusterKeys.count == 1 ? "the cluster itself" : "the clusters themselves") + " untagged"
            : "all \(Format.grouped(members.count)), \(weakText) included"
    }

    private static func hundredths(_ risk: Double) -> Int { Int((min(1, max(0, risk)) * 100).rounded()) }
}
