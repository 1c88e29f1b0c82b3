#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A daily schedule lowers risk: members' activity packed into the same few minutes of every
/// day, far more than the population's is (a desk's morning brief, a nightly report job, a
/// team's stand-up tool). Harvesting wants throughput: its schedulers fire round the clock or
/// through a window of hours, its waves come at any time; a job that wakes at one clock minute a
/// day and sleeps the rest is a routine.
///
/// The measure is the cluster's share of queries in its busiest 20 minutes of the day (two
/// adjacent 10-minute slots, so a burst across a slot's edge is not split) above what chance
/// gives: the population's own share of its busiest 20 minutes, plus the spread of the largest
/// of 144 slots for a sample of the cluster's size, as a fraction of the most it could be above
/// it. A window of hours (a nightly shift) holds a small share of its queries in any 20 minutes,
/// and is not lowered by this.
public struct DailyScheduleSignal: DetectionSignal {
    public let name = "daily_schedule"
    /// Creates the signal.
    public init() {}

    /// Ten-minute slots in a day.
    static let slotsPerDay = 144

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 30 else { return nil }
        let q = e.index.data.queries
        var slots = [Int](repeating: 0, count: Self.slotsPerDay)
        for m in e.members { for i in q.rows(of: Int(m)) { slots[Self.slot(q.timestamp(i))] += 1 } }
        let share = Self.topShare(slots)
        let base = e.population.dailyConcentration
        // The largest of 144 slots exceeds its mean by about sqrt(2 ln 144) standard deviations.
        let deviations = (2 * log(Double(Self.slotsPerDay))).squareRoot()
        guard let contribution = RegularHoursSignal.lowering(share: share, base: base, sample: e.queries, deviations: deviations)
        else { return nil }
        return SignalScore(
            name: name, value: share, baseline: base, contribution: contribution,
            explanation: (share >= 0.5 ? "runs on a daily schedule: " : "leans to one time of day: ")
                + "\(percent(share)) of queries fall in the same 20 minutes of the day "
                + "(the population's busiest 20 minutes hold \(percent(base)) of its queries)")
    }

    /// The ten-minute slot of the day (0...143, UTC) of an instant.
    static func slot(_ millis: Int64) -> Int {
        let minute = ((millis / 60_000) % 1440 + 1440) % 1440
        return Int(minute / 10)
    }

    /// The share of counts in the busiest two adjacent slots (the day wraps at midnight).
    static func topShare(_ slots: [Int]) -> Double {
        let total = slots.reduce(0, +)
        guard total > 0, !slots.isEmpty else { return 0 }
        var best = 0
        for i in slots.indices { best = max(best, slots[i] + slots[(i + 1) % slots.count]) }
        return Double(best) / Double(total)
    }
}
