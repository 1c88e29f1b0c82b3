#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per-account behaviour measured in one pass over the query history (in account order).
public struct AccountFeatures: Sendable {
    /// Queries per account.
    public let queries: AccountQueryCounts
    /// Queries that carried a prompt or prompt fingerprint.
    public var prompted: AccountCounts
    /// Prompts asking for reasoning / chain of thought / rationales / grading.
    public var reasoning: AccountCounts
    /// Input tokens, summed.
    public var inputTokens: AccountTokenSums
    /// Output tokens, summed.
    public var outputTokens: AccountTokenSums
    /// Normalised entropy of the hour-of-day histogram (1 = flat round the clock), -1 when too few queries.
    public var hourEntropy: SparseFloats
    /// Coefficient of variation of gaps between queries (low = metronome), -1 when too few.
    public var gapVariation: SparseFloats
    /// Share of queries from hosting / datacenter ASNs.
    public var hostingShare: SparseFloats
    /// First query time (epoch ms), Int64.min when none.
    public let firstQuery: AccountQueryTimes
    /// Last query time (epoch ms), Int64.min when none.
    public let lastQuery: AccountQueryTimes
    /// Normalised entropy of the account's category histogram, -1 when uncategorised.
    public var categoryEntropy: SparseFloats

    /// Measures every account.
    public init(data: CaseData, index: LinkIndex) { self.init(data: data) }

    /// Measures every account from the query history alone (no link index needed, so
    /// `Investigation` measures while it indexes). The float features are gathered account by
    /// account into `SparseFloats` (most accounts have too few queries for an hour or gap
    /// profile), the counts into `AccountCounts`.
    public init(data: CaseData) {
        let n = data.accountCount
        let q = data.queries
        queries = AccountQueryCounts(queries: q)
        prompted = AccountCounts(count: n)
        reasoning = AccountCounts(count: n)
        inputTokens = AccountTokenSums(count: n)
        outputTokens = AccountTokenSums(count: n)
        var hourEntropy = SparseFloats.Builder(count: n, absent: -1)
        var gapVariation = SparseFloats.Builder(count: n, absent: -1)
        var hostingShare = SparseFloats.Builder(count: n, absent: 0)
        var categoryEntropy = SparseFloats.Builder(count: n, absent: -1)
        firstQuery = AccountQueryTimes(queries: q, last: false)
        lastQuery = AccountQueryTimes(queries: q, last: true)
        var categoryCounts = [Int](repeating: 0, count: data.pools.categories.count + 1)
        var touched: [Int] = []
        let hosting = (0..<data.pools.asns.count).map { HostingASNs.contains(data.pools.asns.string(Int32($0))) }
        var hours = [Int](repeating: 0, count: 24)
        for account in 0..<n {
            let range = q.accountStart[account]..<q.accountStart[account + 1]
            guard !range.isEmpty else { continue }
            for h in 0..<24 { hours[h] = 0 }
            var previous = Int64.min
            var gapSum = 0.0, gapSquares = 0.0, gaps = 0
            var hostingCount = 0
            var promptedCount: Int32 = 0, reasoningCount: Int32 = 0
            var inputSum: Int64 = 0, outputSum: Int64 = 0
            for i in range {
                let row = i
                let ts = q.timestamp(row)
                let flags = q.promptFlags(row)
                if flags != 0 { promptedCount += 1 }
                if flags & PromptDigest.Flags.reasoning != 0 { reasoningCount += 1 }
                inputSum += Int64(q.inputTokens(row))
                outputSum += Int64(q.outputTokens(row))
                let category = Int(q.category(row))
                if category >= 0 {
                    if categoryCounts[category] == 0 { touched.append(category) }
                    categoryCounts[category] += 1
                }
                let asn = q.contexts.asn[Int(q.context[row])]
                if asn >= 0 && hosting[Int(asn)] { hostingCount += 1 }
                hours[Int(((ts % 86_400_000) + 86_400_000) % 86_400_000 / 3_600_000)] += 1
                if previous != .min {
                    let gap = Double(ts - previous) / 1000
                    gapSum += gap
                    gapSquares += gap * gap
                    gaps += 1
                }
                previous = ts
            }
            prompted[account] = promptedCount
            reasoning[account] = reasoningCount
            inputTokens[account] = inputSum
            outputTokens[account] = outputSum
            let count = range.count
            if !touched.isEmpty {
                // Entropy over at least min(8, categories) bins, so one query in one category
                // reads as narrow rather than as "all of its categories evenly" (a design choice).
                let histogram =
                    touched.map { categoryCounts[$0] }
                    + [Int](repeating: 0, count: max(0, min(8, categoryCounts.count - 1) - touched.count))
                categoryEntropy.set(account, Float(Statistics.normalisedEntropy(histogram)))
                for c in touched { categoryCounts[c] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            hostingShare.set(account, Float(hostingCount) / Float(count))
            // Sample-size floors (design, not fitted): a 24-bin histogram needs about one query
            // a bin before its entropy means anything, and a spread of gaps about ten gaps.
            if count >= 24 { hourEntropy.set(account, Float(Statistics.normalisedEntropy(hours))) }
            if gaps >= 10 {
                let mean = gapSum / Double(gaps)
                let variance = max(0, gapSquares / Double(gaps) - mean * mean)
                gapVariation.set(account, mean > 0 ? Float(variance.squareRoot() / mean) : 0)
            }
        }
        self.hourEntropy = SparseFloats(hourEntropy)
        self.gapVariation = SparseFloats(gapVariation)
        self.hostingShare = SparseFloats(hostingShare)
        self.categoryEntropy = SparseFloats(categoryEntropy)
    }
}

/// Small statistics helpers.
public enum Statistics {
    /// Shannon entropy of a histogram divided by log(bins): 0 = one bin, 1 = uniform.
    public static func normalisedEntropy(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        guard total > 0, counts.count > 1 else { return 0 }
        var entropy = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            entropy -= p * log(p)
        }
        return entropy / log(Double(counts.count))
    }

    /// The median of values (0 when empty).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The median of values (0 when empty), sorting them in place rather than into a copy.
    public static func median(sortingInPlace values: inout [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        values.sort()
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }

    /// Mean and coefficient of variation.
    public static func meanAndVariation(_ values: [Double]) -> (mean: Double, cv: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, mean > 0 ? variance.squareRoot() / mean : 0)
    }
}
