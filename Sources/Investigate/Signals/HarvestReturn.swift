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
/// Both are read over all the cluster's queries and over those asking for reasoning, and the
/// larger credit counts (`init`): chaff sent beside a harvest lowers the first, not the second.
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

    /// Whether the credit was read on the cluster's reasoning queries alone (they took more
    /// away than its queries as a whole).
    let readOnReasoning: Bool

    /// Measures a cluster's return: over all its queries, and over its queries that ask for
    /// reasoning when there are enough of them (20, the signals' sample floor), and the larger
    /// counts. What a ring takes away is the answers to its harvest prompts; one-word chaff or
    /// ordinary prompts sent beside them lower the cluster's averages, not those answers. A
    /// group whose reasoning prompts get short answers (a course's homework, a benchmark scored
    /// on one token) gets no more for being read apart.
    init(_ e: ClusterEvidence) {
        typical = max(e.population.outputLengths.median, 1)
        populationRatio = max(e.population.outputRatio, 1e-9)
        // Rows without token counts (none in or out) say nothing about what came back.
        let known = e.population.outputPerQuery > 0
        let all = Self.credits(
            queries: e.queries, output: e.outputTokens, input: e.inputTokens, known: known, typical: typical,
            populationRatio: populationRatio)
        let asked = e.reasoningRows
        let reasoning =
            asked.count >= 20
            ? Self.credits(
                queries: asked.count, output: asked.outputTokens, input: asked.inputTokens, known: known, typical: typical,
                populationRatio: populationRatio) : nil
        let chosen = reasoning.map { $0.credit > all.credit ? $0 : all } ?? all
        readOnReasoning = reasoning.map { $0.credit > all.credit } ?? false
        (lengthCredit, yieldCredit, perQuery, ratio, credit) =
            (chosen.length, chosen.yield, chosen.perQuery, chosen.ratio, chosen.credit)
    }

    /// The length and yield credits of `queries` queries with these token sums.
    private static func credits(
        queries: Int, output: Int64, input: Int64, known: Bool, typical: Double, populationRatio: Double
    ) -> (length: Double, yield: Double, perQuery: Double, ratio: Double, credit: Double) {
        let perQuery = queries > 0 ? Double(output) / Double(queries) : 0
        let ratio = input > 0 ? Double(output) / Double(input) : 0
        let lengthsKnown = queries > 0 && known && (output > 0 || input > 0)
        let length = lengthsKnown ? unit((perQuery - typical / 2) / (typical / 2)) : 1
        let yield = lengthsKnown && input > 0 ? unit((ratio - populationRatio) / (populationRatio / 2)) : 1
        return (length, yield, perQuery, ratio, min(length, yield))
    }

    /// What the credit is made of, for an explanation ("; answers average ... so 40% of it counts").
    var explanation: String {
        var parts: [String] = []
        if lengthCredit < 1 {
            parts.append((readOnReasoning ? "answers to its reasoning prompts average" : "answers average")
                + " \(Int(perQuery)) output tokens (\(Int(typical)) for a typical account)")
        }
        if yieldCredit < 1 {
            parts.append("outputs are \(format1(ratio))x inputs (\(format1(populationRatio))x for a typical account)")
        }
        return parts.joined(separator: " and ") + ": little is taken away, so \(percent(credit)) of it counts"
    }
}
