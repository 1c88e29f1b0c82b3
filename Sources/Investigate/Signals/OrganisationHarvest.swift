/// An organisation's payer that pays for harvesting: the part of `SharedInstrumentSignal` that
/// reads the instruments a declared organisation is expected to share.
///
/// An invoice, or a card every holder of which declares one organisation, is a company paying for
/// its staff, and is not in itself evidence of a ring. A company's staff, though, do different
/// work, and a team that does harvest reasoning (a research lab) is a handful of people. A reseller
/// on one invoice runs more harvesting accounts than any team needs. So such an instrument counts
/// when, among the members it pays for that sent at least `minimumPrompts` prompts, most each ask
/// for step-by-step reasoning in most of their prompts (and far more often than the population's
/// accounts do), more than `teamSize` of them do, and over half of what they ask for comes back
/// (`HarvestReturn`): a card's design weight, scaled from `teamSize` harvesting members (nothing)
/// to `teamSize + 20` (all), times what comes back. Members with fewer prompts are not judged
/// either way, so dormant accounts on the invoice neither excuse nor count against it.
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

    /// Members the instrument pays for in the cluster.
    let holders: Int
    /// Of them, members with at least `minimumPrompts` prompts.
    let judged: Int
    /// Of those, members whose own prompts mostly ask for reasoning (`harvests`).
    let harvesting: Int
    let verdict: Verdict
    /// The weight (see the type's comment); 0 unless the verdict is `counts`.
    let contribution: Double

    /// Prompts under which one account's share is not judged.
    static let minimumPrompts = 3
    /// Harvesting members a team (a lab, a department) may hold (design: a research group is a
    /// handful of people); the weight grows from here to its full value twenty members on.
    static let teamSize = 10

    /// The share of its prompts from which an account asks "far more often than the population":
    /// over half, and at least 45% of the way from the population's share to all of them (49
    /// points above a population at 9%; 86% where the population is at 72%).
    static func bar(population: Double) -> Double { max(0.5, population + 0.45 * (1 - population)) }

    /// Whether `member` (of `minimumPrompts` or more prompts) asks for reasoning in most prompts.
    static func harvests(_ member: Int32, _ e: ClusterEvidence) -> Bool {
        let prompted = Int(e.features.prompted[Int(member)])
        guard prompted >= minimumPrompts else { return false }
        let share = Double(e.features.reasoning[Int(member)]) / Double(prompted)
        return share > 0.5 && share >= bar(population: e.population.reasoningShare)
    }

    init(holders members: [Int32], _ e: ClusterEvidence, credit: Double) {
        holders = members.count
        judged = members.reduce(0) { $0 + (Int(e.features.prompted[Int($1)]) >= Self.minimumPrompts ? 1 : 0) }
        harvesting = members.reduce(0) { $0 + (Self.harvests($1, e) ? 1 : 0) }
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
