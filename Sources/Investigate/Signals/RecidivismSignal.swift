/// Recidivism: members already banned or suspended, or sharing a card, key or client string
/// with accounts that were.
public struct RecidivismSignal: DetectionSignal {
    public let name = "recidivism"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        let banned = e.population.bannedAccounts
        guard !banned.isEmpty else { return nil }
        var bannedMembers = 0
        var linkedToBanned = 0
        // A one-member cluster (most of them) needs no set to tell members from others.
        let memberSet = e.members.count > 1 ? Set(e.members) : []
        func isMember(_ account: Int32) -> Bool { e.members.count > 1 ? memberSet.contains(account) : account == e.members[0] }
        for m in e.members {
            if banned[Int(m)] { bannedMembers += 1; continue }
            search: for kind in [LinkKind.payment, .apiKey, .userAgent] {
                for value in e.index.values(of: Int(m), kind: kind) where !e.index.isHub(kind, value: value) {
                    for other in e.index.accounts(sharing: kind, value: value)
                    where banned[Int(other)] && !isMember(other) {
                        linkedToBanned += 1
                        break search
                    }
                }
            }
        }
        guard bannedMembers + linkedToBanned > 0 else { return nil }
        let share = Double(bannedMembers + linkedToBanned) / Double(e.size)
        // Design scale: when three members in ten are tied to banned accounts the cluster is a
        // comeback, whatever its size.
        let contribution = 0.3 * unit(share / 0.3)
        return SignalScore(
            name: name, value: share, baseline: 0, contribution: contribution,
            explanation: "\(bannedMembers) members already banned/suspended, \(linkedToBanned) more share a card, "
                + "key or client with banned accounts")
    }
}
