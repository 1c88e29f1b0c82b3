/// When the `mixed` scenario's accounts query: human sessions over a local day, office hours,
/// cron ticks and short bursts, all inside one window of `days` days ending at `end`.
struct MixedClock {
    let end: Int64
    let days: Int
    let day: Int64 = 86_400_000
    let hour: Int64 = 3_600_000
    var start: Int64 { end - Int64(days) * day }

    /// Relative weight of each local hour for people at home (late-evening peak, quiet nights).
    static let homeHours: [Double] = [
        1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 2.5, 2.6, 2.4, 2.2, 2.4, 2.5, 2.4, 2.2, 2.2, 2.4, 2.8, 3, 2.8, 2.2, 1.5,
    ]

    /// The weekday (0 Monday ... 6 Sunday) of a UTC instant shifted by `offset` hours.
    func weekday(_ t: Int64, offset: Int) -> Int {
        let days = (t + Int64(offset) * hour) / day
        return Int(((days + 3) % 7 + 7) % 7)
    }

    /// About `count` queries in sessions (1 + a geometric number of follow-ups, about 100 s
    /// apart) on random days after `from`, at local hours drawn from `homeHours` (UTC `offset`),
    /// weekends 60% as busy.
    func sessions(_ count: Int, offset: Int, from: Int64, rng: inout SeededRandom) -> [Int64] {
        let first = max(start, from + hour)
        guard first < end, count > 0 else { return [] }
        let span = Int((end - first) / day)
        var times: [Int64] = []
        var guardrail = 0
        while times.count < count && guardrail < count * 20 {
            guardrail += 1
            let localDay = (first + Int64(offset) * hour) / day + Int64(rng.int(0...max(0, span)))
            let localHour = rng.weighted(Self.homeHours.enumerated().map { ($0.offset, $0.element) })
            var t = localDay * day + Int64(localHour) * hour + Int64(rng.int(0...3_599_999)) - Int64(offset) * hour
            if weekday(t, offset: offset) >= 5 && rng.chance(0.4) { continue }
            for _ in 0..<(1 + min(12, rng.geometric(mean: 2))) where times.count < count {
                if t >= first && t < end { times.append(t) }
                t += Int64(5_000 + rng.exponential(mean: 100_000))
            }
        }
        return times.sorted()
    }

    /// `count` queries on weekdays between 9:00 and 17:30 local time (UTC `offset`), with a
    /// lunch dip and human gaps.
    func officeHours(_ count: Int, offset: Int, from: Int64, rng: inout SeededRandom) -> [Int64] {
        let first = max(start, from + hour)
        guard first < end, count > 0 else { return [] }
        let span = Int((end - first) / day)
        var times: [Int64] = []
        var guardrail = 0
        while times.count < count && guardrail < count * 50 {
            guardrail += 1
            let localDay = (first + Int64(offset) * hour) / day + Int64(rng.int(0...max(0, span)))
            let minute = rng.int(9 * 60...17 * 60 + 29)
            if minute >= 12 * 60 + 15 && minute < 13 * 60 + 15 && rng.chance(0.7) { continue }
            let t = localDay * day + Int64(minute) * 60_000 + Int64(rng.int(0...59_999)) - Int64(offset) * hour
            guard t >= first && t < end && weekday(t, offset: offset) < 5 else { continue }
            times.append(t)
        }
        return times.sorted()
    }

    /// Ticks every `period` ms over the window that fall on weekdays between `fromHour` and
    /// `toHour` UTC (a deploy pipeline's working day).
    func cronTicks(period: Int64, fromHour: Int, toHour: Int, rng: inout SeededRandom) -> [Int64] {
        var ticks: [Int64] = []
        var t = start + Int64(rng.int(0...Int(period)))
        while t < end {
            let h = Int((t % day) / hour)
            if h >= fromHour && h < toHour && weekday(t, offset: 0) < 5 { ticks.append(t) }
            t += period
        }
        return ticks
    }

    /// `count` queries in a rapid burst starting at `at`: gaps of 8-70 s.
    func burst(_ count: Int, at: Int64, rng: inout SeededRandom) -> [Int64] {
        var t = at
        var times: [Int64] = []
        for _ in 0..<count {
            if t >= start && t < end { times.append(t) }
            t += Int64(rng.int(8_000...70_000))
        }
        return times
    }
}
