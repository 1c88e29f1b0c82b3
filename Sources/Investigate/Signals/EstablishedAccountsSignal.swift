#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Established accounts lower risk: members that had existed far longer than the population's
/// typical account when they first queried (rings are mostly made for the job). A member that
/// changed hands (`MemberHandover`: bought or taken over) is left out: its age is not its own.
public struct EstablishedAccountsSignal: DetectionSignal {
    public let name = "established_accounts"
    /// Creates the signal.
    public init() {}

    /// The members' median age in days at their first query, or nil under three members with
    /// both dates known (members that changed hands left out).
    static func medianAgeDays(_ e: ClusterEvidence) -> Double? {
        guard e.size >= 3 else { return nil }
        var ages: [Double] = []
        for m in e.members where !e.handover.changedHands(m) {
            let created = e.index.data.accounts.createdAt[Int(m)], first = e.features.firstQuery[Int(m)]
            if created != .min && first != .min { ages.append(max(0, Double(first - created) / 86_400_000)) }
        }
        return ages.count >= 3 ? Statistics.median(ages) : nil
    }

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.population.accountAgeDays > 0, let median = Self.medianAgeDays(e) else { return nil }
        let older = log2(max(median, 1) / max(e.population.accountAgeDays, 1))
        let contribution = -0.25 * unit(older)
        guard contribution < 0 else { return nil }
        return SignalScore(
            name: name, value: median, baseline: e.population.accountAgeDays, contribution: contribution,
            explanation: "members are old accounts: \(Int(median)) days old at their first query "
                + "(\(Int(e.population.accountAgeDays)) for a typical account)" + Self.leftOut(e))
    }

    /// Says how many members were left out as changed hands, if any.
    static func leftOut(_ e: ClusterEvidence) -> String {
        let count = e.handover.switches.count
        return count == 0 ? "" : "; \(count) \(count == 1 ? "member" : "members") that changed hands left out"
    }
}
