#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How often two accounts fired within the same few seconds, against what their own rates predict.
public struct CoFiring: Sendable, Equatable {
    /// Bursts of the first account with a burst of the second within the window.
    public var together: Int
    /// The count expected if the two fired independently at their own rates.
    public var expected: Double
    /// Evidence in bits: `-log2 P(Poisson(expected) >= together)`, 0 below two co-firings.
    public var bits: Double
}

/// Each account's activity as *bursts*: its queries collapsed so that queries within `window`
/// of the burst's first are one firing. Two accounts co-fire when their bursts fall within
/// `window` of each other. Pairs are compared by merging their sorted burst times, so the cost
/// is linear in the two accounts' bursts; building is one pass over the query history.
public final class CoActivity: @unchecked Sendable {
    /// Seconds within which two firings count as one moment ("within seconds").
    public let window: Int64
    /// Burst times (ms) of each account, ascending, in compressed rows.
    private let start: [Int32]
    private let times: [Int64]
    /// Every account's bursts, in time order (for the population's density at an instant).
    private let timeline: [Int64]

    /// Collapses every account's queries into bursts.
    /// - Complexity: O(queries).
    public init(queries: QueryTable, window seconds: Int64 = 5) {
        window = seconds * 1000
        let accounts = queries.accountStart.count - 1
        var start = [Int32](repeating: 0, count: accounts + 1)
        var times: [Int64] = []
        times.reserveCapacity(queries.count / 2)
        for account in 0..<max(0, accounts) {
            var last = Int64.min
            for row in queries.rows(of: account) {
                let t = queries.timestamp(row)
                if last != .min && t - last <= window { continue }
                times.append(t)
                last = t
            }
            start[account + 1] = Int32(times.count)
        }
        self.start = start
        self.times = times
        timeline = times.sorted()
    }

    /// Bursts of all accounts in `from...to` (ms).
    /// - Complexity: O(log bursts).
    public func populationBursts(from: Int64, to: Int64) -> Int {
        func firstIndex(atLeast t: Int64) -> Int {
            var low = 0, high = timeline.count
            while low < high {
                let mid = (low + high) / 2
                if timeline[mid] < t { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return max(0, firstIndex(atLeast: to + 1) - firstIndex(atLeast: from))
    }

    /// The bursts of an account.
    public func bursts(of account: Int) -> ArraySlice<Int64> { times[Int(start[account])..<Int(start[account + 1])] }

    /// Bursts of all accounts.
    public var totalBursts: Int { times.count }

    /// The number of bursts of an account.
    public func burstCount(of account: Int) -> Int { Int(start[account + 1] - start[account]) }

    /// How often `a` and `b` fired together, and how often they would by chance.
    /// - Complexity: O(bursts of a + bursts of b).
    public func coFiring(_ a: Int, _ b: Int) -> CoFiring {
        let x = bursts(of: a), y = bursts(of: b)
        guard x.count >= 2, y.count >= 2 else { return CoFiring(together: 0, expected: 0, bits: 0) }
        var together = 0
        var j = y.startIndex
        for t in x {
            while j < y.endIndex && y[j] < t - window { j += 1 }
            if j < y.endIndex && y[j] <= t + window { together += 1 }
        }
        let expected = CoActivity.expected(x, y, window: window)
        return CoFiring(together: together, expected: expected, bits: CoActivity.surpriseBits(together, expected: expected))
    }

    /// Expected co-firings of two independent accounts each firing uniformly over its own active
    /// span (at least an hour): a's bursts in the overlap times b's rate times the window both ways.
    static func expected(_ x: ArraySlice<Int64>, _ y: ArraySlice<Int64>, window: Int64) -> Double {
        let hour = 3_600_000.0
        let spanX = max(hour, Double(x.last! - x.first!)), spanY = max(hour, Double(y.last! - y.first!))
        let overlap = Double(min(x.last!, y.last!) - max(x.first!, y.first!)) + 2 * Double(window)
        guard overlap > 0 else { return 0 }
        let inX = Double(x.count) * min(1, overlap / spanX)
        return inX * Double(y.count) / spanY * Double(2 * window + 1)
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
