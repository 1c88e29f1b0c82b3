/// Capability sweep: members who each spread their queries over the category space far more
/// evenly than the population's accounts of similar volume do.
///
/// Like for like: each member's own spread (members with at least 20 labelled queries), the
/// members' median, against the median of the population's accounts with as many. A cluster's
/// pooled queries are not compared with one account's: many ordinary people together cover every
/// category (a course whose students also use the model at home pooled to 7 of 7 categories, 76%,
/// against 33% for a typical account, yet each student spreads less than a typical account of its
/// volume).
public struct CategorySweepSignal: DetectionSignal {
    public let name = "capability_sweep"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        let categories = e.index.data.pools.categories.count
        guard categories >= 2, e.population.categoryEntropy >= 0 else { return nil }
        let q = e.index.data.queries
        var spreads: [Double] = []
        var histogram = [Int](repeating: 0, count: categories)
        for m in e.members {
            if let spread = CategorySpread.of(q, rows: q.rows(of: Int(m)), histogram: &histogram) { spreads.append(spread) }
        }
        guard !spreads.isEmpty else { return nil }
        let median = Statistics.median(sortingInPlace: &spreads)
        let baseline = e.population.categoryEntropy
        let contribution = 0.15 * unit((median - baseline - 0.1) / 0.3)
        let measured = spreads.count == 1 ? "how evenly its queries spread" : "how evenly members each spread their queries"
        return SignalScore(
            name: name, value: median, baseline: baseline, contribution: contribution,
            explanation: "\(measured) over the \(categories) categories: entropy \(format1(median * 100))% "
                + (spreads.count == 1 ? "" : "(median of \(spreads.count) members with \(CategorySpread.floor)+ labelled queries) ")
                + "vs \(format1(baseline * 100))% for a typical account with as many")
    }
}

/// One account's spread over the categories, for `CategorySweepSignal` and its baseline.
enum CategorySpread {
    /// Labelled queries an account needs before its spread is read (design: about two a
    /// category for a classifier of a dozen labels).
    static let floor = 20

    /// The normalised entropy of the account's labelled queries over every category, or nil
    /// under `floor` labelled queries. `histogram` is scratch of one slot a category, left zeroed.
    static func of(_ q: QueryTable, rows: Range<Int>, histogram: inout [Int]) -> Double? {
        guard rows.count >= floor else { return nil }
        var labelled = 0
        for row in rows {
            let c = Int(q.category(row))
            if c >= 0 && c < histogram.count { histogram[c] += 1; labelled += 1 }
        }
        defer { for i in histogram.indices { histogram[i] = 0 } }
        return labelled >= floor ? Statistics.normalisedEntropy(histogram) : nil
    }

    /// The median spread of the population's accounts with `floor` labelled queries or more,
    /// or -1 when none has.
    static func populationMedian(_ q: QueryTable, accounts: Int, categories: Int) -> Double {
        guard categories >= 2 else { return -1 }
        var histogram = [Int](repeating: 0, count: categories)
        var spreads: [Double] = []
        for account in 0..<accounts {
            if let spread = of(q, rows: q.rows(of: account), histogram: &histogram) { spreads.append(spread) }
        }
        return spreads.isEmpty ? -1 : Statistics.median(sortingInPlace: &spreads)
    }
}
