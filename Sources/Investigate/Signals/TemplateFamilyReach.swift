/// How a template family's holders fall into clusters: a family an operation writes is held by
/// accounts that clustering joins (one cluster, or a few pods), while a public one (a course's
/// homework, a plugin's prompt, a popular scaffold) is held by accounts that share nothing else,
/// so they fall into about as many clusters as there are holders.
///
/// Read by `TemplateFamilySignal`: a cluster is credited for a family only as far as the family
/// is owned, `ownership = 1 - (clusters - 1) / (holders - 1)` (1 when every holder is in one
/// cluster, 0 when no two are), so that two students of a 90-student course, linked by chance
/// coincidences on top of their homework template, do not read as a harvester's scaffold.
/// Built from the clustering itself, so it takes its baseline from the loaded population and no
/// constant.
public struct TemplateFamilyReach: Sendable {
    /// For each template family (a `.template` value id), the number of distinct clusters its
    /// holders fall in.
    public let clusters: [Int32]

    /// Counts, for every template family, the distinct clusters of its holders.
    /// - Parameter clusterOf: the cluster of each account (any numbering).
    /// - Complexity: O(accounts + the families' holders).
    public init(index: LinkIndex, clusterOf: [Int32]) {
        let families = index.valueCount(.template)
        var counts = [Int32](repeating: 0, count: families)
        // The last family that counted each cluster, so that a cluster counts once per family.
        var lastCounted = [Int32](repeating: -1, count: clusterOf.count)
        for family in 0..<families {
            var distinct: Int32 = 0
            for account in index.accounts(sharing: .template, value: Int32(family)) {
                let cluster = Int(clusterOf[Int(account)])
                guard cluster >= 0, cluster < lastCounted.count, lastCounted[cluster] != Int32(family) else { continue }
                lastCounted[cluster] = Int32(family)
                distinct += 1
            }
            counts[family] = distinct
        }
        clusters = counts
    }

    /// A reach from counts already made (tests).
    init(clustersPerFamily: [Int32]) { clusters = clustersPerFamily }

    /// The clusters of each account, from rows of members.
    static func clusterOf(accountCount: Int, groups: Int, members: (Int) -> ArraySlice<Int32>) -> [Int32] {
        var owner = [Int32](repeating: -1, count: accountCount)
        for g in 0..<groups { for m in members(g) where Int(m) < accountCount { owner[Int(m)] = Int32(g) } }
        return owner
    }

    /// How far `family` is one group's own: 1 when all its holders are in one cluster, 0 when each
    /// is in a cluster of its own; 1 for a family of one holder.
    public func ownership(of family: Int32, holders: Int) -> Double {
        guard holders > 1, Int(family) < clusters.count else { return 1 }
        return max(0, 1 - Double(clusters[Int(family)] - 1) / Double(holders - 1))
    }
}
