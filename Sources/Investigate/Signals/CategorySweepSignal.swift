/// Capability sweep: a cluster whose queries cover the category space far more evenly than
/// the population's accounts do.
public struct CategorySweepSignal: DetectionSignal {
    public let name = "capability_sweep"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): fewer queries cannot spread over a dozen categories evenly.
        guard e.queries >= 100 else { return nil }
        let q = e.index.data.queries
        var counts = [Int](repeating: 0, count: e.index.data.pools.categories.count)
        guard !counts.isEmpty else { return nil }
        for m in e.members {
            for i in q.accountStart[Int(m)]..<q.accountStart[Int(m) + 1] {
                let c = q.category(i)
                if c >= 0 { counts[Int(c)] += 1 }
            }
        }
        // Only labelled rows say how widely a cluster sweeps (the same floor as above).
        guard counts.reduce(0, +) >= 100 else { return nil }
        let entropy = Statistics.normalisedEntropy(counts)
        let covered = counts.filter { $0 > 0 }.count
        let contribution = 0.15 * unit((entropy - e.population.categoryEntropy - 0.1) / 0.3)
        return SignalScore(
            name: name, value: entropy, baseline: e.population.categoryEntropy, contribution: contribution,
            explanation: "queries spread over \(covered) of \(counts.count) categories (entropy \(format1(entropy * 100) )% "
                + "vs \(format1(e.population.categoryEntropy * 100))% for a typical account)")
    }
}
