#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// How often two accounts fired within the same few seconds, against what their own rates predict.
public struct CoFiring: Sendable, Equatable {
    /// Times the two fired together within `windowSeconds`: their firings paired one to one,
    /// earliest first (a firing is in one pair at most), so the count is the same whichever
    /// account is read first and never more than the fewer firings of the two; above the window,
    /// counted once per minute of the hour (`CoActivity.together`: jobs meeting at the top of
    /// every hour are one coincidence of clocks).
    public var together: Int
    /// The count expected if the two fired independently at their own rates, in the hours of the
    /// week they keep (`CoActivity.sharedHoursFactor`) or at the pace each keeps in the hour
    /// around each firing if that is more (`CoActivity.expectedAtLocalPace`: overlapping
    /// sittings meet by chance), and one for each firing at a crowd moment
    /// of the population (`CoActivity.crowdFirings`: a public moment makes meetings likely);
    /// within the window, what either account's clock gives if that is more
    /// (`CoActivity.expectedByClocks`: a job at the same second of every hour meets whoever
    /// fires then).
    public var expected: Double
    /// Evidence in bits: `-log2 P(Poisson(expected) >= together)`, 0 below two co-firings,
    /// less `CoActivity.scalePenaltyBits`.
    public var bits: Double
    /// The scale the figures are at: "within this many seconds" (`CoActivity.scaleSeconds`).
    public var windowSeconds: Int
    /// Whether `expected` is what a clock gives: one of the two fires at the same second in at
    /// least half the hours (or days) of its span, and the other's firings at that second meet it
    /// (`CoActivity.expectedByClocks`).
    public var clockBound: Bool
    /// Whether `bits` are those of one coincidence of two clocks at one phase
    /// (`CoActivity.clockFigures`): more than the meetings say against the clocks' expectation.
    public var clockCoincidence: Bool
    /// Whether the figures are shared sittings (`CoActivity.sittings`): `together` counts hours
    /// of the span in which both fired, not firings within seconds.
    public var sittings: Bool
    /// With `sittings`: the hours of the common span each of the two (the smaller account first)
    /// was active in.
    public var hoursA = 0
    public var hoursB = 0

    /// Figures at a scale.
    public init(
        together: Int, expected: Double, bits: Double, windowSeconds: Int, clockBound: Bool = false, clockCoincidence: Bool = false,
        sittings: Bool = false
    ) {
        (self.together, self.expected, self.bits, self.windowSeconds) = (together, expected, bits, windowSeconds)
        (self.clockBound, self.clockCoincidence, self.sittings) = (clockBound, clockCoincidence, sittings)
    }
}

/// Each account's activity as *bursts*: its queries collapsed so that queries within the
/// window of the burst's first are one firing. Two accounts co-fire when their bursts fall
/// within the window of each other, to the second. Bursts are read from the query history when
/// asked for (rows are grouped by account, oldest first), so nothing is kept per query; the
/// population's bursts are kept as a cumulative count per second of the span of the activity
/// window (`ActivityWindow`, where the population's rows lie: a row dated 9999 does not stretch
/// it), at most 4M buckets, coarser for spans past 46 days: 10 MiB for 30 days, whatever the
/// query count, 16 MiB at most whatever the dates.
/// Pairs are compared by merging their burst times, linear in the two accounts' queries.
public final class CoActivity: @unchecked Sendable {
    /// The window in milliseconds (a whole number of seconds).
    public let window: Int64
    let windowSeconds: UInt32
    let queries: QueryTable
    /// Where the population's queries lie (`ActivityWindow`): only rows inside make bursts.
    let activity: ActivityWindow
    /// The window's first query (ms, to the second): burst times are seconds after it.
    let base: Int64
    /// Seconds per bucket of `cumulative`.
    let bucketSeconds: Int64
    /// Bursts of all accounts in buckets before each bucket (`buckets + 1` entries).
    let cumulative: [UInt32]
    /// The population's bursts per hour of the span, summed before each hour, and their
    /// squares (`hourPrefixes`: what shared sittings expect of the population's busy hours).
    let hourSums: [Double]
    let hourSquares: [Double]
    /// Seconds from the top of the clock hour to `base` (`sittingOffset(base:)`), read once.
    let sittingOffsetSeconds: UInt32
    /// Every burst's account in time order, made on the first `partners` call
    /// (`burstTimeline()`): nothing for a run that never asks.
    let timeline = Mutex<BurstTimeline?>(nil)

    /// Counts every account's bursts per second of the span of the activity window
    /// (`ActivityWindow`: rows out of the population's time take no part in timing).
    /// - Complexity: O(queries + span buckets).
    public init(queries: QueryTable, window seconds: Int64 = 5) {
        self.queries = queries
        window = seconds * 1000
        windowSeconds = UInt32(seconds)
        let activity = ActivityWindow(queries: queries)
        self.activity = activity
        let accounts = max(0, queries.accountStart.count - 1)
        let (origin, bucket, buckets) = CoActivity.layout(activity)
        base = origin
        bucketSeconds = bucket
        var counts = [UInt32](repeating: 0, count: buckets)
        for account in 0..<accounts {
            CoActivity.forEachBurst(queries, account, base: origin, window: UInt32(seconds), within: activity) { t in
                counts[Int(Int64(t) / bucket)] &+= 1
            }
        }
        var running: UInt32 = 0
        var cumulative = [UInt32](repeating: 0, count: counts.count + 1)
        for i in counts.indices {
            running &+= counts[i]
            cumulative[i + 1] = running
        }
        self.cumulative = cumulative
        (hourSums, hourSquares) = CoActivity.hourPrefixes(cumulative: cumulative, bucketSeconds: bucket, base: origin)
        sittingOffsetSeconds = CoActivity.sittingOffset(base: origin)
    }

    /// The origin (the window's first second), seconds per bucket and bucket count of the
    /// counts over `activity`: at most `bucketLimit` buckets (and two more), coarser past that.
    static func layout(_ activity: ActivityWindow) -> (origin: Int64, bucketSeconds: Int64, buckets: Int) {
        let (first, last) = (activity.first, activity.last)
        guard first <= last else { return (0, 1, 2) }
        let origin = first - ((first % 1000) + 1000) % 1000
        let span = (last - origin) / 1000 + 1
        let bucket = max(1, (span + bucketLimit - 1) / bucketLimit)
        return (origin, bucket, Int(span / bucket) + 2)
    }

    /// Buckets of the population's counts, at most (a memory bound: 16 MiB).
    static let bucketLimit: Int64 = 4_000_000

    /// Counts as a snapshot kept them (`Snapshot/LinkIndex+Snapshot.swift` checks them against `queries`).
    init(
        restoring queries: QueryTable, window seconds: Int64, activity: ActivityWindow = .allTime, base: Int64, bucketSeconds: Int64,
        cumulative: [UInt32]
    ) {
        self.queries = queries
        window = seconds * 1000
        windowSeconds = UInt32(seconds)
        self.activity = activity
        (self.base, self.bucketSeconds, self.cumulative) = (base, bucketSeconds, cumulative)
        (hourSums, hourSquares) = CoActivity.hourPrefixes(cumulative: cumulative, bucketSeconds: bucketSeconds, base: base)
        sittingOffsetSeconds = CoActivity.sittingOffset(base: base)
    }

    /// Calls `body` with each burst of an account (seconds after `base`), ascending: its rows in
    /// `activity` only.
    @inline(__always)
    static func forEachBurst(
        _ queries: QueryTable, _ account: Int, base: Int64, window: UInt32, within activity: ActivityWindow, _ body: (UInt32) -> Void
    ) {
        var last: UInt32? = nil
        for row in queries.rows(of: account) {
            let millis = queries.timestamp(row)
            guard activity.contains(millis) else { continue }
            let t = UInt32(clamping: (millis - base) / 1000)
            if let previous = last, t &- previous <= window { continue }
            body(t)
            last = t
        }
    }

    /// Bursts of all accounts in `from...to` (ms), to the bucket.
    /// - Complexity: O(1).
    public func populationBursts(from: Int64, to: Int64) -> Int {
        guard to >= base, to >= from, cumulative.count > 1 else { return 0 }
        let buckets = cumulative.count - 1
        let low = min(buckets, Int((max(from, base) - base) / 1000 / bucketSeconds))
        let high = min(buckets - 1, Int((to - base) / 1000 / bucketSeconds))
        guard low <= high else { return 0 }
        return Int(cumulative[high + 1] &- cumulative[low])
    }

    /// The bursts of an account (epoch ms, to the second), ascending.
    public func bursts(of account: Int) -> [Int64] {
        var out: [Int64] = []
        CoActivity.forEachBurst(queries, account, base: base, window: windowSeconds, within: activity) {
            out.append(base + Int64($0) * 1000)
        }
        return out
    }

    /// The bursts of an account (seconds after `base`), ascending, written into `out` (emptied
    /// first, its storage kept: scanning many pairs reuses one buffer).
    func seconds(of account: Int, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        CoActivity.forEachBurst(queries, account, base: base, window: windowSeconds, within: activity) { out.append($0) }
    }

    /// The span the bursts cover, in seconds (to the bucket).
    var spanSeconds: Int64 { Int64(max(1, cumulative.count - 2)) * bucketSeconds }

    /// Bursts of all accounts.
    public var totalBursts: Int { Int(cumulative.last ?? 0) }

    /// How often `a` and `b` fired together, and how often they would by chance. The count
    /// reads one account's bursts against the other's, so it is taken with the smaller account
    /// first whatever the order asked: the same figures as the clusterer's pair scan, and the
    /// same for `why A B` as for `why B A`.
    /// - Complexity: O(bursts of a + bursts of b).
    public func coFiring(_ a: Int, _ b: Int) -> CoFiring {
        let (a, b) = (min(a, b), max(a, b))
        guard queries.queryCount(of: a) >= 2, queries.queryCount(of: b) >= 2 else {
            return CoFiring(together: 0, expected: 0, bits: 0, windowSeconds: Int(windowSeconds))
        }
        var x: [UInt32] = [], y: [UInt32] = []
        seconds(of: a, into: &x)
        seconds(of: b, into: &y)
        return coFiring(seconds: x[...], y[...])
    }

    /// `coFiring(a, b)` from the two accounts' bursts (`seconds(of:into:)`), for callers that
    /// read one account's bursts once for many partners. Measured at every scale
    /// (`scaleSeconds`): the scale giving the most bits is kept, less `scalePenaltyBits` for
    /// having looked at several; when none is surprising, the figures at the window.
    /// - Complexity: O(scales × (x + y)).
    func coFiring(seconds x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> CoFiring {
        let none = CoFiring(together: 0, expected: 0, bits: 0, windowSeconds: Int(windowSeconds))
        guard x.count >= 2, y.count >= 2 else { return none }
        var best = none
        var hoursFactor: Double? = nil
        var clockBound = false, coincidenceBits = 0.0
        for (k, scale) in CoActivity.scaleSeconds(window: windowSeconds).enumerated() {
            let (together, firingsX, firingsY) = CoActivity.together(x, y, scale: scale, clockOrigin: k == 0 ? nil : base / 1000)
            var expected = CoActivity.expected(firingsX, firingsY, spanOf: x, y, scale: Double(scale))
            // One co-firing proves nothing (0 bits whatever the expectation); from two on, the
            // expectation counts the hours of the week both keep.
            if together >= 2 {
                if hoursFactor == nil { hoursFactor = CoActivity.sharedHoursFactor(x, y, baseSeconds: base / 1000) }
                expected *= hoursFactor!
                // Sittings that overlap meet at the pace both keep then (`expectedAtLocalPace`).
                expected = max(expected, CoActivity.expectedAtLocalPace(x, y, scale: scale))
                // A firing at a crowd moment is a meeting expected (`crowdFirings`).
                expected += Double(crowdFirings(x, y, scale: scale))
                // Within the window, a clock's firings meet whoever fires at its phase
                // (`expectedByClocks`); read only for a pair that still surprises.
                if k == 0, CoActivity.surpriseBits(together, expected: expected) > 0 {
                    let clocks = CoActivity.clockFigures(x, y, scale: scale, baseSeconds: base / 1000)
                    if clocks.expected > expected {
                        (expected, clockBound, coincidenceBits) = (clocks.expected, true, clocks.coincidenceBits)
                    }
                }
            }
            // Above the window two meetings are what chance gives some of the many pairs timing
            // looks at (`TimingCandidates`): only a third shows anything.
            let counted = k > 0 && together < CoActivity.meetingsAboveWindow ? 0 : together
            var bits = max(0, CoActivity.surpriseBits(counted, expected: expected) - CoActivity.scalePenaltyBits)
            // Two clocks at one phase: one coincidence (`clockFigures`), worth its chance, from two
            // meetings on, when the meetings against the clocks' expectation say less.
            var coincidence = false
            if k == 0 && clockBound && counted >= 2 && coincidenceBits > bits { (bits, coincidence) = (coincidenceBits, true) }
            if k == 0 || bits > best.bits {
                best = CoFiring(
                    together: together, expected: expected, bits: bits, windowSeconds: Int(scale), clockBound: k == 0 && clockBound,
                    clockCoincidence: coincidence)
            }
        }
        return best
    }

    /// How much more often two accounts meet than if each fired evenly over the week: 168 × the
    /// sum over hours of the week of the shares of their bursts in that hour (1 for an account
    /// active at all hours; 168 / k for two accounts keeping the same k office hours). Never
    /// below 1, so it only ever lowers the evidence: two people who both work 9 to 5 meet
    /// within seconds now and then, and a scheduler firing at all hours is not excused.
    static func sharedHoursFactor(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, baseSeconds: Int64) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 1 }
        let hoursPerWeek: Int64 = 168
        // Hour of the week (from any fixed origin), non-negative for times before 1970 too.
        func hour(_ t: UInt32) -> Int {
            let hours = (baseSeconds + Int64(t)) / 3600 - ((baseSeconds + Int64(t)) % 3600 < 0 ? 1 : 0)
            return Int(((hours % hoursPerWeek) + hoursPerWeek) % hoursPerWeek)
        }
        var countsX = [Int32](repeating: 0, count: Int(hoursPerWeek))
        for t in x { countsX[hour(t)] += 1 }
        var sum = 0.0
        for t in y { sum += Double(countsX[hour(t)]) }
        return max(1, Double(hoursPerWeek) * sum / (Double(x.count) * Double(y.count)))
    }

    /// `-log2 P(X >= k)` for `X ~ Poisson(lambda)`; 0 when `k < 2` (one coincidence proves nothing).
    public static func surpriseBits(_ k: Int, expected lambda: Double) -> Double {
        guard k >= 2 else { return 0 }
        let l = max(lambda, 1e-12)
        if Double(k) <= l { return 0 }
        // log P(X = k) and the tail's terms relative to it (a few dozen suffice: they shrink fast).
        var logTerm = -l + Double(k) * log(l) - lgamma(Double(k) + 1)
        var tail = 0.0
        let first = logTerm
        for j in k..<(k + 200) {
            tail += exp(logTerm - first)
            logTerm += log(l) - log(Double(j + 1))
            if logTerm - first < -40 { break }
        }
        return max(0, -(first + log(tail)) / log(2))
    }
}
