import Investigate

/// One link kind of a cluster: how many distinct values of it two or more members share (the
/// cluster's `linkCounts`), and how many of those are hubs (too common to find pairs by).
struct SharedKind: Hashable, Sendable {
    var kind: LinkKind
    var values: Int
    var hubs: Int

    /// `payment 4`, `asn 3 (1 hub)`, `email_domain 7 (hubs)`; `separator` between kind and count.
    func text(_ separator: String = " ") -> String { Self.text(kind.rawValue, values: values, hubs: hubs, separator: separator) }

    static func text(_ kind: String, values: Int, hubs: Int, separator: String = " ") -> String {
        let count = "\(kind)\(separator)\(values)"
        if hubs <= 0 { return count }
        return count + (hubs >= values ? " (hubs)" : " (\(hubs) \(hubs == 1 ? "hub" : "hubs"))")
    }
}

/// A cluster's link kinds as an investigator should read them: the kinds whose shared values
/// are not hubs first, most such values first, and kinds shared only through hubs (a free-mail
/// domain, a cloud ASN) last and said to be hubs, so "shares email_domain:7" never leads a
/// ring whose members merely use seven common mail domains.
enum SharedKinds {
    /// The kinds of `cluster`'s `linkCounts`, hubs counted over its first `sampled` members.
    /// - Complexity: O(sampled members × their values).
    static func of(_ cluster: Cluster, in inv: Investigation, sampled: Int = 5_000) -> [SharedKind] {
        let counts = cluster.linkCounts.filter { $0.value > 0 }
        guard !counts.isEmpty else { return [] }  // a single account shares nothing: nothing to read
        struct Key: Hashable { let kind: LinkKind; let value: Int32 }
        var holders: [Key: Int] = [:]
        for member in cluster.members.prefix(sampled) {
            for kind in counts.keys {
                for value in inv.index.values(of: Int(member), kind: kind) { holders[Key(kind: kind, value: value), default: 0] += 1 }
            }
        }
        var hubs: [LinkKind: Int] = [:]
        for (key, count) in holders where count >= 2 && inv.isHub(key.kind, value: key.value) { hubs[key.kind, default: 0] += 1 }
        return ordered(counts.map { SharedKind(kind: $0.key, values: $0.value, hubs: min($0.value, hubs[$0.key] ?? 0)) })
    }

    /// Kinds with values that are not hubs first (most of them first), then fewer hubs first,
    /// then by kind; kinds with no shared value dropped.
    static func ordered(_ kinds: [SharedKind]) -> [SharedKind] {
        kinds.filter { $0.values > 0 }.sorted { a, b in
            let (x, y) = (a.values - a.hubs, b.values - b.hubs)
            if x != y { return x > y }
            if a.hubs != b.hubs { return a.hubs < b.hubs }
            return a.kind.rawValue < b.kind.rawValue
        }
    }
}
