/// Creation burst: many members created within 72-hour windows. The densest window counts, and
/// so does each further wave (a ring made in batches on several days): a window holding at least
/// five members, and at least twice what the population's creation pace puts in a window, is a
/// wave. The members of an organisation or academic mail domain they share count once
/// (`DeclaredOrganisation`): an onboarding, or a term's first week, is one event.
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
        let expected = min(1, 3 / e.population.creationSpanDays)
        let waves = Self.waves(times, window: window, wave: max(5, 2 * expected * Double(times.count)))
        let best = waves.reduce(0, +)
        let share = Double(best) / Double(times.count)
        let contribution = 0.35 * unit((share - max(0.3, expected * 2)) / 0.5)
        let counted = folded > 0 ? "sign-ups (a declared organisation's members count as one)" : "members"
        let within = waves.count > 1
            ? "in \(waves.count) waves of 72 hours (\(waves.map(String.init).joined(separator: ", ")))" : "within 72 hours"
        return SignalScore(
            name: name, value: share, baseline: expected, contribution: contribution,
            explanation: "\(best) of \(times.count) \(counted) \(best == 1 ? "was" : "were") created \(within) "
                + "(\(percent(expected)) expected at the population's pace)" + declared)
    }

    /// The members of each wave, largest first: the densest `window` of the sorted `times`, then,
    /// among the times not yet taken, the densest window again while it holds at least `wave`.
    static func waves(_ times: [Int64], window: Int64, wave: Double) -> [Int] {
        var taken = [Bool](repeating: false, count: times.count)
        var out: [Int] = []
        while true {
            var best = 0, bestStart = 0, bestEnd = -1, start = 0, inside = 0
            for end in times.indices {
                if !taken[end] { inside += 1 }
                while times[end] - times[start] > window {
                    if !taken[start] { inside -= 1 }
                    start += 1
                }
                if inside > best { (best, bestStart, bestEnd) = (inside, start, end) }
            }
            guard best > 0, out.isEmpty || Double(best) >= wave else { return out }
            for i in bestStart...bestEnd { taken[i] = true }
            out.append(best)
        }
    }
}
