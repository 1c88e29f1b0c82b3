/// A one-off event is not a standing harvest: established accounts (older than the population's
/// typical account at their first query) that send most of everything they ever send inside one
/// 48-hour window (a hackathon, a puzzle hunt, an exam weekend) have part of their risk damped.
///
/// The window is a design constant (a weekend, an event's length), not fitted. Damping starts when
/// half of the members' queries fall in their busiest window and is full when all do; at full
/// damping half the risk is kept, as with `HarvestContentGate`. Accounts made for the job (a
/// burner ring's, younger than the typical account) are never damped, however short their burst,
/// and a group of fewer than three is not an event.
/// Measured before it was written (share of a cluster's queries in its busiest 48 hours): 13a's
/// and 14a's hackathons 100% and 98%, 17's puzzle hunt 89%; every cluster of three or more
/// members rated 0.5 or more in the top 16 of 13a, 14a, 16a and 17a at most 50% (13a's dust).
public struct OneEventGate: Sendable {
    /// The fraction of risk kept at full damping (a design weight).
    public var kept = 0.5
    /// The event window, in milliseconds (design: 48 hours).
    public static let window: Int64 = 48 * 3_600_000

    /// Creates the gate.
    public init() {}

    /// A negative score removing part of `total`, or nil when the cluster is not an event of
    /// established accounts.
    public func score(_ e: ClusterEvidence, total: Double) -> SignalScore? {
        guard e.size >= 3, e.queries >= 20, total > 0, e.population.accountAgeDays > 0,
            let age = EstablishedAccountsSignal.medianAgeDays(e), age > e.population.accountAgeDays
        else { return nil }
        let share = Self.busiestWindowShare(e)
        let damping = (1 - kept) * unit((share - 0.5) / 0.5)
        guard damping > 0 else { return nil }
        return SignalScore(
            name: "one_event", value: share, baseline: 0.5, contribution: -damping * total,
            explanation: "a one-off event: \(percent(share)) of members' queries fall in one 48-hour window, "
                + "from accounts \(Int(age)) days old at their first query (\(Int(e.population.accountAgeDays)) "
                + "for a typical account); this lowers the risk")
    }

    /// The share of the members' queries inside their busiest window, counted in whole hours
    /// (the window spans 48 consecutive hour buckets): one pass over the rows into a table of
    /// the hours used, then a sliding sum over the sorted hours.
    static func busiestWindowShare(_ e: ClusterEvidence) -> Double {
        let q = e.index.data.queries
        var perHour: [Int64: Int] = [:]
        var total = 0
        for m in e.members {
            for row in q.rows(of: Int(m)) {
                let t = q.timestamp(row)
                perHour[t >= 0 ? t / 3_600_000 : (t + 1) / 3_600_000 - 1, default: 0] += 1
                total += 1
            }
        }
        guard total > 0 else { return 0 }
        let hours = perHour.keys.sorted()
        let span = window / 3_600_000
        var best = 0, inWindow = 0, first = 0
        for h in hours {
            inWindow += perHour[h] ?? 0
            while hours[first] <= h - span {
                inWindow -= perHour[hours[first]] ?? 0
                first += 1
            }
            best = max(best, inWindow)
        }
        return Double(best) / Double(total)
    }
}
