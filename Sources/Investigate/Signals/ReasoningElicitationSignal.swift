/// Prompts asking for step-by-step reasoning, chains of thought, rationales or grading.
///
/// Elicited reasoning is worth harvesting only when it comes back: the credit is scaled by the
/// cluster's `HarvestReturn` (answer length and yield against the population's). A lab sending
/// "let's think step by step" maths items that get short worked answers asks for reasoning but
/// takes little of it away.
///
/// A linked group of three or more is read by volume as well as by share, and the larger
/// counts: a ring that mixes ordinary chat into its traffic lowers its share, not the reasoning
/// it takes away. The volume is the members' median count of reasoning prompts against the
/// prompts of any kind a busy account sends (`PopulationBaseline.busyPrompts`): nothing at half
/// of it, the whole weight at it. A class asking for worked homework a few times each stays
/// with its share.
public struct ReasoningElicitationSignal: DetectionSignal {
    public let name = "reasoning_elicitation"
    /// The most the signal adds (a design weight).
    static let fullWeight = 0.45
    /// Points of share above the population's where the share's weight starts, and where it is
    /// whole (design: a few points' excess is any group's wording).
    static let startPoints = 10, fullPoints = 60
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): a share from fewer prompts is noise.
        guard e.prompted >= 20 else { return nil }
        let reasoning = e.members.reduce(0) { $0 + Int(e.features.reasoning[Int($1)]) }
        let share = Double(reasoning) / Double(e.prompted)
        let returned = HarvestReturn(e)
        let byShare = Self.asked(share: share, population: e.population.reasoningShare)
        let volume = Self.volume(e)
        let asked = max(byShare, volume?.asked ?? 0)
        let contribution = asked * returned.credit
        var explanation = "\(percent(share)) of prompts ask for step-by-step reasoning or rationales "
            + "(population \(percent(e.population.reasoningShare)))"
        if byShare > 0 && byShare < Self.fullWeight && byShare >= (volume?.asked ?? 0) {
            // A partial weight from the share alone says where its scale runs (`asked`).
            let points = Int(((share - e.population.reasoningShare) * 100).rounded())
            explanation += "; \(points) points above it, where the weight counts from \(Self.startPoints) points "
                + "and in full from \(Self.fullPoints)"
        }
        if let volume, volume.asked > byShare {
            let busy = e.population.busyPrompts
            let relation = BusyVolume.relation(median: volume.median, busy: busy)
            explanation += "; members asked for it \(volume.median) \(volume.median == 1 ? "time" : "times") each (median), "
                + "\(relation) the \(Int(busy)) prompts of any kind a busy account sends (the busiest tenth of accounts)"
        }
        if returned.credit < 1 && contribution >= 0 && (share > e.population.reasoningShare + 0.1 || (volume?.asked ?? 0) > byShare) {
            explanation += "; " + returned.explanation
        }
        return SignalScore(
            name: name, value: share, baseline: e.population.reasoningShare, contribution: contribution, explanation: explanation)
    }

    /// What asking for reasoning at `share` (against the population's) is worth before the
    /// harvest credit: 0 up to 10 points above the population, 0.45 at 60 points above.
    static func asked(share: Double, population: Double) -> Double {
        fullWeight * unit((share - population - Double(startPoints) / 100) / (Double(fullPoints - startPoints) / 100))
    }

    /// What the members' volume of reasoning prompts is worth before the harvest credit, with
    /// their median count; nil under three members or without a busy account's count to read.
    static func volume(_ e: ClusterEvidence) -> (asked: Double, median: Int)? {
        BusyVolume.read(e) { Int(e.features.reasoning[Int($0)]) }.map { (fullWeight * $0.strength, $0.median) }
    }
}
