/// Co-firing expected at each account's own pace around each firing, not its average over its
/// whole span. An account that works in sittings (a benchmark run, an evening of homework: a
/// query a minute for two hours, then nothing for days) has a low average rate but a high one
/// while it sits; two such accounts whose sittings overlap meet within seconds again and again
/// because both are busy then, not because they are coordinated. So each of x's firings expects
/// y at y's own pace over the hour around it (y's firings there, those within the scale of the
/// firing left out: they are the meetings being judged), and the pair's expectation is the
/// larger of that and the span-average one (`expected` × `sharedHoursFactor`): it only ever
/// lowers the evidence. A ring firing together still stands out: members firing at the same
/// seconds far more often than their pace in that hour gives (a scheduler's tick every 30
/// minutes expects a few hundredths of a meeting per tick; copies sent within seconds meet at
/// every firing against a fraction at a query a minute).
extension CoActivity {
    /// The span around a firing whose pace it is judged at: the hour, as crowd moments judge
    /// the population's (`isCrowdMoment`).
    static let paceSeconds: Int64 = 3_600

    /// Expected meetings of x's firings at `scale` (those within y's span, widened by the
    /// scale) with y's firings, each at y's pace in the hour around it: y's firings there
    /// outside the scale of the firing, over the rest of the hour, times the scale both ways;
    /// at most one per firing (a firing meets y once at most, `together`).
    /// - Complexity: O(x + y).
    static func expectedAtLocalPace(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, scale: UInt32) -> Double {
        guard let yFirst = y.first, let yLast = y.last, !x.isEmpty else { return 0 }
        let firingsY = firingTimes(y, scale: scale)
        let half = paceSeconds / 2
        let width = Double(2 * Int64(scale) + 1)
        let rest = Double(paceSeconds) - width
        guard rest > 0 else { return 0 }
        let (from, to) = (Int64(yFirst) - Int64(scale), Int64(yLast) + Int64(scale))
        // y's firings in the hour around the current firing (`hourLow..<hourHigh`) and within
        // its scale (`nearLow..<nearHigh`).
        var (hourLow, hourHigh, nearLow, nearHigh) = (0, 0, 0, 0)
        var expected = 0.0
        var last: UInt32? = nil
        for t in x {
            if let previous = last, t &- previous <= scale { continue }
            last = t
            let now = Int64(t)
            guard now >= from, now <= to else { continue }
            while hourLow < firingsY.count && firingsY[hourLow] < now - half { hourLow += 1 }
            while hourHigh < firingsY.count && firingsY[hourHigh] < now + half { hourHigh += 1 }
            while nearLow < firingsY.count && firingsY[nearLow] < now - Int64(scale) { nearLow += 1 }
            while nearHigh < firingsY.count && firingsY[nearHigh] <= now + Int64(scale) { nearHigh += 1 }
            let around = (hourHigh - hourLow) - (nearHigh - nearLow)
            expected += min(1, Double(max(0, around)) / rest * width)
        }
        return expected
    }
}
