/// The follow-up count behind `HumanFollowUpSignal` and the population's baseline.
///
/// A query is a follow-up when it comes 20 s to 15 min after the same account's previous query
/// (time to read an answer and type a reply, within one sitting) and carries fewer than half of
/// that query's input tokens. Only gaps after a reasoning prompt (`PromptDigest.Flags.reasoning`)
/// are follow-up chances. Both bounds are design constants about people, not fitted.
///
/// The same test is put to the gaps after the account's other prompts (a short prompt 20 s to
/// 15 min later, shorter than half the account's median reasoning prompt): that rate is how
/// often the account sends such a prompt anyway, whatever came before. Follow-ups are replies
/// only where they come after reasoning answers more often than that (`Count.repliesToAnswers`).
enum HumanFollowUps {
    /// The shortest gap that leaves time to read an answer, in milliseconds.
    static let shortestGap: Int64 = 20_000
    /// The longest gap still inside one sitting, in milliseconds.
    static let longestGap: Int64 = 900_000

    /// Follow-ups counted over one or more accounts.
    struct Count: Equatable {
        /// Follow-ups after reasoning prompts.
        var followUps = 0
        /// Gaps after reasoning prompts.
        var gaps = 0
        /// Gaps after the accounts' other prompts, and those followed the same way.
        var otherGaps = 0, otherFollowed = 0

        /// Adds another account's (or group's) count.
        mutating func add(_ other: Count) {
            followUps += other.followUps
            gaps += other.gaps
            otherGaps += other.otherGaps
            otherFollowed += other.otherFollowed
        }

        /// The share of gaps after reasoning prompts that end in a follow-up, before chance.
        var raw: Double { gaps > 0 ? Double(followUps) / Double(gaps) : 0 }
        /// The share of gaps after other prompts followed the same way.
        var otherRate: Double { otherGaps > 0 ? Double(otherFollowed) / Double(otherGaps) : 0 }
        /// Whether the follow-ups depend on the answers: they come after reasoning prompts more
        /// often than after other prompts by over two standard deviations of the other rate for
        /// this many gaps (a mixed stream, where a short prompt follows anything as often, does
        /// not), or there are too few other prompts (under 30 gaps, a design floor) to say.
        var repliesToAnswers: Bool {
            guard otherGaps >= 30, gaps > 0 else { return true }
            let rate = otherRate
            return raw - rate > 2 * (rate * (1 - rate) / Double(gaps)).squareRoot()
        }
    }

    /// Among `rows` (one account's, oldest first): the gaps that follow a reasoning prompt, the
    /// follow-ups among them, and the same test after its other prompts.
    static func count(in q: QueryTable, rows: Range<Int>) -> Count {
        guard rows.count >= 2 else { return Count() }
        var reasoningInputs: [UInt32] = []
        for row in rows where q.promptFlags(row) & PromptDigest.Flags.reasoning != 0 { reasoningInputs.append(q.inputTokens(row)) }
        guard !reasoningInputs.isEmpty else { return Count() }
        reasoningInputs.sort()
        let typicalAsk = UInt64(reasoningInputs[reasoningInputs.count / 2])
        var c = Count()
        var previousTime = q.timestamp(rows.lowerBound)
        var previousInput = q.inputTokens(rows.lowerBound)
        var previousAsked = q.promptFlags(rows.lowerBound) & PromptDigest.Flags.reasoning != 0
        for row in rows.dropFirst() {
            let time = q.timestamp(row), input = q.inputTokens(row)
            let gap = time - previousTime
            let inSitting = gap >= shortestGap && gap <= longestGap
            if previousAsked {
                c.gaps += 1
                if inSitting && UInt64(input) * 2 < UInt64(previousInput) { c.followUps += 1 }
            } else {
                c.otherGaps += 1
                if inSitting && UInt64(input) * 2 < typicalAsk { c.otherFollowed += 1 }
            }
            previousTime = time
            previousInput = input
            previousAsked = q.promptFlags(row) & PromptDigest.Flags.reasoning != 0
        }
        return c
    }

    /// The population's pooled share: follow-ups over all gaps after reasoning prompts, or 0 when
    /// fewer than 100 such gaps say what people do (design floor).
    static func populationShare(_ q: QueryTable, accounts: Int) -> Double {
        var counted = Count()
        for account in 0..<accounts { counted.add(count(in: q, rows: q.rows(of: account))) }
        return counted.gaps >= 100 ? counted.raw : 0
    }
}
