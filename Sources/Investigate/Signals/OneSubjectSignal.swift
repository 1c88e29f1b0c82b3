/// One subject lowers risk: members staying on fewer categories than a typical account
/// (distillation sweeps capabilities; a course or a team sticks to its subject).
public struct OneSubjectSignal: DetectionSignal {
    public let name = "one_subject"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 20, e.population.categoryEntropy > 0 else { return nil }
        let q = e.index.data.queries
        var counts = [Int](repeating: 0, count: e.index.data.pools.categories.count)
        guard counts.count >= 2 else { return nil }
        for m in e.members {
            for i in q.rows(of: Int(m)) {
                let c = q.category(i)
                if c >= 0 { counts[Int(c)] += 1 }
            }
        }
        // Sample-size floor (design): a subject is read from at least 20 labelled queries; rows
        // without a category say nothing about how narrow a cluster is.
        guard counts.reduce(0, +) >= 20 else { return nil }
        let entropy = Statistics.normalisedEntropy(counts)
        let narrower = (e.population.categoryEntropy - entropy) / e.population.categoryEntropy
        let contribution = -0.15 * unit(narrower)
        guard contribution < 0 else { return nil }
        let top = counts.enumerated().max { $0.element < $1.element }!
        return SignalScore(
            name: name, value: entropy, baseline: e.population.categoryEntropy, contribution: contribution,
            explanation: "members stay on one subject: \(percent(Double(top.element) / Double(max(1, counts.reduce(0, +))))) of queries in "
                + "\(e.index.data.pools.categories.string(Int32(top.offset))) (category entropy \(percent(entropy)) vs \(percent(e.population.categoryEntropy)))")
    }
}
