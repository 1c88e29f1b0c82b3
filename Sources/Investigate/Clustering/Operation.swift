/// Clusters tied by rare tooling (a template family, a client string or a model mix few accounts
/// use) or by one inbox (a mailbox their members' emails deliver to) into one operation: pods that each
/// keep their own card and network but run the same scaffolds, or sign up through one inbox.
public struct Operation: Sendable {
    /// `op1` is the operation whose riskiest cluster ranks highest.
    public var id: String
    /// Positions of its clusters in the ranking (0 for `c1`), ascending.
    public var clusters: [Int]
    /// Accounts in all its clusters.
    public var accounts: Int
    /// The tooling tying the clusters: (kind, value id, clusters holding it).
    public var ties: [(kind: LinkKind, value: Int32, clusters: Int)]
}

/// Finds operations among ranked clusters.
public enum OperationFinder {
    /// Unions clusters of two or more members that share a template family, client string, model
    /// mix or mailbox carrying at least half a link's evidence (`EvidenceWeights`), when the value is each tied
    /// cluster's tooling (held by at least half of its members, two or more) and at least half of
    /// the value's holders sit in the clusters it ties.
    /// - Complexity: O(template, client, model mix and mailbox (account, value) pairs).
    public static func find(clusterOf: [Int32], sizes: (Int) -> Int, index: LinkIndex, weights: EvidenceWeights) -> [Operation] {
        var sets: [Int: Int] = [:]
        func find(_ x: Int) -> Int {
            var x = x
            while let p = sets[x], p != x { x = p }
            return x
        }
        var ties: [(LinkKind, Int32, [Int])] = []
        for kind in [LinkKind.template, .userAgent, .clientFamily, .modelMix, .mailbox] {
            for value in 0..<index.valueCount(kind) {
                let v = Int32(value)
                let holders = index.accounts(sharing: kind, value: v)
                guard holders.count >= 4, weights.weight(kind, sharedBy: holders.count) >= weights.threshold / 2 else { continue }
                var perCluster: [Int: Int] = [:]
                for a in holders { perCluster[Int(clusterOf[Int(a)]), default: 0] += 1 }
                // A value a few members of a large cluster happen to send (one question of a
                // public bank that several rings draw from) is not that cluster's tooling: pods
                // of one operation run their scaffolds on most of their members.
                let tied = perCluster.filter { $0.value >= 2 && sizes($0.key) >= 2 && $0.value * 2 >= sizes($0.key) }
                    .keys.sorted()
                guard tied.count >= 2 else { continue }
                // Tooling is an operation's when most of its holders sit in the clusters it ties:
                // a template that strangers also send (most holders alone, in no cluster) chains
                // unrelated small clusters into one "operation" of hundreds.
                let inside = tied.reduce(0) { $0 + perCluster[$1]! }
                guard inside * 2 >= holders.count else { continue }
                ties.append((kind, v, tied))
                for c in tied where sets[c] == nil { sets[c] = c }
                for c in tied.dropFirst() {
                    let r = find(c), root = find(tied[0])
                    if r != root { sets[max(r, root)] = min(r, root) }
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for c in sets.keys { groups[find(c), default: []].append(c) }
        var out: [Operation] = []
        for (root, members) in groups.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
            let clusters = members.sorted()
            let mine = ties.filter { find($0.2[0]) == root }.map { (kind: $0.0, value: $0.1, clusters: $0.2.count) }
            out.append(Operation(id: "", clusters: clusters, accounts: clusters.reduce(0) { $0 + sizes($1) }, ties: mine))
        }
        out.sort { $0.clusters[0] < $1.clusters[0] }
        for i in out.indices { out[i].id = "op\(i + 1)" }
        return out
    }
}
