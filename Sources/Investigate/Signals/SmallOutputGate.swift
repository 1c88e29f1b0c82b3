/// Distillation needs answers worth training on: a cluster whose answers are tiny next to what
/// the population gets (a benchmark sweep scoring multiple choice, a CI pipeline expecting a
/// one-line JSON reply) has the rest of its risk damped.
///
/// The bars are the population's, not fixed token counts: damping is full below the floor and
/// none above the ceiling, where the ceiling is the shorter of the 20th percentile of accounts'
/// output per query and half the median account's, and the floor the shorter of the 5th
/// percentile and a quarter of the median. The quantiles say "shorter than most accounts get";
/// the median fractions keep a population whose answers are all about as long (where the 20th
/// percentile sits next to the median) from damping ordinary answers.
public struct SmallOutputGate: Sendable {
    /// The fraction of risk kept at full damping (a design weight).
    public var kept = 0.3

    /// Creates the gate.
    public init() {}

    /// Output tokens per query below which damping is full, and above which there is none.
    public static func bounds(_ lengths: OutputLengths) -> (floor: Double, ceiling: Double) {
        let median = lengths.median
        let ceiling = min(lengths.quantile(0.2), median / 2)
        return (min(lengths.quantile(0.05), median / 4, ceiling), ceiling)
    }

    /// A negative score removing part of `total`, or nil when answers are long enough.
    public func score(_ e: ClusterEvidence, total: Double) -> SignalScore? {
        guard e.queries >= 20, total > 0 else { return nil }
        let perQuery = Double(e.outputTokens) / Double(e.queries)
        let (floor, ceiling) = Self.bounds(e.population.outputLengths)
        guard perQuery < ceiling else { return nil }
        let damping = (1 - kept) * unit((ceiling - perQuery) / max(ceiling - floor, 1))
        return SignalScore(
            name: "small_outputs", value: perQuery, baseline: e.population.outputPerQuery,
            contribution: -damping * total,
            explanation: "answers average \(Int(perQuery)) output tokens, under \(Int(ceiling)) (shorter than most "
                + "accounts get; the typical account's average \(Int(e.population.outputLengths.median))): too small to harvest, risk damped")
    }
}
