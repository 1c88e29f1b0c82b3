/// Finds clusters: connected components over strong links, with hubs suppressed, plus a
/// behavioural pass that joins accounts sharing a dominant prompt template *and* a client
/// string (rings that give every account its own card and residential IP still share tooling).
public struct Clusterer {
    /// Largest group a behavioural (template + client) key may join.
    public var behaviouralLimit = 20_000
    /// Minimum share of an account's prompts in its top template for the behavioural pass.
    public var behaviouralTopShare: Float = 0.5

    /// Creates a clusterer with default limits.
    public init() {}

    /// The components as member lists (ascending), in order of their smallest member.
    /// - Complexity: O(pairs in the link index), near-linear.
    public func components(index: LinkIndex) -> [[Int32]] {
        let groups = componentRows(index: index)
        return (0..<groups.count).map { Array(groups.members(of: $0)) }
    }

    /// The components in compressed rows (members ascending, components in order of their
    /// smallest member): one array of members and one of offsets, not an array per component.
    /// - Complexity: O(pairs in the link index), near-linear.
    public func componentRows(index: LinkIndex) -> MemberRows {
        let n = index.data.accountCount
        var sets = DisjointSets(count: n)
        for kind in LinkKind.allCases where LinkStrength.merges(kind) {
            for value in 0..<index.valueCount(kind) {
                let v = Int32(value)
                let sharers = index.accounts(sharing: kind, value: v)
                guard sharers.count >= 2 else { continue }
                if kind == .upstream && index.data.upstream.weight[value] * kind.baseWeight < LinkStrength.mergeThreshold {
                    continue
                }
                if index.isHub(kind, value: v) { continue }
                let first = Int(sharers.first!)
                for other in sharers.dropFirst() { sets.union(first, Int(other)) }
            }
        }
        joinBehavioural(index: index, sets: &sets)
        return MemberRows(components: &sets)
    }

    /// Joins accounts dominated by templates that share one of those template families and a
    /// client string. Keys shared by fewer than three accounts or by more than
    /// `behaviouralLimit` join nothing.
    private func joinBehavioural(index: LinkIndex, sets: inout DisjointSets) {
        let families = index.families
        func keys(_ account: Int) -> [UInt64] {
            guard families.topShare[account] >= behaviouralTopShare else { return [] }
            var out: [UInt64] = []
            for family in index.values(of: account, kind: .template) {
                for client in index.values(of: account, kind: .userAgent) {
                    out.append(UInt64(UInt32(family)) << 32 | UInt64(UInt32(client)))
                }
            }
            return out
        }
        var keyCount: [UInt64: Int] = [:]
        for account in 0..<index.data.accountCount {
            for key in keys(account) { keyCount[key, default: 0] += 1 }
        }
        var firstWithKey: [UInt64: Int32] = [:]
        for account in 0..<index.data.accountCount {
            for key in keys(account) {
                guard let count = keyCount[key], count >= 3, count <= behaviouralLimit else { continue }
                if let first = firstWithKey[key] { sets.union(Int(first), account) } else { firstWithKey[key] = Int32(account) }
            }
        }
    }

    /// Distinct values shared by two or more members of a cluster, per kind.
    public static func linkCounts<Members: Collection<Int32>>(members: Members, index: LinkIndex) -> [LinkKind: Int] {
        guard members.count >= 2 else { return [:] }
        var result: [LinkKind: Int] = [:]
        for kind in LinkKind.allCases {
            var seen: [Int32: Int] = [:]
            for member in members {
                for value in index.values(of: Int(member), kind: kind) { seen[value, default: 0] += 1 }
            }
            let shared = seen.values.filter { $0 >= 2 }.count
            if shared > 0 { result[kind] = shared }
        }
        return result
    }
}
