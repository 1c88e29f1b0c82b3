#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One account's light use of a value it shares (`ContextUse`): its queries carrying the value,
/// and those carrying its most used value of the kind.
public struct LightUse: Sendable, Equatable {
    /// The account.
    public var account: Int
    /// Its queries with the value.
    public var count: Int
    /// Its queries with its most used value of the kind.
    public var main: Int
}

/// How much of an account's own traffic goes with each value it holds of a kind read from its
/// queries and chosen by whoever sends them (client, ASN), against the value of that kind it
/// uses most.
///
/// A shared value is evidence that two accounts are one operator's when it is how they work,
/// not a few requests: a ring member that sends two of its hundreds of queries with a small
/// firm's public client string, from the firm's cloud, has copied the firm, not become it (a
/// trial framed a firm so, and its accounts were proposed for suspension with the ring). In
/// Fellegi-Sunter terms the m-probability of such an agreement is about the share of the
/// account's traffic that carries it: a value used in `k` of its queries, when its most used
/// value of the kind carries `main`, has `m = k / main`, and its weight falls by
/// `log2(main / k)` bits (`ContextUse.lightBits`). The lighter user of the pair sets it. An
/// account that rotates evenly over a few values uses each about as much as its most used one,
/// and loses little.
///
/// IP addresses and networks are not read so: people go through addresses by the handful (a
/// phone's carrier, VPN exits), a few queries from each, and at such counts one address with 4
/// queries and the next with 1 is chance, not a copied habit (a first version discounted them
/// too, and broke the links of VPN users who share exits and a client, leaving one alone to be
/// pulled into a ring by its timing). An adversary cannot pick a firm's address as it picks the
/// firm's client string; a cloud, as an ASN, it can.
struct AccountContextUse {
    /// The account read, or -1.
    var account = -1
    /// (kind slot in `ContextUse.kinds`, value, queries carrying it), ascending by slot then
    /// value: one array an account, so a cache of accounts holds few allocations.
    var entries: [(slot: UInt8, value: Int32, count: Int32)] = []
    /// Per kind slot, the count of its most used value (a client family's is the most used
    /// client's: the family is read from the clients).
    var main: (Int32, Int32, Int32) = (0, 0, 0)

    /// The queries carrying `value` of `kind` and the count of the most used value of the kind;
    /// nil for a kind whose use is not read.
    func use(_ kind: LinkKind, _ value: Int32) -> (count: Int, main: Int)? {
        guard let k = ContextUse.slot(kind) else { return nil }
        let slot = UInt8(k)
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if (entries[middle].slot, entries[middle].value) < (slot, value) { low = middle + 1 } else { high = middle }
        }
        let found = low < entries.count && entries[low].slot == slot && entries[low].value == value
        return (found ? Int(entries[low].count) : 0, Int(k == 0 ? main.0 : k == 1 ? main.1 : main.2))
    }
}

/// Reads accounts' context use (`AccountContextUse`) from the query table, with a small cache
/// of accounts already read. One per thread: it is not shared.
final class ContextUse {
    /// The kinds whose use is read: those a query's context carries, strangers share and the
    /// sender picks (an API key is issued to one operator: one request with it is evidence
    /// enough; addresses: see `AccountContextUse`).
    static let kinds: [LinkKind] = [.asn, .userAgent]

    /// The position of a kind in `kinds`, 2 for a client family (its use is its clients'), or nil.
    @inline(__always)
    static func slot(_ kind: LinkKind) -> Int? {
        switch kind {
        case .asn: 0
        case .userAgent: 1
        case .clientFamily: 2
        default: nil
        }
    }

    let index: LinkIndex
    private let userAgentKeys: SpellingKeys
    private var cache: [AccountContextUse]
    private var contextScratch: [Int32] = []
    private var pairScratch: [(Int32, Int32)] = []

    /// A reader keeping up to `cacheSlots` accounts (direct-mapped by account).
    init(index: LinkIndex, cacheSlots: Int = 128) {
        self.index = index
        userAgentKeys = index.data.userAgentKeys
        cache = Array(repeating: AccountContextUse(), count: max(1, cacheSlots))
    }

    /// Bits taken off a value of `kind` that `a` and `b` share because the lighter of the two
    /// uses it in only a part of the traffic of its most used value of the kind: `log2(main /
    /// count)`. 0 for kinds not read, and when each holds a single value of the kind (its only
    /// value is its most used).
    func lightBits(_ kind: LinkKind, _ value: Int32, _ a: Int, _ b: Int) -> Double {
        lighter(kind, value, a, b).map(ContextUse.bits) ?? 0
    }

    /// The bits a light use takes off: `log2(main / count)`.
    static func bits(_ use: LightUse) -> Double { log2(Double(use.main) / Double(max(use.count, 1))) }

    /// The lighter user of a shared value when one of the two uses it less than its most used
    /// value of the kind: that account, its queries with the value and with its most used one.
    func lighter(_ kind: LinkKind, _ value: Int32, _ a: Int, _ b: Int) -> LightUse? {
        guard ContextUse.slot(kind) != nil else { return nil }
        let first = light(kind, value, a), second = light(kind, value, b)
        guard let first, let second else { return first ?? second }
        // The lighter share (count / main) of the two.
        return first.count * second.main <= second.count * first.main ? first : second
    }

    /// The account's use of a value it holds when lighter than its most used value of the kind.
    private func light(_ kind: LinkKind, _ value: Int32, _ account: Int) -> LightUse? {
        // A family is light when the account's other clients carry more of its traffic.
        let heldKind = kind == .clientFamily ? LinkKind.userAgent : kind
        guard index.heldCount(of: account, kind: heldKind) >= 2, let (count, main) = uses(of: account).use(kind, value), count < main else {
            return nil
        }
        return LightUse(account: account, count: count, main: main)
    }

    /// The account's use of each context value (read once, then from the cache while it stays).
    func uses(of account: Int) -> AccountContextUse {
        let slot = account % cache.count
        if cache[slot].account != account { cache[slot] = read(account) }
        return cache[slot]
    }

    /// Counts the account's queries per value of each context kind.
    /// - Complexity: O(q log q) for its q queries.
    private func read(_ account: Int) -> AccountContextUse {
        let data = index.data
        let queries = data.queries, contexts = queries.contexts
        var out = AccountContextUse()
        out.account = account
        contextScratch.removeAll(keepingCapacity: true)
        for row in queries.accountStart[account]..<queries.accountStart[account + 1] { contextScratch.append(queries.context[row]) }
        contextScratch.sort()
        for k in 0..<ContextUse.kinds.count {
            pairScratch.removeAll(keepingCapacity: true)
            var i = 0
            while i < contextScratch.count {
                var j = i + 1
                while j < contextScratch.count && contextScratch[j] == contextScratch[i] { j += 1 }
                let context = Int(contextScratch[i])
                let value: Int32 =
                    ContextUse.kinds[k] == .asn
                    ? contexts.asn[context] : contexts.userAgent[context] >= 0 ? userAgentKeys.key(contexts.userAgent[context]) : -1
                if value >= 0 { pairScratch.append((value, Int32(j - i))) }
                i = j
            }
            pairScratch.sort { $0.0 < $1.0 }
            var most: Int32 = 0
            let first = out.entries.count
            for (value, count) in pairScratch {
                if out.entries.count > first && out.entries[out.entries.count - 1].value == value {
                    out.entries[out.entries.count - 1].count += count
                } else {
                    out.entries.append((UInt8(k), value, count))
                }
                most = max(most, out.entries[out.entries.count - 1].count)
            }
            if k == 0 { out.main.0 = most } else { out.main.1 = most }
        }
        // Its client families: the queries of its clients of each family's product or shape
        // (a ring member sending one query with a firm's per-install string has the firm's
        // family in one query of its traffic).
        let families = index.values(of: account, kind: .clientFamily)
        if !families.isEmpty {
            let clients = out.entries.filter { $0.slot == 1 }
            for family in families {
                let product = data.pools.clientFamilies.bytes(family)
                var count: Int32 = 0
                for client in clients where ClientFamilies.belongs(client.value, to: product, in: data) { count += client.count }
                out.entries.append((2, family, count))
            }
            out.main.2 = out.main.1
        }
        return out
    }
}
