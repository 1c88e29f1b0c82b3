/// Changed hands: members whose own history stopped when their traffic through what they share
/// with the cluster began (`MemberHandover`), in waves of 72 hours. Bought or taken-over accounts
/// carry their age with them, so a ring of them passes for established accounts; their handover,
/// all within days, is a second creation burst, and counts as `CreationBurstSignal` counts one:
/// the same window, the same weight, and the same share of members before it adds anything.
public struct HandoverSignal: DetectionSignal {
    public let name = "changed_hands"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 5, !e.handover.switches.isEmpty else { return nil }
        let times = e.handover.switches.map(\.at).sorted()
        let waves = CreationBurstSignal.waves(times, window: 72 * 3_600_000, wave: 5)
        let best = waves.reduce(0, +)
        let share = Double(best) / Double(e.size)
        let contribution = 0.35 * unit((share - 0.3) / 0.5)
        let within = waves.count > 1
            ? "in \(waves.count) waves of 72 hours (\(waves.map(String.init).joined(separator: ", ")))" : "within 72 hours"
        return SignalScore(
            name: name, value: share, baseline: 0, contribution: contribution,
            explanation: "\(best) of \(e.size) members changed hands \(within): each one's own history (IPs, networks "
                + "and keys no other member uses) stopped when its traffic through those it shares with the cluster "
                + "began (\(e.handover.switches.count) such \(e.handover.switches.count == 1 ? "member" : "members") in all)")
    }
}
