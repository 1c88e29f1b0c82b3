/// An organisation's payer that pays for harvesting: the part of `SharedInstrumentSignal` that
/// reads the instruments a declared organisation is expected to share.
///
/// An invoice, or a card every holder of which declares one organisation, is a company paying for
/// its staff, and is not in itself evidence of a ring. A company's staff, though, do different
/// work, and a team that does harvest reasoning (a research lab) is a handful of people. A reseller
/// on one invoice runs more harvesting accounts than any team needs. So such an instrument counts
/// when, among the members it pays for that sent at least `minimumPrompts` readable prompts, most each ask
/// for step-by-step reasoning in most of their prompts (and far more often than the population's
/// accounts do), more than `teamSize` of them do, and over half of what they ask for comes back
/// (`HarvestReturn`): a card's design weight, scaled from `teamSize` harvesting members (nothing)
/// to `teamSize + 20` (all), times what comes back. Members with fewer readable prompts (a prompt
/// logged only as a fingerprint cannot be read) are not judged either way, so dormant accounts on
/// the invoice neither excuse nor count against it. One organisation's payers are judged together
/// (`SharedInstrumentSignal` groups them), so splitting a reseller over invoices of ten does not
/// make teams of it.
struct OrganisationHarvest {
    /// Why the payer counts or not.
    enum Verdict: Equatable {
        /// More harvesting members than a team, and the answers come back.
        case counts
        /// Fewer than two members sent enough prompts to judge.
        case tooFewJudged
        /// At most half of the judged members harvest.
        case mostDoNotAsk
        /// Most do, but no more of them than a team.
        case team
        /// Most do, but half or less of what they ask for comes back.
        case littleComesBack
    }

    /// Members the organisation's payers pay for in the cluster.
    let holders: Int
    /// Of them, members with at least `minimumPrompts` readable prompts (text, not a fingerprint).
    let judged: Int
    /// Of those, members whose own prompts mostly ask for reasoning (`harvests`).
    let harvesting: Int
    /// Why it counts or not.
    let verdict: Verdict
    /// The weight (see the type's comment); 0 unless the verdict is `counts`.
    let contribution: Double

    /// Prompts under which one account's share is not judged.
    static let minimumPrompts = 3
    /// Harvesting members a team (a lab, a department) may hold (design: a research group is a
    /// handful of people); the weight grows from here to its full value twenty members on.
    static let teamSize = 10

    /// The share of its prompts from which an account asks "far more often than the population":
    /// over half, and at least 45% of the way from the population's share to all of them (a half
    /// where the population is at 9%; 85% where it is at 72%).
    static func bar(population: Double) -> Double { max(0.5, population + 0.45 * (1 - population)) }

    /// `member`'s prompts that can be read (text, not a fingerprint alone) and those of them
    /// asking for reasoning: a prompt logged as a fingerprint says nothing either way.
    static func readablePrompts(_ member: Int32, _ e: ClusterEvidence) -> (prompts: Int, reasoning: Int) {
        let q = e.index.data.queries
        var prompts = 0, reasoning = 0
        for row in q.rows(of: Int(member)) {
            let flags = q.promptFlags(row)
            guard flags & PromptDigest.Flags.hasPrompt != 0, flags & PromptDigest.Flags.fingerprintOnly == 0 else { continue }
            prompts += 1
            if flags & PromptDigest.Flags.reasoning != 0 { reasoning += 1 }
        }
        return (prompts, reasoning)
    }

    /// Whether `member` is judged (`minimumPrompts` or more readable prompts) and whether it asks
    /// for reasoning in over half of them, at or above the population's bar.
    static func judge(_ member: Int32, _ e: ClusterEvidence) -> (judged: Bool, harvests: Bool) {
        let (prompts, reasoning) = readablePrompts(member, e)
        guard prompts >= minimumPrompts else { return (false, false) }
        let share = Double(reasoning) / Double(prompts)
        return (true, share > 0.5 && share >= bar(population: e.population.reasoningShare))
    }

    /// Whether `member` harvests reasoning (`judge`).
    static func harvests(_ member: Int32, _ e: ClusterEvidence) -> Bool { judge(member, e).harvests }

    /// Instruments (of one organisation) behind `holders`.
    let instruments: Int

    init(holders members: [Int32], instruments: Int = 1, _ e: ClusterEvidence, credit: Double) {
        self.instruments = instruments
        holders = members.count
        var judged = 0, harvesting = 0
        for m in members {
            let verdict = Self.judge(m, e)
            if verdict.judged { judged += 1 }
            if verdict.harvests { harvesting += 1 }
        }
        (self.judged, self.harvesting) = (judged, harvesting)
        if judged < 2 {
            verdict = .tooFewJudged
        } else if harvesting * 2 <= judged {
            verdict = .mostDoNotAsk
        } else if harvesting <= Self.teamSize {
            verdict = .team
        } else if credit <= 0.5 {
            verdict = .littleComesBack
        } else {
            verdict = .counts
        }
        contribution = verdict == .counts ? 0.25 * unit(Double(harvesting - Self.teamSize) / 20) * credit : 0
    }
}

extension OrganisationHarvest {
    /// A payer's figures as given, not measured (for explanations of known cases: tests).
    init(holders: Int, judged: Int, harvesting: Int, instruments: Int = 1, verdict: Verdict, contribution: Double = 0) {
        (self.holders, self.judged, self.harvesting, self.instruments) = (holders, judged, harvesting, instruments)
        (self.verdict, self.contribution) = (verdict, contribution)
    }
}
