/// How two accounts of one cluster that are not linked to each other are joined: the shortest
/// chain of links through the cluster's other members, for `why` ("joined through ...").
///
/// Breadth first from one account; a step is a pair whose evidence is a link (`PairEvidence`,
/// timing included, as `why` reads a pair). Every step costs one pair's evidence, so the search
/// is bounded: clusters of at most `memberLimit` members, at most `pairLimit` pairs read.
public enum ClusterPath {
    /// Clusters larger than this are not searched (a pair's evidence for each member of each step).
    public static let memberLimit = 200
    /// At most this many pairs are read in one search.
    public static let pairLimit = 5_000

    /// One step of a path: the account reached, and the evidence (bits) of its link to the one before.
    public struct Step: Sendable, Equatable {
        /// The account index reached.
        public let account: Int
        /// The link's evidence in bits.
        public let bits: Double
    }

    /// The steps from `a` to `b` (ending at `b`, not listing `a`), or nil when they are in
    /// different clusters, the cluster is over the limits, or no chain of links joins them.
    public static func find(from a: Int, to b: Int, in inv: Investigation) -> [Step]? {
        guard a != b, inv.clusterOfAccount[a] == inv.clusterOfAccount[b] else { return nil }
        let members = inv.cluster(ofAccount: a).members.map(Int.init)
        guard members.count <= memberLimit else { return nil }
        var cameFrom: [Int: Step] = [:]
        var seen: Set<Int> = [a]
        var frontier = [a]
        var read = 0
        while !frontier.isEmpty {
            var next: [Int] = []
            for from in frontier {
                for to in members where !seen.contains(to) {
                    read += 1
                    guard read <= pairLimit else { return nil }
                    let evidence = inv.why(from, to)
                    guard evidence.linked else { continue }
                    seen.insert(to)
                    cameFrom[to] = Step(account: from, bits: evidence.total)
                    if to == b { return walkBack(to: b, from: a, cameFrom) }
                    next.append(to)
                }
            }
            frontier = next
        }
        return nil
    }

    /// The steps from `a` to `b`, read back from each account's predecessor.
    private static func walkBack(to b: Int, from a: Int, _ cameFrom: [Int: Step]) -> [Step] {
        var steps: [Step] = []
        var at = b
        while at != a, let previous = cameFrom[at] {
            steps.append(Step(account: at, bits: previous.bits))
            at = previous.account
        }
        return steps.reversed()
    }

    /// "joined through a chain of links: u1 ~ u7 (15.2 bits) ~ u9 (14.1 bits) (`why` on a step says
    /// what its two accounts share)", or nil without a path.
    public static func line(from a: Int, to b: Int, in inv: Investigation) -> String? {
        guard let steps = find(from: a, to: b, in: inv) else { return nil }
        let chain = steps.map { "\(inv.data.accountExactID($0.account).display) (\(format1($0.bits)) bits)" }
        return "joined through a chain of links: \(inv.data.accountExactID(a).display) ~ "
            + chain.joined(separator: " ~ ") + " (`why` on a step says what its two accounts share)"
    }
}
