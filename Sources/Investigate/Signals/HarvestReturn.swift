/// How much of what a cluster asks for comes back. Prompts that follow harvesting templates or
/// elicit reasoning are evidence of distillation only as far as the answers are worth training
/// on, so those signals count in proportion to this credit.
///
/// Three credits, all read against the loaded population:
/// - length: the cluster's output tokens per query against the typical account's (none at half
///   of it, full at it);
/// - yield: output tokens per input token against the population's ratio (none at it, full at
///   half as much again). A course pasting its homework gets back less than it sends, next to
///   everyone else; a harvester sends a short template and takes a long answer away. A group
///   taking away what the population takes for what it sends (a plugin's users, a labelling
///   vendor's rationales, an evaluation's worked answers) shows no harvest, however its prompts
///   are worded: the band starts at the population's ratio, and keeps the half-ratio width it
///   had when it started at half of it;
/// - volume, on answers to reasoning prompts only: their output tokens per query against the
///   longer of twice the typical account's and the population's 90th percentile of accounts'
///   (none at it, full one typical answer past it). Step-by-step answers that long are reasoning
///   traces, the harvest itself, whatever was sent for them: a ring sending long worked problems
///   for longer solutions keeps a yield near the population's, and the yield alone would excuse
///   it. Other long answers (an agency's translations, a writer's drafts) are ordinary work and
///   keep the yield's reading. Both bars are the population's own (rings among its accounts only
///   raise the percentile), and a population whose accounts all get much the same lengths still
///   needs twice the typical; the band's width is the typical answer, as the length credit's is
///   half of it.
///
/// A credit is the length credit, capped by the yield credit (or by the larger of the yield and
/// volume credits, on reasoning queries). It is read over all the cluster's queries and over
/// those asking for reasoning, and the larger counts (`init`): chaff sent beside a harvest lowers
/// the first, not the second.
///
/// Where the source, or the cluster's rows, have no token counts, nothing is known and the
/// credit is full.
struct HarvestReturn {
    /// The credit in 0...1: `lengthCredit`, capped by the larger of `yieldCredit` and `volumeCredit`.
    let credit: Double
    /// The length credit in 0...1.
    let lengthCredit: Double
    /// The yield credit in 0...1.
    let yieldCredit: Double
    /// The volume credit in 0...1 (0 unless read on reasoning queries).
    let volumeCredit: Double
    /// The cluster's output tokens per query.
    let perQuery: Double
    /// The typical (median) account's output tokens per query.
    let typical: Double
    /// Where the volume credit starts: the longer of twice the typical account's output tokens per
    /// query and the population's 90th percentile of accounts'.
    let long: Double
    /// The cluster's output tokens per input token (0 when unknown).
    let ratio: Double
    /// The typical (median) account's output tokens per input token.
    let populationRatio: Double

    /// Whether the credit was read on the cluster's reasoning queries alone (they took more
    /// away than its queries as a whole).
    let readOnReasoning: Bool
    /// How many queries the credit was read on.
    let readQueries: Int

    /// Measures a cluster's return: over all its queries, and over its queries that ask for
    /// reasoning when there are enough of them (20, the signals' sample floor), and the larger
    /// counts. What a ring takes away is the answers to its harvest prompts; one-word chaff or
    /// ordinary prompts sent beside them lower the cluster's averages, not those answers. A
    /// group whose reasoning prompts get short answers (a course's homework, a benchmark scored
    /// on one token) gets no more for being read apart.
    init(_ e: ClusterEvidence) {
        let population = Population(
            typical: max(e.population.outputLengths.median, 1),
            long: max(e.population.outputLengths.quantile(0.9), 2 * e.population.outputLengths.median, 1),
            ratio: max(e.population.outputRatio, 1e-9),
            // Rows without token counts (none in or out) say nothing about what came back.
            known: e.population.outputPerQuery > 0)
        (typical, long, populationRatio) = (population.typical, population.long, population.ratio)
        let all = Self.credits(
            queries: e.queries, output: e.outputTokens, input: e.inputTokens, population: population, readsVolume: false)
        let asked = e.reasoningRows
        let reasoning =
            asked.count >= 20
            ? Self.credits(
                queries: asked.count, output: asked.outputTokens, input: asked.inputTokens, population: population,
                readsVolume: true)
            : nil
        let chosen = reasoning.map { $0.credit > all.credit ? $0 : all } ?? all
        readOnReasoning = reasoning.map { $0.credit > all.credit } ?? false
        readQueries = readOnReasoning ? asked.count : e.queries
        (lengthCredit, yieldCredit, volumeCredit, perQuery, ratio, credit) =
            (chosen.length, chosen.yield, chosen.volume, chosen.perQuery, chosen.ratio, chosen.credit)
    }

    /// What the credits are read against.
    private struct Population {
        /// The median account's output tokens per query.
        let typical: Double
        /// Where the volume credit starts (twice `typical` at the least).
        let long: Double
        /// The median account's output tokens per input token.
        let ratio: Double
        /// Whether the source has token counts at all.
        let known: Bool
    }

    /// The length, yield and volume credits of `queries` queries with these token sums (volume 0
    /// unless `readsVolume`: the queries ask for reasoning).
    private static func credits(
        queries: Int, output: Int64, input: Int64, population p: Population, readsVolume: Bool
    ) -> (length: Double, yield: Double, volume: Double, perQuery: Double, ratio: Double, credit: Double) {
        let perQuery = queries > 0 ? Double(output) / Double(queries) : 0
        let ratio = input > 0 ? Double(output) / Double(input) : 0
        let lengthsKnown = queries > 0 && p.known && (output > 0 || input > 0)
        let length = lengthsKnown ? unit((perQuery - p.typical / 2) / (p.typical / 2)) : 1
        let yield = lengthsKnown && input > 0 ? unit((ratio - p.ratio) / (p.ratio / 2)) : 1
        let volume = !readsVolume ? 0 : lengthsKnown ? unit((perQuery - p.long) / p.typical) : 1
        return (length, yield, volume, perQuery, ratio, min(length, max(yield, volume)))
    }

    /// What the credit is made of, for an explanation: which answers were read (all, or those to
    /// the reasoning prompts), each credit under full with where it starts and where it is full,
    /// and the share that counts ("... so 40% of it counts"). "Little is taken away" only when
    /// half or less counts.
    var explanation: String {
        let answers = readOnReasoning ? "answers to its \(readQueries) reasoning prompts" : "its answers"
        var parts: [String] = []
        if lengthCredit < 1 {
            parts.append(
                "\(answers) average \(Int(perQuery)) output tokens (\(Int(typical)) for a typical account: none counts at "
                    + "half of that, all at it)")
        }
        if yieldCredit < 1 && volumeCredit < 1 {
            parts.append(
                (parts.isEmpty ? answers : "they") + " come back at \(format1(ratio))x their inputs "
                    + "(\(format1(populationRatio))x for a typical account: none counts at that, all at "
                    + "\(format1(populationRatio * 1.5))x)")
            if volumeCredit > yieldCredit {
                parts.append(
                    "they average \(Int(perQuery)) output tokens (reasoning answers count from \(Int(long)), twice a typical "
                        + "account's or the 90th percentile account's if longer, all from \(Int(long + typical)))")
            }
        }
        return parts.joined(separator: "; ") + (credit <= 0.5 ? ": little is taken away, so " : ": so ")
            + "\(percent(credit)) of it counts"
    }
}
