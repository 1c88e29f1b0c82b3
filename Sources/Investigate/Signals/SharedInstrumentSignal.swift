/// Shared instruments: one card (or crypto wallet) paying for many accounts. Invoices, and an
/// instrument every holder of which declares the same organisation (`DeclaredOrganisation`),
/// are an organisation paying for its staff: normal, and not counted, unless most of the members
/// they pay for harvest reasoning (`OrganisationHarvest`).
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
        // The organisations' payers that pay for harvesting, the strongest first.
        let credit = organisations.isEmpty ? 0 : HarvestReturn(e).credit
        let harvest = organisations.map { OrganisationHarvest(holders: $0.members, e, credit: credit) }
            .max { ($0.contribution, $0.holders) < ($1.contribution, $1.holders) }
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
        if let harvest, harvestContribution > 0 {
            parts.append(
                "an organisation's payer (an invoice, or a card every holder declares one organisation) pays for "
                    + "\(harvest.holders) members, and \(harvest.harvesting) of them ask for step-by-step reasoning "
                    + "in most of their prompts (the population: \(percent(e.population.reasoningShare)) of prompts): a company's "
                    + "staff do not all do that, so it counts"
                    + (credit < 1 ? " in part (\(percent(credit)) for what comes back)" : ""))
        } else if !organisations.isEmpty {
            let largest = organisations.map(\.members.count).max() ?? 0
            let asking = harvest.map { $0.harvesting * 2 > $0.holders } ?? false
            parts.append(
                "\(organisations.count == 1 ? "one instrument" : "\(organisations.count) instruments") paying for "
                    + "\(organisations.count == 1 ? "" : "at most ")\(largest) members "
                    + "\(organisations.count == 1 ? "is" : "are") an organisation's (an invoice, or every account "
                    + "\(organisations.count == 1 ? "it pays" : "they pay") for declares one organisation), and "
                    + (asking
                        ? "most of those members ask for step-by-step reasoning but little of it comes back"
                        : "most of those members do not ask for step-by-step reasoning in most of their prompts")
                    + ": \(Self.notCounted)")
        }
        // One card on two accounts is a household; on ten or more it is a farm. Together at most
        // what one farm's card and several reused ones give.
        let contribution = min(0.30, reusedContribution + harvestContribution)
        return SignalScore(
            name: name, value: Double(max(maxShare, harvestContribution > 0 ? harvest?.holders ?? 0 : 0)), baseline: 1,
            contribution: contribution, explanation: parts.joined(separator: "; "))
    }

    /// How an explanation ends when an organisation's payer is excused (`SignalZeroReason` adds
    /// nothing after it).
    static let notCounted = "not counted"

    /// Design scale of one payer shared by `holders` accounts: one card on two accounts is a
    /// household; on ten or more it is a farm.
    static func payerWeight(_ holders: Int) -> Double { 0.25 * unit(Double(holders - 2) / 8) }
}
