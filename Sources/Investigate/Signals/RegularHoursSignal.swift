/// Regular hours lower risk: members' activity packed into a few recurring hours of the week (a
/// lecture, a shift, a weekly benchmark run), far more than the population's activity is.
/// Schedulers that fire round the clock and harvesting that runs all week are not.
///
/// The measure is the cluster's share of queries in its two busiest hours of the week above what
/// chance gives (the population's own share, plus two standard deviations for a sample of the
/// cluster's size), as a fraction of the most it could be above it (all of its queries there).
public struct RegularHoursSignal: DetectionSignal {
    public let name = "regular_hours"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 30 else { return nil }
        let q = e.index.data.queries
        var slots = [Int](repeating: 0, count: 168)
        for m in e.members { for i in q.rows(of: Int(m)) { slots[RegularHoursSignal.slot(q.timestamp(i))] += 1 } }
        // Two hours of the week (a lecture, a shift) is the design unit; it is read against the
        // population's own concentration (`base`), never a fixed share.
        let share = RegularHoursSignal.topShare(slots)
        let base = e.population.weeklyConcentration
        guard let contribution = Self.lowering(share: share, base: base, sample: e.queries, deviations: 2) else { return nil }
        return SignalScore(
            name: name, value: share, baseline: base, contribution: contribution,
            explanation: "keeps regular hours: \(percent(share)) of queries fall in the same 2 hours of the week "
                + "(\(percent(base)) of the population's)")
    }

    /// What a concentration lowers risk by (a design weight, -0.3 at most), or nil for none: the
    /// share of a cluster's `sample` queries in its busiest slots above chance (the population's
    /// own share `base` plus `deviations` standard deviations for a sample of that size), as a
    /// fraction of the most it could be above it. `daily_schedule` reads its slots the same way.
    static func lowering(share: Double, base: Double, sample: Int, deviations: Double) -> Double? {
        let chance = min(1, base + deviations * (base * (1 - base) / Double(max(sample, 1))).squareRoot())
        guard share > chance, chance > 0, chance < 1 else { return nil }
        let contribution = -0.3 * unit((share - chance) / (1 - chance))
        return contribution < 0 ? contribution : nil
    }

    /// The hour of the week (0...167) of an instant.
    static func slot(_ millis: Int64) -> Int { Int(((millis / 3_600_000) % 168 + 168) % 168) }

    /// The share of counts in the two largest slots.
    static func topShare(_ slots: [Int]) -> Double {
        let total = slots.reduce(0, +)
        guard total > 0 else { return 0 }
        let sorted = slots.sorted(by: >)
        return Double(sorted[0] + sorted[1]) / Double(total)
    }
}
