import Investigate

/// What `T` on a cluster (or an operation) would tag, split by each member's own rating: a
/// cluster's label reaches every member, and a trial's `T` tagged accounts that the truth
/// calls benign, rated well below their cluster on their own (an account's risk is its
/// cluster's times a weight for how much of the cluster's behaviour it shows). A member is
/// "weak" when it is rated below its cluster, compared at the hundredths the screen shows;
/// every member below 0.50 in a cluster rated 0.50 or more is among them. How far below is
/// left to the investigator, who is shown the lowest rating (0.44 under a cluster's 0.45 is
/// not 0.60 under 0.78): no cut of the engine's weights is assumed here.
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
    /// Weak members rated below the flag bar (`TriageOrder.flagged`) in a cluster rated at or above it.
    var belowFlagged = 0
    /// The cluster's rating, when there is one cluster.
    var clusterRisk: Double?

    /// Every member, strong ones first (the write order does not matter to the store).
    var members: [String] { strong + weak }

    /// The scope of tagging `clusters` whole.
    static func of(_ clusters: [Int], model: any ConsoleModel) -> ClusterTagScope {
        var scope = ClusterTagScope(clusterKeys: clusters.map(MarkKey.cluster))
        let flagged = hundredths(TriageOrder.flagged)
        for number in clusters {
            guard let detail = model.cluster(number) else { continue }
            if clusters.count == 1 { scope.clusterRisk = detail.risk }
            let bar = hundredths(detail.risk)
            for member in detail.members {
                let key = MarkKey.account(member.exactID)
                let rating = hundredths(member.risk)
                guard rating < bar else { scope.strong.append(key); continue }
                scope.weak.append(key)
                scope.lowest = min(scope.lowest, member.risk)
                if rating < flagged && bar >= flagged { scope.belowFlagged += 1 }
            }
        }
        return scope
    }

    /// `below the cluster's 0.78`, or for several clusters `below their cluster's rating`.
    var barText: String {
        clusterRisk.map { "below the cluster's \(Format.risk($0))" } ?? "below their cluster's rating"
    }

    /// `lowest 0.60`, `lowest 0.41; 2 below 0.50`.
    var depthText: String {
        "lowest \(Format.risk(lowest))"
            + (belowFlagged > 0 ? "; \(Format.grouped(belowFlagged)) below \(Format.risk(TriageOrder.flagged))" : "")
    }

    /// `; 1 of them rated below the cluster's 0.78 on their own (lowest 0.60; Enter asks which
    /// to tag)`, or "" when none is.
    var promptNote: String {
        guard !weak.isEmpty else { return "" }
        return "; \(Format.grouped(weak.count)) of them rated \(barText) on their own (\(depthText); Enter asks which to tag)"
    }

    /// What the audit entry records of the choice (`members` in the store's detail).
    func choiceText(onlyStrong: Bool) -> String {
        let weakText = "\(Format.grouped(weak.count)) rated \(barText) on their own (\(depthText))"
        return onlyStrong
            ? "only the \(Format.grouped(strong.count)) of \(Format.grouped(members.count)) rated as their cluster; \(weakText) left untagged, and "
                + (clusterKeys.count == 1 ? "the cluster itself" : "the clusters themselves") + " untagged"
            : "all \(Format.grouped(members.count)), \(weakText) included"
    }

    private static func hundredths(_ risk: Double) -> Int { Int((min(1, max(0, risk)) * 100).rounded()) }
}
