#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Coordinated firing: members firing within seconds of each other far more often than their
/// activity in the same hours predicts. The expectation is local (each calendar hour's own
/// bursts spread evenly over the hour), so a class that keeps lecture hours or an office that
/// keeps office hours does not look coordinated; a scheduler does.
public struct CoordinatedFiringSignal: DetectionSignal {
    public let name = "coordinated_firing"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, let activity = e.coActivity else { return nil }
        let (observed, expected) = Self.coFirings(members: e.members, activity: activity)
        // Only co-firing the hours' own activity could hardly produce (under 1 in 1,000) counts.
        guard observed >= 3, CoActivity.surpriseBits(observed, expected: expected) >= 10 else { return nil }
        let ratio = Double(observed) / max(expected, 1e-9)
        let strength = unit(log10(max(ratio, 1)) / 2) * unit(Double(observed) / Double(2 * e.size))
        let contribution = 0.35 * strength
        guard contribution > 0 else { return nil }
        return SignalScore(
            name: name, value: Double(observed), baseline: expected, contribution: contribution,
            explanation: "members fired within \(PairExplanation.timingWindowSeconds) s of each other "
                + "\(PairExplanation.count(observed, "time")); \(ExpectedCount.text(expected)) expected from their activity in the same hours")
    }

    /// Pairs of different members' bursts within the window, and the count expected if members
    /// fired together no more than the same hours' activity predicts: per member burst, the
    /// larger of (a) the hour's other member bursts spread evenly over the hour and (b) the
    /// outsiders firing within the window then, scaled by how busy members are against outsiders
    /// in that hour (so an instant where the whole population piles up does not look coordinated).
    /// Members beyond 400 are sampled evenly.
    static func coFirings(members: [Int32], activity: CoActivity) -> (Int, Double) {
        let step = max(1, members.count / 400)
        var timeline: [(Int64, Int32)] = []
        for m in stride(from: 0, to: members.count, by: step) {
            for t in activity.bursts(of: Int(members[m])) { timeline.append((t, members[m])) }
        }
        timeline.sort { $0.0 < $1.0 }
        let window = activity.window
        let hourMs: Int64 = 3_600_000
        var observed = 0
        var start = 0
        for i in timeline.indices {
            while timeline[i].0 - timeline[start].0 > window { start += 1 }
            for j in start..<i where timeline[j].1 != timeline[i].1 { observed += 1 }
        }
        var expected = 0.0
        var low = 0, high = 0
        var hourStart = 0
        while hourStart < timeline.count {
            let hour = floorDiv(timeline[hourStart].0, hourMs)
            var hourEnd = hourStart
            while hourEnd < timeline.count && floorDiv(timeline[hourEnd].0, hourMs) == hour { hourEnd += 1 }
            let inHour = hourEnd - hourStart
            let outsidersInHour = activity.populationBursts(from: hour * hourMs, to: (hour + 1) * hourMs - 1) - inHour * step
            for i in hourStart..<hourEnd {
                let t = timeline[i].0
                while timeline[low].0 < t - window { low += 1 }
                while high < timeline.count && timeline[high].0 <= t + window { high += 1 }
                let even = Double(inHour - 1) * Double(2 * window) / Double(hourMs)
                var crowd = 0.0
                if outsidersInHour > 0 {
                    let outsiders = activity.populationBursts(from: t - window, to: t + window) - (high - low) * step
                    crowd = Double(max(0, outsiders)) * Double(inHour - 1) / Double(outsidersInHour)
                }
                expected += max(even, crowd) / 2
            }
            hourStart = hourEnd
        }
        return (observed, expected)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
