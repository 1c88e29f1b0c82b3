/// Sittings that coincide: two accounts active in the same hours of the span far more often than
/// their own active hours predict. A relay (one member asks, a second critiques the answer a
/// minute or three later, a third asks for a rewrite) never fires within seconds of another, and
/// inside a sitting the members' pace explains each meeting (`expectedAtLocalPace`); what no pace
/// explains is that their sittings fall on the same evenings, day after day, out of weeks. So the
/// hours of the span in which both fire are counted (within the span both are active) against
/// what independent accounts give: each one's active hours spread over the overlap, raised by
/// the hours of the week both keep (`sharedHoursFactor`: two evening users meet in the evening)
/// or by the population's own busy hours (a launch day, a deadline: hours the whole population
/// crowds make shared sittings likely), whichever expects more.
///
/// Sitting together is weaker evidence than firing within seconds: colleagues and study groups
/// keep sittings together too, and the model of hours is cruder. So sittings count half their
/// bits, at most half a link, until they reach twice the link threshold, where they are a link
/// on their own as co-firing is (`EvidenceWeights.countedTiming(_:)`), and they give up one bit
/// more than a scale of seconds for being one more look (`sittingPenaltyBits`). Hours are clock
/// hours (`sittingHour`), as an investigator reading the rows counts them.
extension CoActivity {
    /// The length of a sitting's unit (seconds): clock hours of the span.
    static let sittingSeconds: UInt32 = 3_600

    /// Bits given up for looking at sittings beside the scales of seconds.
    static let sittingPenaltyBits = scalePenaltyBits + 1

    /// How many equally busy hours the population's activity is worth: (Σ bursts)² / Σ bursts²
    /// over the hours of the span (the span's hours when every hour is as busy; fewer when the
    /// population crowds some hours). Two accounts' hours meet by chance as if spread over these.
    var effectiveHours: Double {
        guard let sum = hourSums.last, let squares = hourSquares.last, squares > 0 else { return 0 }
        return sum * sum / squares
    }

    /// The population's bursts per hour of the span, as prefix sums of the counts and of their
    /// squares (`hours + 1` entries each), read from `cumulative`.
    static func hourPrefixes(cumulative: [UInt32], bucketSeconds: Int64, base: Int64) -> (sums: [Double], squares: [Double]) {
        let buckets = max(0, cumulative.count - 1)
        let spanSeconds = Int64(buckets) * bucketSeconds
        let offset = Int64(sittingOffset(base: base))
        let hours = Int((spanSeconds + offset + Int64(sittingSeconds) - 1) / Int64(sittingSeconds))
        var sums = [Double](repeating: 0, count: hours + 1), squares = sums
        for h in 0..<hours {
            // Clock hour h of the span: seconds h × 3600 - offset ..< (h + 1) × 3600 - offset.
            let low = min(buckets, Int(max(0, Int64(h) * Int64(sittingSeconds) - offset) / bucketSeconds))
            let high = min(buckets, Int(max(0, (Int64(h) + 1) * Int64(sittingSeconds) - offset) / bucketSeconds))
            let count = Double(cumulative[high] &- cumulative[low])
            sums[h + 1] = sums[h] + count
            squares[h + 1] = squares[h] + count * count
        }
        return (sums, squares)
    }

    /// Seconds from the top of the clock hour to `base` (ms since 1970): hours of the span are
    /// clock hours, as an investigator reading the rows counts them.
    static func sittingOffset(base: Int64) -> UInt32 {
        let seconds = base >= 0 ? base / 1000 : (base - 999) / 1000
        return UInt32(((seconds % Int64(sittingSeconds)) + Int64(sittingSeconds)) % Int64(sittingSeconds))
    }

    /// The clock hour (counted from the one `base` falls in) of a burst `t` seconds after `base`.
    @inline(__always)
    func sittingHour(_ t: UInt32) -> UInt32 {
        UInt32((UInt64(t) + UInt64(sittingOffsetSeconds)) / UInt64(CoActivity.sittingSeconds))
    }

    /// The figures of two accounts' shared sittings (bursts as `seconds(of:into:)` gives them),
    /// or nil when they share fewer than `meetingsAboveWindow` hours. `together` is the hours of
    /// their common span in which both fired, `windowSeconds` the hour, `sittings` set.
    /// - Complexity: O(x + y).
    func sittings(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> CoFiring? {
        guard let xFirst = x.first, let xLast = x.last, let yFirst = y.first, let yLast = y.last, x.count >= 2, y.count >= 2 else {
            return nil
        }
        let (low, high) = (sittingHour(max(xFirst, yFirst)), sittingHour(min(xLast, yLast)))
        guard low < high else { return nil }
        // Distinct hours of each within `low...high`, and those both fired in.
        var (hoursX, hoursY, both) = (0, 0, 0)
        var (i, j) = (x.startIndex, y.startIndex)
        func nextHour(_ s: ArraySlice<UInt32>, _ at: inout Int) -> UInt32? {
            while at < s.endIndex && sittingHour(s[at]) < low { at += 1 }
            guard at < s.endIndex, sittingHour(s[at]) <= high else { return nil }
            let h = sittingHour(s[at])
            while at < s.endIndex && sittingHour(s[at]) == h { at += 1 }
            return h
        }
        var hx = nextHour(x, &i), hy = nextHour(y, &j)
        while let a = hx, let b = hy {
            if a == b { both += 1 }
            if a <= b { hoursX += 1; hx = nextHour(x, &i) }
            if b <= a { hoursY += 1; hy = nextHour(y, &j) }
        }
        while hx != nil { hoursX += 1; hx = nextHour(x, &i) }
        while hy != nil { hoursY += 1; hy = nextHour(y, &j) }
        guard both >= CoActivity.meetingsAboveWindow else { return nil }
        let span = Double(high - low + 1)
        var expected = Double(hoursX) * Double(hoursY) / span * CoActivity.sharedHoursFactor(x, y, baseSeconds: base / 1000)
        let (from, to) = (min(Int(low), hourSums.count - 1), min(Int(high) + 1, hourSums.count - 1))
        let sum = hourSums[to] - hourSums[from], squares = hourSquares[to] - hourSquares[from]
        if sum > 0 { expected = max(expected, Double(hoursX) * Double(hoursY) * squares / (sum * sum)) }
        expected = min(expected, Double(min(hoursX, hoursY)))
        let bits = max(0, CoActivity.surpriseBits(both, expected: expected) - CoActivity.sittingPenaltyBits)
        var figures = CoFiring(
            together: both, expected: expected, bits: bits, windowSeconds: Int(CoActivity.sittingSeconds), sittings: true)
        (figures.hoursA, figures.hoursB) = (hoursX, hoursY)
        return figures
    }

    /// The timing a pair's link reads: its co-firing (`coFiring(seconds:_:)`), or its shared
    /// sittings when they say more.
    func linkTiming(seconds x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> CoFiring {
        let firing = coFiring(seconds: x, y)
        guard let shared = sittings(x, y), shared.bits > firing.bits else { return firing }
        return shared
    }

    /// `linkTiming` of two accounts, the smaller account's bursts first (as `coFiring(a, b)`).
    public func linkTiming(_ a: Int, _ b: Int) -> CoFiring {
        let (a, b) = (min(a, b), max(a, b))
        guard queries.queryCount(of: a) >= 2, queries.queryCount(of: b) >= 2 else { return coFiring(a, b) }
        var x: [UInt32] = [], y: [UInt32] = []
        seconds(of: a, into: &x)
        seconds(of: b, into: &y)
        return linkTiming(seconds: x[...], y[...])
    }
}
