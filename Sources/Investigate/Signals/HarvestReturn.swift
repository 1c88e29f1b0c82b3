/// How much of what a cluster asks for comes back. Prompts that follow harvesting templates or
/// elicit reasoning are evidence of distillation only as far as the answers are worth training
/// on, so those signals count in proportion to this credit.
///
/// Two credits, both read against the loaded population, and the smaller counts:
/// - length: the cluster's output tokens per query against the typical account's (none at half
///   of it, full at it);
/// - yield: output tokens per input token against the population's ratio (none at it, full at
///   half as much again). A course pasting its homework gets back less than it sends, next to
///   everyone else; a harvester sends a short template and takes a long answer away. A group
///   taking away what the population takes for what it sends (a plugin's users, a labelling
///   vendor's rationales, an evaluation's worked answers) shows no harvest, however its prompts
///   are worded: the band starts at the population's ratio, and keeps the half-ratio width it
///   had when it started at half of it.
///
/// Where the source, or the cluster's rows, have no token counts, nothing is known and the
/// credit is full.
struct HarvestReturn {
    /// The credit in 0...1 (the smaller of the two below).
    let credit: Double
    /// The length credit in 0...1.
    let lengthCredit: Double
    /// The yield credit in 0...1.
    let yieldCredit: Double
    /// The cluster's output tokens per query.
    let perQuery: Double
    /// The typical (median) account's output tokens per query.
    let typical: Double
    /// The cluster's output tokens per input token (0 when unknown).
    let ratio: Double
    /// The typical (median) account's output tokens per input token.
    let populationRatio: Double

    /// Measures a cluster's return.
    init(_ e: ClusterEvidence) {
        typical = max(e.population.outputLengths.median, 1)
        populationRatio = max(e.population.outputRatio, 1e-9)
        perQuery = e.queries > 0 ? Double(e.outputTokens) / Double(e.queries) : 0
        ratio = e.inputTokens > 0 ? Double(e.outputTokens) / Double(e.inputTokens) : 0
        // Rows without token counts (none in or out) say nothing about what came back.
        let lengthsKnown = e.queries > 0 && e.population.outputPerQuery > 0 && (e.outputTokens > 0 || e.inputTokens > 0)
        lengthCredit = lengthsKnown ? unit((perQuery - typical / 2) / (typical / 2)) : 1
        let yieldKnown = lengthsKnown && e.inputTokens > 0
        yieldCredit = yieldKnown ? unit((ratio - populationRatio) / (populationRatio / 2)) : 1
        credit = min(lengthCredit, yieldCredit)
    }

    /// What the credit is made of, for an explanation ("; answers average ... so 40% of it counts").
    var explanation: String {
        var parts: [String] = []
        if lengthCredit < 1 {
            parts.append("answers average \(Int(perQuery)) output tokens (\(Int(typical)) for a typical account)")
        }
        if yieldCredit < 1 {
            parts.append("outputs are \(format1(ratio))x inputs (\(format1(populationRatio))x for a typical account)")
        }
        return parts.joined(separator: " and ") + ": little is taken away, so \(percent(credit)) of it counts"
    }
}
