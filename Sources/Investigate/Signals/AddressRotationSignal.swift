/// Address rotation: members each send from many addresses in many networks, far more than
/// accounts with as many queries do, and the addresses are shared by members and nobody else: a
/// private pool of (often residential) proxy exits the ring rotates through, which
/// `infrastructure` does not see when the networks are not hosting ones.
///
/// Two readings, both needed:
/// - *rotation*: each member's distinct networks over the bar for its query count
///   (`AddressSpread`: what 9 in 10 accounts with about as many queries stay within), the
///   members' median of that ratio. A student on one to three home lines, a household or an
///   office on one or two, stays under it.
/// - *a shared private pool*: the share of each member's addresses that another member uses too
///   and no account outside the cluster does (pooled over members). A campus network or a carrier NAT, which strangers
///   use too, is not a private pool; nor are addresses each member uses alone (a student's many
///   home lines, where a source's home lines change often).
///
/// Design scale: credit starts at twice the bar and is full at six times it, and starts when half
/// the members' addresses are shared that way and is full at nine tenths; up to 0.25, as
/// `infrastructure`.
public struct AddressRotationSignal: DetectionSignal {
    public let name = "address_rotation"
    /// The most it adds (as `InfrastructureSignal`).
    static let weight = 0.25

    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 20 else { return nil }
        let spread = e.population.addressSpread
        var ratios: [Double] = [], networks: [Double] = [], addresses: [Double] = [], queries: [Double] = []
        for m in e.members {
            let account = Int(m)
            let count = Int(e.features.queries[account])
            let held = e.index.values(of: account, kind: .subnet).count
            ratios.append(Double(held) / Double(max(1, spread.bar(queries: count))))
            networks.append(Double(held))
            addresses.append(Double(e.index.values(of: account, kind: .ip).count))
            queries.append(Double(count))
        }
        let rotation = Statistics.median(sortingInPlace: &ratios)
        // Members no more spread than comparable accounts: nothing to show.
        guard rotation > 1 else { return nil }
        let (own, pool, sharedHeld, held) = Self.privatePool(e)
        guard pool > 0, held > 0 else { return nil }
        let sharedShare = Double(sharedHeld) / Double(held)
        let medianNetworks = Statistics.median(sortingInPlace: &networks)
        let bar = spread.bar(queries: Int(Statistics.median(sortingInPlace: &queries).rounded()))
        let contribution = Self.weight * unit((rotation - 2) / 4) * unit((sharedShare - 0.5) / 0.4)
        return SignalScore(
            name: name, value: medianNetworks, baseline: Double(bar), contribution: contribution,
            explanation: Self.explanation(
                addresses: Int(Statistics.median(sortingInPlace: &addresses).rounded()), networks: Int(medianNetworks.rounded()),
                bar: bar, own: own, pool: pool, sharedShare: sharedShare))
    }

    /// The members' addresses: used by no account outside the cluster (`own`) and all (`pool`);
    /// and, counted member by member, the addresses another member holds too and no account
    /// outside (`sharedHeld`) out of all (`held`).
    /// - Complexity: O(the members' (account, address) pairs + addresses): an address's holders
    ///   are read only until the first non-member, and not at all when they outnumber the members.
    static func privatePool(_ e: ClusterEvidence) -> (own: Int, pool: Int, sharedHeld: Int, held: Int) {
        var pool = Set<Int32>()
        var held = 0
        for m in e.members {
            let addresses = e.index.values(of: Int(m), kind: .ip)
            held += addresses.count
            pool.formUnion(addresses)
        }
        let members = Set(e.members)
        var own = 0, sharedHeld = 0
        for address in pool where e.index.shareCount(.ip, value: address) <= members.count {
            let holders = e.index.accounts(sharing: .ip, value: address)
            guard holders.allSatisfy(members.contains) else { continue }
            own += 1
            if holders.count >= 2 { sharedHeld += holders.count }
        }
        return (own, pool.count, sharedHeld, held)
    }

    /// "members each send from a median of 38 addresses in 31 networks (9 in 10 accounts with
    /// about as many queries use at most 2 networks); 236 of the 240 addresses are used by members
    /// only; member by member, 97% of their addresses are another member's too and nobody else's".
    static func explanation(addresses: Int, networks: Int, bar: Int, own: Int, pool: Int, sharedShare: Double) -> String {
        "members each send from a median of \(Self.addresses(addresses)) in \(PairExplanation.count(networks, "network")) "
            + "(9 in 10 accounts with about as many queries use at most \(PairExplanation.count(bar, "network"))); "
            + "\(PairExplanation.grouped(own)) of the \(Self.addresses(pool)) \(own == 1 ? "is" : "are") used by members only"
            + (own > 0 ? "; member by member, \(percent(sharedShare)) of their addresses are another member's too and nobody else's" : "")
    }

    /// "1 address", "240 addresses".
    static func addresses(_ n: Int) -> String { "\(PairExplanation.grouped(n)) address\(n == 1 ? "" : "es")" }
}
