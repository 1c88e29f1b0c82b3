/// Lock-step timing: members active in the same minutes far more than chance (their own pace in
/// the hour around, `LockstepChance`: sharing busy hours shares minutes too), and a client
/// that never sleeps (flat hour-of-day activity) with metronome-regular gaps.
public struct LockstepTimingSignal: DetectionSignal {
    public let name = "lockstep_timing"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 50 else { return nil }
        let q = e.index.data.queries
        var activeMembers: [Int64: Int32] = [:]
        var memberMinutes = 0
        for m in e.members {
            var last = Int64.min
            for i in q.accountStart[Int(m)]..<q.accountStart[Int(m) + 1] {
                let minute = q.timestamp(i) / 60_000
                if minute == last { continue }
                last = minute
                activeMembers[minute, default: 0] += 1
                memberMinutes += 1
            }
        }
        guard memberMinutes > 0 else { return nil }
        // Design constants: a minute is the unit of "together", and a third of the members (at
        // least three) must be active in it; counts of members, never of a generator's ring.
        let quorum = Int32(max(3, e.size / 3))
        var together = 0
        for count in activeMembers.values where count >= quorum { together += Int(count) }
        let synchrony = Double(together) / Double(memberMinutes)
        // What members sitting at the same hours share by chance (`LockstepChance`); only the
        // synchrony beyond it counts.
        // (Read only when some minute holds a quorum: otherwise nothing counts whatever it is.)
        let chance = together > 0 ? LockstepChance.expectedSynchrony(LockstepChance.minutes(of: e.members, q), quorum: Int(quorum)) : 0
        let beyond = chance < 1 ? unit((synchrony - chance) / (1 - chance)) : 0
        let entropies = e.members.compactMap { e.features.hourEntropy[Int($0)] >= 0 ? Double(e.features.hourEntropy[Int($0)]) : nil }
        let flatness = entropies.isEmpty ? 0 : entropies.reduce(0, +) / Double(entropies.count)
        let flatBonus = unit((flatness - e.population.hourEntropy - 0.05) / 0.15)
        // A flat clock adds only to synchrony: alone it is any busy API client.
        let contribution = beyond > 0 ? 0.3 * unit(beyond / 0.4) + 0.1 * flatBonus : 0
        return SignalScore(
            name: name, value: synchrony, baseline: chance, contribution: contribution,
            explanation: "\(percent(synchrony)) of member activity falls in minutes when \(quorum)+ members are active"
                + (together > 0 ? " (\(percent(chance)) at members' own pace in the hour around); " : "; ")
                + "hour-of-day flatness \(percent(flatness)) (population \(percent(e.population.hourEntropy)))")
    }
}
