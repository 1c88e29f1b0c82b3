/// Prompts asking for step-by-step reasoning, chains of thought, rationales or grading.
public struct ReasoningElicitationSignal: DetectionSignal {
    public let name = "reasoning_elicitation"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): a share from fewer prompts is noise.
        guard e.prompted >= 20 else { return nil }
        let reasoning = e.members.reduce(0) { $0 + Int(e.features.reasoning[Int($1)]) }
        let share = Double(reasoning) / Double(e.prompted)
        let contribution = 0.45 * unit((share - e.population.reasoningShare - 0.1) / 0.5)
        return SignalScore(
            name: name, value: share, baseline: e.population.reasoningShare, contribution: contribution,
            explanation: "\(percent(share)) of prompts ask for step-by-step reasoning or rationales "
                + "(population \(percent(e.population.reasoningShare)))")
    }
}
