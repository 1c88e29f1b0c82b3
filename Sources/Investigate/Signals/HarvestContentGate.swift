/// Distillation harvests content: a cluster whose prompts and answers show nothing worth
/// training on (no reasoning asked for, answers no longer than the population's, no shared
/// templates) while its timing and infrastructure look coordinated is automation, not a
/// harvest, and has part of its risk damped.
///
/// The content evidence is what `reasoning_elicitation`, `harvest_shape`, `template_share` and
/// `paired_prompts` add together; each gives 0.45-0.5 at full strength (answers to one prompt from
/// two models, taken as a habit, are preference data whatever their length). Damping is full with none of it and ends
/// at `enough` (a fifth of one content signal at full strength, a design constant). A cluster
/// whose prompts are mostly absent or only fingerprints (zero retention) cannot show its
/// content, and is not damped.
/// Measured before it was written: across sources 11-15 and the built-in scenarios, the clusters
/// rated 0.5 or more with content under 0.05 were all benign (two help-desk bot fleets on one
/// cron, an enterprise's cron jobs at :00), and the lowest ring's content was 0.13.
///
/// A cluster that *asks* for reasoning well above the population (`reasoning_elicitation`'s
/// strength before its harvest credit reaches `enough`) is not damped: what it asks for is
/// worth training on, and whether its answers come back long is already weighed once, in that
/// signal's credit (a ring whose answers are of ordinary length loses its content credit there;
/// it is not coordination alone for that, and losing half its timing evidence again would count
/// the same answers twice). Templates are not counted here: automation uses them too.
public struct HarvestContentGate: Sendable {
    /// The fraction of risk kept at full damping (a design weight).
    public var kept = 0.5
    /// Content evidence at and above which nothing is damped.
    public var enough = 0.1
    /// The signals that read what is harvested.
    public static let contentSignals: Set<String> = ["reasoning_elicitation", "harvest_shape", "template_share", "paired_prompts"]

    /// Creates the gate.
    public init() {}

    /// A negative score removing part of `total`, or nil when the cluster shows harvest content
    /// (or cannot: its prompts are mostly not logged).
    public func score(_ e: ClusterEvidence, scores: [SignalScore], total: Double) -> SignalScore? {
        guard e.queries >= 20, total > 0 else { return nil }
        let content = scores.filter { Self.contentSignals.contains($0.name) }.reduce(0) { $0 + max(0, $1.contribution) }
        let asked = scores.first { $0.name == "reasoning_elicitation" }
            .map { ReasoningElicitationSignal.asked(share: $0.value, population: $0.baseline) } ?? 0
        // The rows are read only for a cluster the gate would damp (most show content).
        guard content < enough, asked < enough, Self.textShare(e) >= 0.5 else { return nil }
        let damping = (1 - kept) * unit((enough - content) / enough)
        guard damping > 0 else { return nil }
        return SignalScore(
            name: "no_harvest_content", value: content, baseline: enough, contribution: -damping * total,
            explanation: "nothing worth harvesting: what it asks for and takes away (reasoning, shared templates, long "
                + "answers, each counted as far as more comes back than the population gets; prompts paired across models) adds content evidence \(format2(content)) of \(format2(enough)): "
                + (e.size > 1 ? "coordination alone, risk damped" : "the rest is how the account is run, not what it takes: risk damped"))
    }

    private func format2(_ x: Double) -> String { PairExplanation.format2(x) }

    /// The share of the members' queries that carried a prompt's text: a row with only a
    /// `prompt_fingerprint` (zero retention) or no prompt cannot show what was asked.
    static func textShare(_ e: ClusterEvidence) -> Double {
        let q = e.index.data.queries
        var text = 0
        for m in e.members {
            for row in q.rows(of: Int(m)) {
                let flags = q.promptFlags(row)
                if flags & PromptDigest.Flags.hasPrompt != 0 && flags & PromptDigest.Flags.fingerprintOnly == 0 { text += 1 }
            }
        }
        return e.queries > 0 ? Double(text) / Double(e.queries) : 0
    }
}
