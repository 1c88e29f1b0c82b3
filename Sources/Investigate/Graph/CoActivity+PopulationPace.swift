/// Crowd moments, read from the population's own activity over time. When many unrelated
/// accounts fire around one public moment (a deadline, a launch, a challenge opening), two of
/// them meeting there is what the moment makes likely, not coordination. A moment is a crowd
/// moment when the population's bursts within the widest co-firing scale of it pass what the
/// population's pace over the surrounding hour gives there by more than a block of accounts
/// (`crowdAccounts`, the blocking rule's K: a moment shared by more is a hub, as a value held
/// by more is) and by three standard deviations of that pace (chance, in a busy population).
/// Each firing of one account at a crowd moment in the other's span is a meeting expected
/// (`coFiring` adds them to the expectation), so a pair meeting at crowd moments only gains
/// nothing; a scheduler's ticks, at moments the population is not crowding, keep their surprise.
extension CoActivity {
    /// More accounts than this beyond the population's pace make a crowd moment: the blocking
    /// rule's K (`EvidenceClusterer.blockSize`).
    static let crowdAccounts = EvidenceClusterer().blockSize

    /// The population's bursts from second `low` to second `high` after `base` (both included),
    /// to the bucket.
    /// - Complexity: O(1).
    func populationBursts(seconds low: Int64, _ high: Int64) -> Int {
        guard cumulative.count > 1, high >= 0, high >= low else { return 0 }
        let buckets = cumulative.count - 1
        let first = min(buckets, Int(max(0, low) / bucketSeconds))
        let last = min(buckets - 1, Int(high / bucketSeconds))
        guard first <= last else { return 0 }
        return Int(cumulative[last + 1] &- cumulative[first])
    }

    /// Whether second `t` (after `base`) is a crowd moment: the population's bursts within
    /// `reach` (the widest scale) of it, less `own` (the pair's own there), against the pace of
    /// the hour around it.
    func isCrowdMoment(_ t: Int64, own: Int, reach: Int64) -> Bool {
        let around = Double(populationBursts(seconds: t - reach, t + reach) - own)
        let hour = Double(populationBursts(seconds: t - 1_800, t + 1_799))
        let paced = hour * Double(2 * reach + 1) / 3_600
        return around > paced + Double(Self.crowdAccounts) + 3 * paced.squareRoot()
    }

    /// Firings of `x` at `scale` that fall at crowd moments within `y`'s span: meetings the
    /// population's crowding makes likely.
    /// - Complexity: O(x + y).
    func crowdFirings(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, scale: UInt32) -> Int {
        guard let yFirst = y.first, let yLast = y.last, !x.isEmpty, cumulative.count > 1 else { return 0 }
        let reach = Int64(widestScaleSeconds)
        let (from, to) = (Int64(yFirst) - Int64(scale), Int64(yLast) + Int64(scale))
        var count = 0
        // Bursts of x and of y within reach of the current firing (`low..<high` of each).
        var (lowX, highX, lowY, highY) = (x.startIndex, x.startIndex, y.startIndex, y.startIndex)
        var last: UInt32? = nil
        for t in x {
            // x's firings at this scale, as `together` reads them.
            if let previous = last, t &- previous <= scale { continue }
            last = t
            guard Int64(t) >= from, Int64(t) <= to else { continue }
            let (low, high) = (Int64(t) - reach, Int64(t) + reach)
            while lowX < x.endIndex && Int64(x[lowX]) < low { lowX += 1 }
            while highX < x.endIndex && Int64(x[highX]) <= high { highX += 1 }
            while lowY < y.endIndex && Int64(y[lowY]) < low { lowY += 1 }
            while highY < y.endIndex && Int64(y[highY]) <= high { highY += 1 }
            if isCrowdMoment(Int64(t), own: (highX - lowX) + (highY - lowY), reach: reach) { count += 1 }
        }
        return count
    }
}
