/// The links among case accounts: every value two case accounts share, one edge per
/// (account pair, kind, value), sorted. Values shared by more than `maxSharers` case accounts
/// are counted in `skippedWideValues` instead of expanding into every pair.
public struct CaseLinks {
    /// One shared value between two case accounts (`a < b` by id).
    public struct Edge: Equatable {
        public var a: String
        public var b: String
        public var kind: LinkKind
        public var value: String
        public var weight: Double
    }

    /// The edges, sorted by (a, b, kind, value).
    public let edges: [Edge]
    /// Values skipped for being shared too widely inside the case.
    public let skippedWideValues: Int
    /// The widest sharing expanded into pairs.
    public static let maxSharers = 200

    /// Computes the links of a bundle input.
    public init(_ input: BundleInput) {
        let index = input.investigation.index
        var edges: [Edge] = []
        var skipped = 0
        var seenValues = Set<String>()
        for (_, account) in input.accounts {
            for kind in LinkKind.allCases {
                for value in index.values(of: account, kind: kind) {
                    let key = "\(kind.rawValue)#\(value)"
                    guard !seenValues.contains(key) else { continue }
                    seenValues.insert(key)
                    let sharers = index.accounts(sharing: kind, value: value).filter { input.accountSet.contains($0) }
                    guard sharers.count >= 2 else { continue }
                    guard sharers.count <= Self.maxSharers else { skipped += 1; continue }
                    let text = input.linkValue(kind, index.valueString(kind, value))
                    let total = index.shareCount(kind, value: value)
                    let weight = LinkStrength.strength(
                        kind: kind, sharedBy: total,
                        freeMail: kind == .emailDomain && FreeMail.contains(index.valueString(kind, value)))
                    let ids = sharers.map { input.data.accountID(Int($0)) }.sorted()
                    for i in ids.indices {
                        for j in ids.index(after: i)..<ids.endIndex {
                            edges.append(Edge(a: ids[i], b: ids[j], kind: kind, value: text, weight: weight))
                        }
                    }
                }
            }
        }
        edges.sort { ($0.a, $0.b, $0.kind.rawValue, $0.value) < ($1.a, $1.b, $1.kind.rawValue, $1.value) }
        self.edges = edges
        skippedWideValues = skipped
    }

    /// Edges merged per account pair: kinds joined with `;`, weight = the strongest.
    public var pairs: [(a: String, b: String, kinds: String, shared: Int, weight: Double)] {
        var out: [(a: String, b: String, kinds: String, shared: Int, weight: Double)] = []
        var start = 0
        while start < edges.count {
            var end = start
            while end < edges.count && edges[end].a == edges[start].a && edges[end].b == edges[start].b { end += 1 }
            let group = edges[start..<end]
            let kinds = Array(Set(group.map(\.kind.rawValue))).sorted().joined(separator: ";")
            out.append((edges[start].a, edges[start].b, kinds, group.count, group.map(\.weight).max() ?? 0))
            start = end
        }
        return out
    }
}
