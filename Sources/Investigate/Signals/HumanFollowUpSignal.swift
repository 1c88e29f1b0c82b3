/// Human follow-ups lower risk: people read an answer and reply to it, so a share of the
/// reasoning they ask for is followed minutes later by a short reply ("can you explain the
/// second step again?"). A harvester takes each worked answer away and sends the next item.
///
/// Only replies to reasoning prompts count: a ring that mixes ordinary chat (with its replies)
/// into its traffic still never replies to its harvest. The measure pools the members' gaps that
/// follow a reasoning prompt and counts the follow-ups among them (`HumanFollowUps`), read
/// against the population's own pooled share after reasoning prompts plus two standard
/// deviations for the cluster's sample: nothing at or under that, the whole weight at twice it,
/// and never before a tenth of the answers more than that get a reply (a design floor about
/// people: where the population hardly ever replies, one answer in a hundred followed up is
/// above chance but is no habit of replying).
public struct HumanFollowUpSignal: DetectionSignal {
    public let name = "human_follow_ups"
    /// The excess share of answers followed up at which the whole weight can count, at least.
    static let habitFloor = 0.1
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floors (design): three members, and 30 gaps after reasoning prompts.
        guard e.size >= 3, e.population.followUpShare > 0 else { return nil }
        let q = e.index.data.queries
        var followUps = 0, gaps = 0
        for m in e.members {
            let counted = HumanFollowUps.count(in: q, rows: q.rows(of: Int(m)))
            followUps += counted.followUps
            gaps += counted.gaps
        }
        guard gaps >= 30 else { return nil }
        let share = Double(followUps) / Double(gaps)
        let base = e.population.followUpShare
        // Only replies beyond the population's own rate count: the rate plus two standard
        // deviations for a sample of this many gaps (a few replies by chance say nothing), and the
        // whole weight once the cluster replies twice as often as that (and a tenth of its answers more).
        let chance = min(1, base + 2 * (base * (1 - base) / Double(gaps)).squareRoot())
        guard share > chance, chance < 1 else { return nil }
        let contribution = -0.2 * unit((share - chance) / max(chance, Self.habitFloor))
        guard contribution < 0 else { return nil }
        return SignalScore(
            name: name, value: share, baseline: base, contribution: contribution,
            explanation: "human follow-ups: \(percent(share)) of reasoning answers get a short reply minutes later "
                + "(\(percent(base)) in the population)")
    }
}

/// The follow-up count behind `HumanFollowUpSignal` and the population's baseline.
///
/// A query is a follow-up when it comes 20 s to 15 min after the same account's previous query
/// (time to read an answer and type a reply, within one sitting) and carries fewer than half of
/// that query's input tokens. Only gaps after a reasoning prompt (`PromptDigest.Flags.reasoning`)
/// are counted. Both bounds are design constants about people, not fitted.
enum HumanFollowUps {
    /// The shortest gap that leaves time to read an answer, in milliseconds.
    static let shortestGap: Int64 = 20_000
    /// The longest gap still inside one sitting, in milliseconds.
    static let longestGap: Int64 = 900_000

    /// Among `rows` (one account's, oldest first): the gaps that follow a reasoning prompt, and
    /// the follow-ups among them.
    static func count(in q: QueryTable, rows: Range<Int>) -> (followUps: Int, gaps: Int) {
        guard rows.count >= 2 else { return (0, 0) }
        var followUps = 0, gaps = 0
        var previousTime = q.timestamp(rows.lowerBound)
        var previousInput = q.inputTokens(rows.lowerBound)
        var previousAsked = q.promptFlags(rows.lowerBound) & PromptDigest.Flags.reasoning != 0
        for row in rows.dropFirst() {
            let time = q.timestamp(row), input = q.inputTokens(row)
            if previousAsked {
                gaps += 1
                let gap = time - previousTime
                if gap >= shortestGap && gap <= longestGap && UInt64(input) * 2 < UInt64(previousInput) { followUps += 1 }
            }
            previousTime = time
            previousInput = input
            previousAsked = q.promptFlags(row) & PromptDigest.Flags.reasoning != 0
        }
        return (followUps, gaps)
    }

    /// The population's pooled share: follow-ups over all gaps after reasoning prompts, or 0
    /// when fewer than 100 such gaps say what people do (design floor).
    static func populationShare(_ q: QueryTable, accounts: Int) -> Double {
        var followUps = 0, gaps = 0
        for account in 0..<accounts {
            let counted = count(in: q, rows: q.rows(of: account))
            followUps += counted.followUps
            gaps += counted.gaps
        }
        return gaps >= 100 ? Double(followUps) / Double(gaps) : 0
    }
}
