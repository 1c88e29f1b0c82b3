/// Prompts asking for step-by-step reasoning, chains of thought, rationales or grading.
///
/// Elicited reasoning is worth harvesting only when it comes back: the credit is scaled by the
/// cluster's `HarvestReturn` (answer length and yield against the population's). A lab sending
/// "let's think step by step" maths items that get short worked answers asks for reasoning but
/// takes little of it away.
public struct ReasoningElicitationSignal: DetectionSignal {
    public let name = "reasoning_elicitation"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): a share from fewer prompts is noise.
        guard e.prompted >= 20 else { return nil }
        let reasoning = e.members.reduce(0) { $0 + Int(e.features.reasoning[Int($1)]) }
        let share = Double(reasoning) / Double(e.prompted)
        let returned = HarvestReturn(e)
        let contribution = Self.asked(share: share, population: e.population.reasoningShare) * returned.credit
        var explanation = "\(percent(share)) of prompts ask for step-by-step reasoning or rationales "
            + "(population \(percent(e.population.reasoningShare)))"
        if returned.credit < 1 && contribution >= 0 && share > e.population.reasoningShare + 0.1 {
            explanation += "; " + returned.explanation
        }
        return SignalScore(
            name: name, value: share, baseline: e.population.reasoningShare, contribution: contribution, explanation: explanation)
    }

    /// What asking for reasoning at `share` (against the population's) is worth before the
    /// harvest credit: 0 up to 10 points above the population, 0.45 at 60 points above.
    static func asked(share: Double, population: Double) -> Double { 0.45 * unit((share - population - 0.1) / 0.5) }
}
