#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Datacenter IPs that the same accounts hold together: one operator's servers.
///
/// A kind strangers share adds at most half a link in all (`EvidenceWeights.counted`) because
/// strangers do meet on IPs: behind a carrier's NAT, a campus or office gateway, a VPN exit. On a
/// hosting network (`HostingASNs`) the NAT and the gateway are gone; strangers meet there only
/// through a service many use (a VPN, a proxy, a platform's egress), and such a service shows in
/// the population: its IPs are held by many, or by different accounts each (every VPN user picks
/// its own exits). What the population shows instead as one operator's servers is a pool: two or
/// more hosting IPs, each rare enough to be half a link by itself before any discount, whose
/// holder sets are mostly the same accounts (of the accounts holding either of two IPs, more than
/// half hold both). A pair that shares two or more IPs of one pool counts them without the
/// kind's half-link cap (`PairEvidence`); each further IP still counts half, as for any kind.
///
/// An office's colleagues behind their company's few egress IPs share a pool too, but not on a
/// hosting network: their IPs stay capped.
public struct ServerPools: Sendable {
    /// The pool of each IP value (one of its IPs' id), or -1 when it is in none.
    let poolOfIP: [Int32]

    /// No pools (a model given by figures, in tests).
    static let none = ServerPools(poolOfIP: [])

    private init(poolOfIP: [Int32]) { self.poolOfIP = poolOfIP }

    /// The pools a snapshot stored (`poolOfIP`, its bounds checked by the reader).
    init(stored poolOfIP: [Int32]) { self.poolOfIP = poolOfIP }

    /// Finds the pools of the index's IPs, given the share `q` of IPs and the population's size
    /// and link threshold (`EvidenceWeights`).
    /// - Complexity: O(Σ over candidate IPs of Σ over their holders of the holder's candidate IPs).
    init(index: LinkIndex, ipShare q: Double, accounts n: Int, threshold: Double) {
        let data = index.data
        let ipCount = index.valueCount(.ip)
        guard ipCount > 0, n > 0 else {
            poolOfIP = []
            return
        }
        let hostingASN = (0..<data.pools.asns.count).map { HostingASNs.contains(data.pools.asns.string(Int32($0))) }
        // An IP is on a hosting network when every query giving it gives a hosting ASN.
        var onHosting = [Int8](repeating: 0, count: ipCount)
        let contexts = data.queries.contexts
        let ipKeys = data.ipKeys
        for c in 0..<contexts.ip.count {
            // Under the address's link key, as the index holds it.
            let ip = Int(ipKeys.key(contexts.ip[c])), asn = Int(contexts.asn[c])
            guard ip >= 0, ip < ipCount else { continue }
            let hosting = asn >= 0 && asn < hostingASN.count && hostingASN[asn]
            if !hosting { onHosting[ip] = -1 } else if onHosting[ip] == 0 { onHosting[ip] = 1 }
        }
        // Rare enough to be half a link by itself: held by fewer than a service gathers.
        let most = Double(n) * pow(2, -threshold / 2) / max(q, 1e-12)
        var candidate = [Bool](repeating: false, count: ipCount)
        for ip in 0..<ipCount where onHosting[ip] == 1 {
            let holders = index.shareCount(.ip, value: Int32(ip))
            candidate[ip] = holders >= 2 && Double(holders) <= most
        }
        var sets = DisjointSets(count: ipCount)
        var together = [Int32](repeating: 0, count: ipCount)
        var touched: [Int32] = []
        for x in 0..<ipCount where candidate[x] {
            let holders = index.accounts(sharing: .ip, value: Int32(x))
            for a in holders {
                for y in index.values(of: Int(a), kind: .ip) where Int(y) > x && candidate[Int(y)] {
                    if together[Int(y)] == 0 { touched.append(y) }
                    together[Int(y)] += 1
                }
            }
            for y in touched {
                let both = Int(together[Int(y)])
                let either = holders.count + index.shareCount(.ip, value: y) - both
                if 2 * both > either { sets.union(x, Int(y)) }
                together[Int(y)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        var size = [Int32](repeating: 0, count: ipCount)
        for ip in 0..<ipCount where candidate[ip] { size[sets.find(ip)] += 1 }
        var pool = [Int32](repeating: -1, count: ipCount)
        for ip in 0..<ipCount where candidate[ip] && size[sets.find(ip)] >= 2 { pool[ip] = Int32(sets.find(ip)) }
        poolOfIP = pool
    }

    /// The pool of an IP value, or nil.
    @inline(__always)
    func pool(ofIP value: Int32) -> Int32? {
        let i = Int(value)
        guard i >= 0, i < poolOfIP.count, poolOfIP[i] >= 0 else { return nil }
        return poolOfIP[i]
    }
}
