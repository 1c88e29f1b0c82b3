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
                + "\(PairExplanation.count(observed, "time")); \(format1(expected)) expected from their activity in the same hours")
    }

    /// Pairs of different members' bursts within the window, and the count expected if each
    /// calendar hour's bursts were spread evenly over it. Members beyond 400 are sampled evenly.
    static func coFirings(members: [Int32], activity: CoActivity) -> (Int, Double) {
        let step = max(1, members.count / 400)
        var timeline: [(Int64, Int32)] = []
        for m in stride(from: 0, to: members.count, by: step) {
            for t in activity.bursts(of: Int(members[m])) { timeline.append((t, members[m])) }
        }
        timeline.sort { $0.0 < $1.0 }
        let window = activity.window
        var observed = 0
        var start = 0
        for i in timeline.indices {
            while timeline[i].0 - timeline[start].0 > window { start += 1 }
            for j in start..<i where timeline[j].1 != timeline[i].1 { observed += 1 }
        }
        var expected = 0.0
        var hourCount = 0, hour = Int64.min
        func close() { expected += Double(hourCount * (hourCount - 1) / 2) * Double(2 * window) / 3_600_000 }
        for (t, _) in timeline {
            let h = t / 3_600_000
            if h != hour {
                close()
                hour = h
                hourCount = 0
            }
            hourCount += 1
        }
        close()
        return (observed, expected)
    }
}
