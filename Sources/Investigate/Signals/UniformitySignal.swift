/// Under-the-radar uniformity: many members each with about the same modest volume. The value
/// is the uniformity, 1 minus the volumes' coefficient of variation (0: as varied as chance).
public struct UniformitySignal: DetectionSignal {
    public let name = "uniform_volume"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 5 else { return nil }
        let volumes = e.members.map { Double(e.features.queries[Int($0)]) }
        let (mean, cv) = Statistics.meanAndVariation(volumes)
        // Sample-size floor (design): below about ten queries each, counts are too coarse for a
        // spread to say anything (1 against 3 is a spread of 50%).
        guard mean >= 10 else { return nil }
        let contribution = 0.2 * unit((0.5 - cv) / 0.35) * unit(Double(e.size - 4) / 6)
        return SignalScore(
            name: name, value: unit(1 - cv), baseline: 0, contribution: contribution,
            explanation: "\(e.size) members average \(Int(mean)) queries each with a spread of "
                + (contribution > 0 ? "only \(percent(cv))" : "\(percent(cv)) (uniform would be under 50%)"))
    }
}
