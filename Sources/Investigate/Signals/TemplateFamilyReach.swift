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
    /// For each template family (a `.template` value id), the number of groups its holders fall
    /// in: each cluster holding `groupSize` or more of them counts one, and each holder in a
    /// cluster holding fewer counts one of its own (unless that cluster holds them all).
    public let clusters: [Int32]

    /// Holders of a family one cluster must hold to count as one group of them (design: three,
    /// a group as `BridgeCut` reads one). Two holders linked by chance coincidences (a public
    /// wrapper's users who also share a popular question) are a pair, not the family's owner:
    /// were they counted as one, every such pair would make a public family look owned.
    static let groupSize = 3

    /// Counts, for every template family, the groups of its holders.
    /// - Parameter clusterOf: the cluster of each account (any numbering).
    /// - Complexity: O(accounts + the families' holders).
    public init(index: LinkIndex, clusterOf: [Int32]) {
        let families = index.valueCount(.template)
        var counts = [Int32](repeating: 0, count: families)
        // Holders of the current family in each cluster, and the clusters touched.
        var inCluster = [Int32](repeating: 0, count: clusterOf.count)
        var touched: [Int] = []
        for family in 0..<families {
            counts[family] = Self.groups(
                clusters: index.accounts(sharing: .template, value: Int32(family)).lazy.map { Int(clusterOf[Int($0)]) },
                inCluster: &inCluster, touched: &touched)
        }
        clusters = counts
    }

    /// The groups a family's holders fall in, from each holder's cluster (any numbering below
    /// `inCluster.count`; another counts as a group of its own): each cluster holding
    /// `groupSize` or more of them, or all of them, counts one, and each holder in a cluster
    /// holding fewer counts one. `inCluster` (zeros) and `touched` are scratch, left as found.
    static func groups(clusters: some Sequence<Int>, inCluster: inout [Int32], touched: inout [Int]) -> Int32 {
        var groups: Int32 = 0
        touched.removeAll(keepingCapacity: true)
        for cluster in clusters {
            guard cluster >= 0, cluster < inCluster.count else {
                groups += 1
                continue
            }
            if inCluster[cluster] == 0 { touched.append(cluster) }
            inCluster[cluster] += 1
        }
        let whole = touched.count == 1 && groups == 0
        for cluster in touched {
            groups += inCluster[cluster] >= Self.groupSize || whole ? 1 : inCluster[cluster]
            inCluster[cluster] = 0
        }
        return groups
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
