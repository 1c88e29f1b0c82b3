#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Clock-driven schedules. A job that fires at the same second of the hour (or of the day) in
/// most hours (days) of its span is a clock: any account firing at that second of the hour
/// meets it, whoever runs it, every time that account fires then. Rates, hours and pace
/// (`expected`, `sharedHoursFactor`, `expectedAtLocalPace`) spread a clock's firings over the
/// hour, so two independent cron jobs at the top of the hour, or a ring member firing at :00
/// now and then beside one, looked like a shared schedule meeting 50 times more often than
/// chance. A pair's expectation within the window is also the one the clocks give: each firing
/// of one account at a clock's phase of the other, in the clock's span, expects a meeting as
/// often as the clock fires in its periods. It is the larger that counts, so it only ever
/// lowers the evidence, and only for accounts whose own firings repeat at one phase: members a
/// scheduler picks now and then (4 of 120 at each tick) fire at the tick's phase in few of its
/// periods and are no clock.
struct ClockPhase: Equatable {
    /// The period (seconds: an hour or a day).
    let period: Int64
    /// The phases (seconds into the period, from `low`, `width` more, wrapping) the clock's
    /// firings fall in.
    let low: Int64
    let width: Int64
    /// The share of the periods of the span with a firing at these phases (0.5...1).
    let coverage: Double
    /// The span of the account's firings (seconds after `CoActivity.base`).
    let first: Int64
    let last: Int64
}

extension ClockPhase {
    /// The clock read in a shorter period that divides its own (its phases modulo it).
    func reduced(to shorter: Int64) -> ClockPhase {
        guard shorter < period else { return self }
        return ClockPhase(
            period: shorter, low: low % shorter, width: min(width, shorter - 1), coverage: coverage, first: first, last: last)
    }

}

extension CoActivity {
    /// The periods a clock keeps: the hour and the day.
    static let clockPeriods: [Int64] = [3_600, 86_400]

    /// The periods a clock must fire at its phase in before it is one: a repeat is what makes a
    /// schedule, and a pair that met twice by a clock seen twice cannot tell it from a plan.
    static let clockRepeats = 3

    /// The clocks an account keeps at a scale: for each period, the phases at which its firings
    /// (bursts `scale` apart) fall in at least half the periods of its span and in
    /// `clockRepeats` or more. Empty for nearly every account: one firing per two periods of
    /// its span is needed before any sorting is done.
    /// - Complexity: O(1) for most accounts; O(n log n) for an account with n firings that fire
    ///   in half its periods.
    static func clocks(_ x: ArraySlice<UInt32>, scale: UInt32, baseSeconds: Int64) -> [ClockPhase] {
        guard let first = x.first, let last = x.last else { return [] }
        // Bursts bound the firings: an account with too few for the longest period's test (the
        // one with fewest periods) keeps no clock, and nothing is read or sorted for it.
        let longest = clockPeriods.last!
        let fewest = Int((baseSeconds + Int64(last)) / longest - (baseSeconds + Int64(first)) / longest) + 1
        guard x.count * 2 >= fewest, x.count >= clockRepeats else { return [] }
        var out: [ClockPhase] = []
        let firings = firingTimes(x, scale: scale)
        for period in clockPeriods {
            // A daily phase that is an hourly clock's (a job at :00:16 of every hour fires at
            // 09:00:16 every day too) is that clock, not one of its own: two jobs meeting there
            // are one hourly coincidence (`clockFigures`).
            let hourly = out.filter { $0.period < period }
            let periods = Int((baseSeconds + Int64(last)) / period - (baseSeconds + Int64(first)) / period) + 1
            guard periods >= clockRepeats, firings.count * 2 >= periods else { continue }
            let phases = firings.map { ((baseSeconds + $0) % period + period) % period }.sorted()
            let width = Int64(scale)
            // For each firing's phase, the firings whose phases fall within `width` after it (the
            // list read twice round, for windows that wrap past the period's end).
            var qualifying: [(low: Int64, count: Int)] = []
            var j = 0
            for i in phases.indices {
                if j < i { j = i }
                while j + 1 < i + phases.count {
                    let next = phases[(j + 1) % phases.count] + (j + 1 >= phases.count ? period : 0)
                    guard next - phases[i] <= width else { break }
                    j += 1
                }
                let count = j - i + 1
                if count >= clockRepeats, count * 2 >= periods { qualifying.append((phases[i], count)) }
            }
            // Overlapping windows are one clock: its phases from the first window's start to the
            // last's end, at the best window's coverage.
            var k = 0
            while k < qualifying.count {
                var end = qualifying[k].low + width, best = qualifying[k].count
                var m = k + 1
                while m < qualifying.count, qualifying[m].low <= end {
                    end = qualifying[m].low + width
                    best = max(best, qualifying[m].count)
                    m += 1
                }
                let clock = ClockPhase(
                    period: period, low: qualifying[k].low, width: min(period - 1, end - qualifying[k].low),
                    coverage: min(1, Double(best) / Double(periods)), first: Int64(first), last: Int64(last))
                // Implied when its phase, read in the hour, meets an hourly clock's (within the
                // scale: a daily window may start a second off the hourly one's).
                if !hourly.contains(where: { phasesMeet($0, clock.reduced(to: $0.period), reach: width) }) { out.append(clock) }
                k = m
            }
        }
        return out
    }

    /// Meetings x's firings at `scale` expect from y's clocks: each firing in a clock's span
    /// (widened by the scale) whose phase is within the scale of the clock's phases meets it as
    /// often as the clock fires in its periods (its coverage); a firing counts once, at the
    /// likeliest of the clocks it falls in. The hourly and the daily clocks of one job are read
    /// apart, and the larger sum counts (a job keeping both, at different phases, is read at the
    /// one its partner meets more).
    /// - Complexity: O(x × clocks).
    static func expectedByClocks(_ x: ArraySlice<UInt32>, of clocks: [ClockPhase], scale: UInt32, baseSeconds: Int64) -> Double {
        guard !clocks.isEmpty else { return 0 }
        let firings = firingTimes(x, scale: scale)
        let reach = Int64(scale)
        var best = 0.0
        for period in clockPeriods {
            let kept = clocks.filter { $0.period == period }
            guard !kept.isEmpty else { continue }
            var sum = 0.0
            for t in firings {
                var likeliest = 0.0
                for clock in kept where t >= clock.first - reach && t <= clock.last + reach {
                    let phase = ((baseSeconds + t) % period + period) % period
                    // Distance past the clock's first phase, wrapping; within reach of
                    // `low ... low + width` (either side) is a meeting the clock gives.
                    let past = ((phase - (clock.low - reach)) % period + period) % period
                    if past <= clock.width + 2 * reach { likeliest = max(likeliest, clock.coverage) }
                }
                sum += likeliest
            }
            best = max(best, sum)
        }
        return best
    }

    /// An account's firings at a scale (bursts within the scale of a firing's first are that
    /// firing), as seconds after `base`.
    static func firingTimes(_ x: ArraySlice<UInt32>, scale: UInt32) -> [Int64] {
        var out: [Int64] = []
        var last: UInt32? = nil
        for t in x {
            if let previous = last, t &- previous <= scale { continue }
            last = t
            out.append(Int64(t))
        }
        return out
    }

    /// What a pair's clocks say within `scale`: the meetings they expect (the larger of either
    /// account's clocks against the other's firings), and, when both keep a clock of one period
    /// at phases within the scale of each other, the bits of that one coincidence.
    ///
    /// Two jobs on clocks meet at every tick, and that is one coincidence, not many: two clocks
    /// set independently land within the scale of each other with a chance of about
    /// `(2 × scale + 1) / period` (1 in 327 for an hour at 5 s, 1 in 7,855 for a day), so the pair
    /// keeps `log2(period / (2 × scale + 1))` bits, less `scalePenaltyBits`: under half a link in
    /// any population of more than a few hundred accounts, so two clocks link only with another
    /// kind of evidence beside them (a ring whose every member fires at one second of every hour
    /// needs a shared value too; independent cron jobs that share only a client and a cloud
    /// stay apart).
    static func clockFigures(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, scale: UInt32, baseSeconds: Int64)
        -> (expected: Double, coincidenceBits: Double)
    {
        let clocksX = clocks(x, scale: scale, baseSeconds: baseSeconds), clocksY = clocks(y, scale: scale, baseSeconds: baseSeconds)
        let expected = max(
            expectedByClocks(x, of: clocksY, scale: scale, baseSeconds: baseSeconds),
            expectedByClocks(y, of: clocksX, scale: scale, baseSeconds: baseSeconds))
        var bits = 0.0, shortest = Int64.max
        for a in clocksX {
            for b in clocksY {
                // Read in the shorter period (a daily job at 09:00:14 meets an hourly one at :00:12
                // as hourly clocks do: one hour's phase in 3,600 seconds, not one day's).
                let period = min(a.period, b.period)
                guard phasesMeet(a.reduced(to: period), b.reduced(to: period), reach: Int64(scale)) else { continue }
                // Clocks meeting in the hour are an hourly coincidence, however many of their
                // daily phases meet too: the shortest period that meets says how likely it was.
                guard period <= shortest else { continue }
                let here = log2(Double(period) / Double(2 * Int64(scale) + 1)) - scalePenaltyBits
                bits = period < shortest ? here : max(bits, here)
                shortest = period
            }
        }
        return (expected, bits)
    }

    /// Whether two clocks' phases come within `reach` of each other (the period wrapping).
    static func phasesMeet(_ a: ClockPhase, _ b: ClockPhase, reach: Int64) -> Bool {
        // b's start, past a's start less the reach, within a's phases widened by the reach
        // (or a's start likewise past b's).
        let past = ((b.low - (a.low - reach)) % a.period + a.period) % a.period
        let back = ((a.low - (b.low - reach)) % a.period + a.period) % a.period
        return past <= a.width + 2 * reach || back <= b.width + 2 * reach
    }
}

extension CoActivity {
    /// An account's bursts (epoch ms, ascending) with the firings of each of its clocks (at the
    /// window) kept once, at the first: a clock's firings are one decision, taken when it was
    /// set, so meeting a group at them again and again is one coincidence of clocks, not many
    /// (a cron job at :00:16 beside a ring firing around :00 every 20 minutes). Firings off its
    /// clocks are kept as they are.
    /// - Complexity: O(bursts) for an account that keeps no clock, O(n log n) for one that may.
    static func collapsingClocks(_ bursts: [Int64], windowMs: Int64) -> [Int64] {
        guard let first = bursts.first else { return bursts }
        let origin = first / 1000 - ((first % 1000) < 0 ? 1 : 0)
        let seconds = bursts.map { UInt32(clamping: $0 / 1000 - origin) }
        let scale = UInt32(clamping: windowMs / 1000)
        let found = clocks(seconds[...], scale: scale, baseSeconds: origin)
        guard !found.isEmpty else { return bursts }
        var seen = Set<Int>()
        var out: [Int64] = []
        out.reserveCapacity(bursts.count)
        for (i, t) in seconds.enumerated() {
            let time = Int64(t)
            let clock = found.firstIndex { c in
                guard time >= c.first, time <= c.last else { return false }
                let phase = ((origin + time) % c.period + c.period) % c.period
                return ((phase - c.low) % c.period + c.period) % c.period <= c.width
            }
            if let clock {
                if !seen.insert(clock).inserted { continue }
            }
            out.append(bursts[i])
        }
        return out
    }
}
