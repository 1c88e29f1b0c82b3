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
///
/// A reply is one *because of* the answer: a member whose other prompts are followed just as
/// often by a short prompt minutes later (ordinary chat interleaved with harvest items, as a ring
/// diluting its traffic sends) replies to nothing: its follow-ups count only when they come after
/// reasoning answers clearly more often (`HumanFollowUps.Count.repliesToAnswers`).
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
        var counted = HumanFollowUps.Count()
        for m in e.members { counted.add(HumanFollowUps.count(in: q, rows: q.rows(of: Int(m)))) }
        guard counted.gaps >= 30 else { return nil }
        let share = counted.raw
        let base = e.population.followUpShare
        // Only replies beyond the population's own rate count: the rate plus two standard
        // deviations for a sample of this many gaps (a few replies by chance say nothing), and the
        // whole weight once the cluster replies twice as often as that (and a tenth of its answers more).
        let chance = min(1, base + 2 * (base * (1 - base) / Double(counted.gaps)).squareRoot())
        guard chance < 1, share > chance else { return nil }
        if !counted.repliesToAnswers {
            // Replies there seemed to be, but no more than after the members' other prompts: say so.
            return SignalScore(
                name: name, value: 0, baseline: base, contribution: 0,
                explanation: "\(percent(counted.raw)) of reasoning answers get a short prompt minutes later, but "
                    + "\(percent(counted.otherRate)) of the members' other prompts are followed the same way: "
                    + "prompts sent anyway, not replies to the answers (\(percent(base)) in the population)")
        }
        let contribution = -0.2 * unit((share - chance) / max(chance, Self.habitFloor))
        guard contribution < 0 else { return nil }
        return SignalScore(
            name: name, value: share, baseline: base, contribution: contribution,
            explanation: "human follow-ups: \(percent(share)) of reasoning answers get a short reply minutes later "
                + "(\(percent(base)) in the population)")
    }
}
