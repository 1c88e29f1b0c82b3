/// Shared instruments: one card (or crypto wallet) paying for many accounts. Invoices, and an
/// instrument every holder of which declares the same organisation (`DeclaredOrganisation`),
/// are an organisation paying for its staff: normal, and not counted, unless more of the members
/// they pay for harvest reasoning than a team would and the answers come back
/// (`OrganisationHarvest`).
public struct SharedInstrumentSignal: DetectionSignal {
    public let name = "shared_instruments"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 2 else { return nil }
        let invoice = e.population.invoiceInstruments
        var holders: [Int32: [Int32]] = [:]
        for m in e.members {
            for value in e.index.values(of: Int(m), kind: .payment) { holders[value, default: []].append(m) }
        }
        var reused: [Int] = [], organisations: [(instrument: Int32, members: [Int32])] = []
        for (value, members) in holders where members.count >= 2 {
            if invoice.contains(value) || DeclaredOrganisation.payer(value, index: e.index) != nil {
                organisations.append((value, members))
            } else {
                reused.append(members.count)
            }
        }
        // One organisation's payers together (a reseller splitting its accounts over invoices of
        // ten is one reseller); then the organisation that counts most, else the one paying for
        // the most harvesting members.
        let payers = Self.byOrganisation(organisations, orgs: e.index.data.accounts.org)
        let credit = organisations.isEmpty ? 0 : HarvestReturn(e).credit
        let harvest = payers.map { OrganisationHarvest(holders: $0.members, instruments: $0.instruments, e, credit: credit) }
            .max { ($0.contribution, $0.harvesting, $0.holders) < ($1.contribution, $1.harvesting, $1.holders) }
        let maxShare = reused.max() ?? 0
        let reusedContribution = maxShare >= 2 ? Self.payerWeight(maxShare) + 0.05 * unit(Double(reused.count - 1) / 4) : 0
        let harvestContribution = harvest?.contribution ?? 0
        guard maxShare >= 2 || !organisations.isEmpty else { return nil }
        var parts: [String] = []
        if maxShare >= 2 {
            parts.append(
                "one payment instrument pays for \(maxShare) members"
                    + (reused.count == 1 ? "" : "; \(reused.count) instruments each pay for two or more"))
        }
        if let harvest {
            parts.append(Self.describe(harvest, organisations: payers.count, credit: credit, population: e.population.reasoningShare))
        }
        // One card on two accounts is a household; on ten or more it is a farm. Together at most
        // what one farm's card and several reused ones give.
        let contribution = min(0.30, reusedContribution + harvestContribution)
        return SignalScore(
            name: name, value: Double(max(maxShare, harvestContribution > 0 ? harvest?.holders ?? 0 : 0)), baseline: 1,
            contribution: contribution, explanation: parts.joined(separator: "; "))
    }

    /// The organisations' payers grouped by the organisation their holders here all declare (an
    /// instrument whose holders declare none, or several, stands alone): members (each once) and
    /// instruments per organisation.
    static func byOrganisation(
        _ payers: [(instrument: Int32, members: [Int32])], orgs: [Int32]
    ) -> [(members: [Int32], instruments: Int)] {
        var groups: [Int64: (members: Set<Int32>, instruments: Int)] = [:]
        for payer in payers {
            let declared = Set(payer.members.map { orgs[Int($0)] })
            let key = declared.count == 1 && declared.first! >= 0 ? Int64(declared.first!) : -1 - Int64(payer.instrument)
            groups[key, default: ([], 0)].members.formUnion(payer.members)
            groups[key, default: ([], 0)].instruments += 1
        }
        return groups.keys.sorted().map { (groups[$0]!.members.sorted(), groups[$0]!.instruments) }
    }

    /// What an organisation's payers (`harvest`, of the `organisations` paying for members here
    /// the one that counts most, else that pays for most harvesting members) are found to be.
    static func describe(_ harvest: OrganisationHarvest, organisations: Int, credit: Double, population: Double) -> String {
        let payer =
            (harvest.instruments == 1
                ? "an organisation's payer (an invoice, or a card every holder declares one organisation) pays"
                : "one organisation's \(harvest.instruments) payers (invoices, or cards every holder of which declares it) pay")
            + " for \(harvest.holders) members"
            + (organisations > 1 ? " (one of \(organisations) organisations paying for members here)" : "")
        let judged =
            harvest.judged == harvest.holders
            ? "" : " (\(harvest.judged) sent \(OrganisationHarvest.minimumPrompts) or more readable prompts)"
        let whom = harvest.judged == harvest.holders ? "them" : "those"
        let bar = OrganisationHarvest.bar(population: population)
        let asking =
            (harvest.harvesting == 0 ? "none of \(whom) asks" : "\(harvest.harvesting) of \(whom) ask") + " for step-by-step reasoning in "
            + (bar < 0.505 ? "over half of their prompts" : "at least \(percent(bar)) of their prompts")
            + " (the population: \(percent(population)) of prompts)"
        switch harvest.verdict {
        case .counts:
            return payer + judged + ", and " + asking + ": more harvesting accounts than a team (up to "
                + "\(OrganisationHarvest.teamSize)) needs, so it counts"
                + (credit < 0.995 ? ", \(percent(credit)) of it for what comes back" : "")
        case .tooFewJudged:
            return payer + ", too few of whom sent \(OrganisationHarvest.minimumPrompts) or more readable prompts to judge: \(notCounted)"
        case .mostDoNotAsk:
            return payer + judged + (harvest.harvesting == 0 ? ", and " : ", and only ") + asking + ": \(notCounted)"
        case .team:
            return payer + judged + ", and " + asking + ": no more than a team (up to "
                + "\(OrganisationHarvest.teamSize)) may: \(notCounted)"
        case .littleComesBack:
            return payer + judged + ", and " + asking + ", but little of it comes back: \(notCounted)"
        }
    }

    /// How an explanation ends when an organisation's payer is excused (`SignalZeroReason` adds
    /// nothing after it).
    static let notCounted = "not counted"

    /// Design scale of one payer shared by `holders` accounts: one card on two accounts is a
    /// household; on ten or more it is a farm.
    static func payerWeight(_ holders: Int) -> Double { 0.25 * unit(Double(holders - 2) / 8) }
}
