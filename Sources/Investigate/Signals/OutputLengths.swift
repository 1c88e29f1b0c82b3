/// How long the population's answers are: each account's output tokens per query, summarised
/// by its percentiles. Signals that ask "are these answers long?" or "too short to harvest?"
/// read these instead of fixed token counts, so a source whose models or clients answer longer
/// or shorter across the board moves the bars with it.
public struct OutputLengths: Sendable, Equatable {
    /// Queries an account needs before its average counts: with fewer, one odd answer is the
    /// whole average (a sample-size floor, not a fitted number). When no account has as many,
    /// every account with a query counts.
    public static let minimumQueries = 5

    /// The 0th, 5th, ..., 100th percentiles of per-account output tokens per query (empty when
    /// no account has a query).
    public let percentiles: [Double]

    /// Summarises per-account averages (any order).
    public init(perAccount values: [Double]) {
        var sorted = values
        self.init(sortingInPlace: &sorted)
    }

    /// Summarises per-account averages (any order), sorting them in place rather than into a copy.
    init(sortingInPlace sorted: inout [Double]) {
        sorted.sort()
        guard !sorted.isEmpty else {
            percentiles = []
            return
        }
        percentiles = (0...20).map { step in
            let position = Double(step) / 20 * Double(sorted.count - 1)
            let low = Int(position.rounded(.down)), high = min(sorted.count - 1, low + 1)
            return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
        }
    }

    /// Percentiles as a snapshot kept them (21 values, or none).
    init(percentiles: [Double]) { self.percentiles = percentiles }

    /// Measures every account's output tokens per query: of the accounts with `minimumQueries`
    /// or more, or when there are none, of every account with a query. The averages are gathered
    /// into one column of exactly their number.
    public init(features: AccountFeatures) {
        var counted = 0, everyone = 0
        for a in 0..<features.queries.count {
            let queries = Int(features.queries[a])
            if queries > 0 { everyone += 1 }
            if queries >= Self.minimumQueries { counted += 1 }
        }
        let floor = counted > 0 ? Self.minimumQueries : 1
        var values: [Double] = []
        values.reserveCapacity(counted > 0 ? counted : everyone)
        for a in 0..<features.queries.count {
            let queries = Int(features.queries[a])
            if queries >= floor { values.append(Double(features.outputTokens[a]) / Double(queries)) }
        }
        self.init(sortingInPlace: &values)
    }

    /// The `q` quantile (0...1), interpolated between the stored percentiles; 0 when empty.
    public func quantile(_ q: Double) -> Double {
        guard !percentiles.isEmpty else { return 0 }
        let position = max(0, min(1, q)) * 20
        let low = Int(position.rounded(.down)), high = min(20, low + 1)
        return percentiles[low] + (percentiles[high] - percentiles[low]) * (position - Double(low))
    }

    /// The typical account's output tokens per query.
    public var median: Double { quantile(0.5) }
}
