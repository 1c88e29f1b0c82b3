/// Distillation needs answers worth training on: a cluster whose answers are tiny (a benchmark
/// sweep scoring multiple choice, say) has the rest of its risk damped.
public struct SmallOutputGate: Sendable {
    /// Output tokens per query below which the damping is full.
    public var floor = 60.0
    /// Output tokens per query above which there is no damping.
    public var ceiling = 200.0
    /// The fraction of risk kept at full damping.
    public var kept = 0.3

    /// Creates the gate.
    public init() {}

    /// A negative score removing part of `total`, or nil when answers are long enough.
    public func score(_ e: ClusterEvidence, total: Double) -> SignalScore? {
        guard e.queries >= 20, total > 0 else { return nil }
        let perQuery = Double(e.outputTokens) / Double(e.queries)
        guard perQuery < ceiling else { return nil }
        let damping = (1 - kept) * unit((ceiling - perQuery) / (ceiling - floor))
        return SignalScore(
            name: "small_outputs", value: perQuery, baseline: e.population.outputPerQuery,
            contribution: -damping * total,
            explanation: "answers average \(Int(perQuery)) output tokens: too small to harvest, risk damped")
    }
}
