#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Recidivism: members already banned or suspended, or sharing a card, key or client string
/// with accounts that were, beyond what chance gives in this population.
///
/// With a share `p` of accounts banned, a value held by `n` accounts has a banned holder by
/// chance with probability `1 - (1 - p)^(n - 1)`. A value for which that is more likely than
/// not (a common client string) ties nothing and is not read; for the rest, each member's
/// chance of a tie is summed into an expectation, and only the ties (and banned members) above
/// what chance plausibly gives (the expectation plus two standard deviations) count.
public struct RecidivismSignal: DetectionSignal {
    public let name = "recidivism"
    /// The kinds a comeback shares with its banned accounts.
    static let kinds: [LinkKind] = [.payment, .apiKey, .userAgent]
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        let banned = e.population.bannedAccounts
        let p = e.population.bannedShare
        guard !banned.isEmpty, p > 0 else { return nil }
        var bannedMembers = 0
        var linkedToBanned = 0
        var expectedTies = 0.0, tieVariance = 0.0
        // A one-member cluster (most of them) needs no set to tell members from others.
        let memberSet = e.members.count > 1 ? Set(e.members) : []
        func isMember(_ account: Int32) -> Bool { e.members.count > 1 ? memberSet.contains(account) : account == e.members[0] }
        let keepsClear = log1p(-p)
        for m in e.members {
            if banned[Int(m)] { bannedMembers += 1; continue }
            var clearByChance = 0.0  // log of the chance that no value is tied by chance
            var tied = false
            for kind in Self.kinds {
                let bannedHeld = e.population.bannedHeld[kind.position]
                for value in e.index.values(of: Int(m), kind: kind) {
                    let others = Double(e.index.shareCount(kind, value: value) - 1)
                    // More likely than not to meet a banned account by chance: no evidence.
                    guard others >= 1, others * keepsClear > log(0.5) else { continue }
                    clearByChance += others * keepsClear
                    if !tied && bannedHeld.contains(value) {
                        tied = e.index.accounts(sharing: kind, value: value).contains { banned[Int($0)] && !isMember($0) }
                    }
                }
            }
            if tied { linkedToBanned += 1 }
            let chance = 1 - exp(clearByChance)
            expectedTies += chance
            tieVariance += chance * (1 - chance)
        }
        let expectedBanned = p * Double(e.size)
        let bannedMargin = 2 * (expectedBanned * (1 - p)).squareRoot(), tieMargin = 2 * tieVariance.squareRoot()
        let excess = max(0, Double(bannedMembers) - expectedBanned - bannedMargin)
            + max(0, Double(linkedToBanned) - expectedTies - tieMargin)
        guard bannedMembers + linkedToBanned > 0 else { return nil }
        let share = excess / Double(e.size)
        // Design scale: when three members in ten are tied to banned accounts the cluster is a
        // comeback, whatever its size.
        let contribution = 0.3 * unit(share / 0.3)
        return SignalScore(
            name: name, value: share, baseline: p, contribution: contribution,
            explanation: "\(bannedMembers) \(bannedMembers == 1 ? "member" : "members") already banned/suspended, "
                + "\(linkedToBanned) more \(linkedToBanned == 1 ? "shares" : "share") a card, key or client with banned accounts outside the cluster "
                + "(\(format1(expectedBanned + expectedTies)) expected by chance, "
                + "\(p > 0 && p < 0.005 ? "under 1%" : percent(p)) of accounts being banned)")
    }
}
