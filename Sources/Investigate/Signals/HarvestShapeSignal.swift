#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Harvest shape: long answers to short prompts, at volume. "Long" is the population's: no
/// credit at the typical account's output per query, full credit at twice it.
public struct HarvestShapeSignal: DetectionSignal {
    public let name = "harvest_shape"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.queries >= 20, e.inputTokens > 0 else { return nil }
        let ratio = Double(e.outputTokens) / Double(e.inputTokens)
        let perQuery = Double(e.outputTokens) / Double(e.queries)
        let baseline = max(e.population.outputRatio, 0.1)
        let typical = max(e.population.outputLengths.median, 1)
        let longAnswers = unit((perQuery - typical) / typical)
        let contribution = 0.25 * unit(log(ratio / baseline) / log(4)) * longAnswers
        return SignalScore(
            name: name, value: ratio, baseline: baseline, contribution: contribution,
            explanation: "outputs are \(String(format1(ratio)))x inputs (\(format1(baseline))x for a typical account), "
                + "\(Int(perQuery)) output tokens per query (\(Int(typical)) for a typical account)")
    }
}

/// One decimal place.
func format1(_ x: Double) -> String {
    let scaled = (x * 10).rounded() / 10
    return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
}
