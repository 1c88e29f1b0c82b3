/// Co-firing at several time scales. A scheduler firing members within the same second and one
/// whose members drift by tens of seconds around each tick are both coordination; the second
/// co-fires within 5 s about as often as chance says, but within 45 s many times more. So a pair
/// is measured at the window and at three, nine and twenty-seven times it (5, 15, 45, 135 s),
/// each against its own expectation, and the best scale is kept, less `log2` of the number of
/// scales (looking at four chances to be surprised costs two bits). Above the window, co-firings
/// count once per minute of the hour (`together`): clock-aligned jobs meeting at the top of
/// every hour are not a shared schedule. Within the window every co-firing counts, as before (a
/// scheduler firing members within the same seconds every 30 minutes meets at two minutes of
/// the hour only, and is found there).
extension CoActivity {
    /// How many scales co-firing is measured at.
    static let scaleCount = 4

    /// The bits given up for choosing the best of `scaleCount` scales.
    static let scalePenaltyBits = 2.0

    /// Meetings a pair needs above the window before they are evidence: timing picks pairs out of
    /// all that fire in the same buckets (`TimingCandidates`), and two meetings within tens of
    /// seconds happen by chance to some of the many pairs looked at, however small each pair's
    /// own expectation.
    static let meetingsAboveWindow = 3

    /// The scales for a window (seconds): the window, then three times the last, `scaleCount` in all.
    static func scaleSeconds(window: UInt32) -> [UInt32] {
        var out: [UInt32] = []
        var scale = max(1, window)
        for _ in 0..<scaleCount {
            out.append(scale)
            scale = scale &* 3
        }
        return out
    }

    /// The widest scale (seconds).
    var widestScaleSeconds: UInt32 { CoActivity.scaleSeconds(window: UInt32(window / 1000)).last! }

    /// At a scale: x's firings (its bursts, collapsed so that bursts within the scale of a
    /// firing's first are that firing), how many of them have a burst of y within the scale, and
    /// y's firings counted the same way.
    ///
    /// With `clockOrigin` (the epoch second of time 0), co-firings are counted once per minute of
    /// the hour: the fewer of the distinct minutes of x's firings and of y's bursts that met.
    /// Schedules are set in minutes of the hour: two cron jobs at the top of the hour meet every
    /// hour, and a ring member firing at :00, :20 and :40 meets a cron job at :00 at every tick
    /// of the cron; that is one coincidence of clocks, however often it repeats. A shared
    /// schedule with jitter meets at many minutes on both sides. They are also counted once per
    /// hour (of the span): two people whose sittings overlap once meet at several firings of
    /// it, and that is one meeting; a schedule meets at tick after tick, hours apart.
    /// `coFiring` counts so at every scale wider than the window.
    /// - Complexity: O(x + y).
    static func together(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, scale: UInt32, clockOrigin: Int64? = nil) -> (Int, Int, Int) {
        var together = 0, firingsX = 0
        var minutes: UInt64 = 0, minutesY: UInt64 = 0
        var hours = 0, lastHour: Int64 = -1
        // y's firings are read as x's are (a burst within `scale` of the last firing is part of
        // it), and the two are paired one to one, earliest first: the most pairs there can be,
        // the same count whichever account is x, never more than the fewer firings.
        var j = y.startIndex
        var lastY: UInt32? = nil
        func nextFiringOfY() {
            while j < y.endIndex, let previous = lastY, y[j] &- previous <= scale { j += 1 }
        }
        func passFiringOfY() {
            lastY = y[j]
            j += 1
            nextFiringOfY()
        }
        var last: UInt32? = nil
        for t in x {
            if let previous = last, t &- previous <= scale { continue }
            last = t
            firingsX += 1
            while j < y.endIndex && UInt64(y[j]) + UInt64(scale) < UInt64(t) { passFiringOfY() }
            guard j < y.endIndex && UInt64(y[j]) <= UInt64(t) + UInt64(scale) else { continue }
            together += 1
            if let clockOrigin {
                minutes |= UInt64(1) << UInt64(minuteOfHour(second: clockOrigin + Int64(t)))
                minutesY |= UInt64(1) << UInt64(minuteOfHour(second: clockOrigin + Int64(y[j])))
                // x's firings ascend, so their hours do too.
                let hour = Int64(t) / 3600
                if hour != lastHour { hours += 1 }
                lastHour = hour
            }
            passFiringOfY()
        }
        if clockOrigin != nil { together = min(minutes.nonzeroBitCount, minutesY.nonzeroBitCount, hours) }
        return (together, firingsX, firings(y, scale: scale))
    }

    /// The minute of the hour (0-59) of an epoch second, before 1970 too.
    static func minuteOfHour(second: Int64) -> Int {
        let minutes = second >= 0 ? second / 60 : (second - 59) / 60
        return Int(((minutes % 60) + 60) % 60)
    }

    /// An account's firings at a scale.
    static func firings(_ x: ArraySlice<UInt32>, scale: UInt32) -> Int {
        var count = 0
        var last: UInt32? = nil
        for t in x {
            if let previous = last, t &- previous <= scale { continue }
            last = t
            count += 1
        }
        return count
    }

    /// Expected co-firings of two independent accounts each firing uniformly over its own active
    /// span (at least an hour): x's firings in the overlap times y's rate times the scale both
    /// ways (`countX` and `countY` firings over the spans of bursts `x` and `y`).
    static func expected(_ countX: Int, _ countY: Int, spanOf x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, scale: Double) -> Double {
        let hour = 3_600.0
        let spanX = max(hour, Double(x.last! - x.first!)), spanY = max(hour, Double(y.last! - y.first!))
        let overlap = Double(min(x.last!, y.last!)) - Double(max(x.first!, y.first!)) + 2 * scale
        guard overlap > 0 else { return 0 }
        let inX = Double(countX) * min(1, overlap / spanX)
        return inX * Double(countY) / spanY * (2 * scale + 1)
    }
}
