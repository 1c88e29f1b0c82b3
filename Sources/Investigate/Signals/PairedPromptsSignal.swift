/// Prompts paired across models: the share of members' prompts that another account sent to a
/// different model within 5 s (`PairedPrompts`), against the mean account's share.
///
/// Two models' answers to one prompt, taken at once, are what preference (comparison, DPO)
/// data is made of, so a cluster that pairs its prompts as a habit is harvesting even when each
/// answer is of ordinary length: the signal counts as harvest content (`HarvestContentGate`)
/// and is not scaled by `HarvestReturn` (the pairing is what is taken away, not the length).
/// It counts from 20 percentage points above the population's share (a habit, as a template
/// family is a fifth of an account's prompts; a design constant) to full at 70 points above
/// it, so strangers who now and then send one popular prompt at the same moment (a club
/// working one problem set, "hi") add nothing. Weight 0.45, the content signals' (one signal
/// alone stays under 0.5).
public struct PairedPromptsSignal: DetectionSignal {
    public let name = "paired_prompts"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): a share from fewer prompts is noise.
        guard e.prompted >= 20 else { return nil }
        let pairs = e.index.families.pairedPrompts
        var paired = 0
        for m in e.members { paired += pairs.count(of: Int(m)) }
        // Listed only when a member has one (most clusters have none).
        guard paired > 0 else { return nil }
        let share = min(1, Double(paired) / Double(e.prompted))
        let population = pairs.populationShare
        let contribution = 0.45 * unit((share - population - 0.2) / 0.5)
        let window = PairedPrompts.windowMillis / 1000
        return SignalScore(
            name: name, value: share, baseline: population, contribution: contribution,
            explanation: "members sent the same prompt as another account, to a second model within \(window) s, "
                + "\(PairExplanation.count(paired, "time")) (\(Self.shareText(share)) of their prompts; population "
                + "\(Self.shareText(population))): two models' answers to one prompt side by side, what preference data is made of")
    }

    /// A share as a percentage, with at most two decimals below 1% (a population's share is often
    /// 0.01%; explanations and the report never print more than two), and "under 0.01%" below that.
    static func shareText(_ x: Double) -> String {
        guard x > 0 && x < 0.01 else { return percent(x) }
        let hundredths = (x * 10_000).rounded()
        if hundredths == 0 { return "under 0.01%" }
        return String(hundredths / 100) + "%"
    }
}
