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

/// Each account's activity as *bursts*: its queries collapsed so that queries within the
/// window of the burst's first are one firing. Two accounts co-fire when their bursts fall
/// within the window of each other. Times are kept to the second (4 bytes a burst, twice: per
/// account and in one population timeline), so two firings "within 5 s" are within 5 s to the
/// second. Pairs are compared by merging their sorted burst times, linear in the two accounts'
/// bursts; building is one pass over the query history and one sort.
public final class CoActivity: @unchecked Sendable {
    /// The window in milliseconds (a whole number of seconds).
    public let window: Int64
    private let windowSeconds: UInt32
    /// The population's first query (ms): burst times are seconds after it.
    private let base: Int64
    /// Burst times of each account, ascending, in compressed rows.
    private let start: [Int32]
    private let times: [UInt32]
    /// Every account's bursts, in time order (for the population's density at an instant).
    private let timeline: [UInt32]

    /// Collapses every account's queries into bursts.
    /// - Complexity: O(queries + bursts log bursts).
    public init(queries: QueryTable, window seconds: Int64 = 5) {
        window = seconds * 1000
        windowSeconds = UInt32(seconds)
        let accounts = max(0, queries.accountStart.count - 1)
        var first = Int64.max
        for account in 0..<accounts {
            let rows = queries.rows(of: account)
            if !rows.isEmpty { first = min(first, queries.timestamp(rows.lowerBound)) }
        }
        base = first == .max ? 0 : first - ((first % 1000) + 1000) % 1000
        var start = [Int32](repeating: 0, count: accounts + 1)
        var times: [UInt32] = []
        times.reserveCapacity(queries.count / 2)
        for account in 0..<accounts {
            var last: UInt32? = nil
            for row in queries.rows(of: account) {
                let t = UInt32(clamping: (queries.timestamp(row) - base) / 1000)
                if let previous = last, t - previous <= UInt32(seconds) { continue }
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
        guard to >= base, to >= from else { return 0 }
        let low = (max(from, base) - base + 999) / 1000, high = (to - base) / 1000
        guard low <= high else { return 0 }
        func firstIndex(above t: Int64) -> Int {
            var lo = 0, hi = timeline.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int64(timeline[mid]) <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return firstIndex(above: high) - firstIndex(above: low - 1)
    }

    /// The bursts of an account (epoch ms, to the second), ascending.
    public func bursts(of account: Int) -> [Int64] { seconds(of: account).map { base + Int64($0) * 1000 } }

    private func seconds(of account: Int) -> ArraySlice<UInt32> { times[Int(start[account])..<Int(start[account + 1])] }

    /// Bursts of all accounts.
    public var totalBursts: Int { times.count }

    /// The number of bursts of an account.
    public func burstCount(of account: Int) -> Int { Int(start[account + 1] - start[account]) }

    /// How often `a` and `b` fired together, and how often they would by chance.
    /// - Complexity: O(bursts of a + bursts of b).
    public func coFiring(_ a: Int, _ b: Int) -> CoFiring {
        let x = seconds(of: a), y = seconds(of: b)
        guard x.count >= 2, y.count >= 2 else { return CoFiring(together: 0, expected: 0, bits: 0) }
        var together = 0
        var j = y.startIndex
        for t in x {
            while j < y.endIndex && y[j] + windowSeconds < t { j += 1 }
            if j < y.endIndex && y[j] <= t + windowSeconds { together += 1 }
        }
        let expected = CoActivity.expected(x, y, windowSeconds: Double(windowSeconds))
        return CoFiring(together: together, expected: expected, bits: CoActivity.surpriseBits(together, expected: expected))
    }

    /// Expected co-firings of two independent accounts each firing uniformly over its own active
    /// span (at least an hour): a's bursts in the overlap times b's rate times the window both ways.
    static func expected(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, windowSeconds: Double) -> Double {
        let hour = 3_600.0
        let spanX = max(hour, Double(x.last! - x.first!)), spanY = max(hour, Double(y.last! - y.first!))
        let overlap = Double(min(x.last!, y.last!)) - Double(max(x.first!, y.first!)) + 2 * windowSeconds
        guard overlap > 0 else { return 0 }
        let inX = Double(x.count) * min(1, overlap / spanX)
        return inX * Double(y.count) / spanY * (2 * windowSeconds + 1)
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
