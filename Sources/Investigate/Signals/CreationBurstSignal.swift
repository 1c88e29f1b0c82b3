/// Creation burst: many members created within one 72-hour window. The members of an
/// organisation or academic mail domain they share count once (`DeclaredOrganisation`): an
/// onboarding, or a term's first week, is one event.
public struct CreationBurstSignal: DetectionSignal {
    public let name = "creation_burst"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 5 else { return nil }
        let (times, folded) = DeclaredOrganisation.creationUnits(e.members, data: e.index.data)
        let declared = folded > 0
            ? "; \(folded) of \(e.size) members declare a shared organisation or academic mail domain, counted once as its onboarding" : ""
        guard times.count >= 5 else {
            guard folded > 0 else { return nil }
            return SignalScore(
                name: name, value: 0, baseline: 0, contribution: 0,
                explanation: "no burst counted" + declared)
        }
        // A design window (a sign-up batch done over a long weekend), read against the population's
        // own creation pace (`expected`), so only its share above that pace adds risk.
        let window: Int64 = 72 * 3_600_000
        var best = 0, start = 0
        for end in times.indices {
            while times[end] - times[start] > window { start += 1 }
            best = max(best, end - start + 1)
        }
        let share = Double(best) / Double(times.count)
        let expected = min(1, 3 / e.population.creationSpanDays)
        let contribution = 0.35 * unit((share - max(0.3, expected * 2)) / 0.5)
        let counted = folded > 0 ? "sign-ups (a declared organisation's members count as one)" : "members"
        return SignalScore(
            name: name, value: share, baseline: expected, contribution: contribution,
            explanation: "\(best) of \(times.count) \(counted) \(best == 1 ? "was" : "were") created within 72 hours "
                + "(\(percent(expected)) expected at the population's pace)" + declared)
    }
}
