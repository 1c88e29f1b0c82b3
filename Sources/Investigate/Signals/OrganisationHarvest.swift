/// An organisation's payer that pays for harvesting: the part of `SharedInstrumentSignal` that
/// reads the instruments a declared organisation is expected to share.
///
/// An invoice, or a card every holder of which declares one organisation, is a company paying for
/// its staff, and is not in itself evidence of a ring. A company's staff, though, do different
/// work: they do not, nearly all of them, send mostly requests for step-by-step reasoning and take
/// long answers away. A reseller on one invoice does. So such an instrument counts when most of the
/// members it pays for each ask for reasoning in most of their prompts (and far more often than the
/// population's accounts do) and over half of what they ask for comes back (`HarvestReturn`),
/// scaled by the share of its members that ask and by what comes back; a company whose staff
/// mostly do other things, or get short answers, keeps the excuse whole.
struct OrganisationHarvest {
    /// Members the instrument pays for in the cluster.
    let holders: Int
    /// Of them, members whose own prompts mostly ask for reasoning.
    let harvesting: Int
    /// The design scale of a shared payer (as for a card), times the harvesting share and the
    /// return credit; 0 when under half the holders harvest or half the harvest comes back.
    let contribution: Double

    /// A member harvests reasoning: at least `minimumPrompts` prompts, over half of them asking
    /// for reasoning, and at least 40 points above the population's share (design: where
    /// `ReasoningElicitationSignal` gives most of its weight).
    static func harvests(_ member: Int32, _ e: ClusterEvidence) -> Bool {
        let prompted = Int(e.features.prompted[Int(member)])
        guard prompted >= minimumPrompts else { return false }
        let share = Double(e.features.reasoning[Int(member)]) / Double(prompted)
        return share > 0.5 && share >= e.population.reasoningShare + 0.4
    }

    /// Prompts under which one account's share is noise.
    static let minimumPrompts = 5

    init(holders members: [Int32], _ e: ClusterEvidence, credit: Double) {
        holders = members.count
        harvesting = members.reduce(0) { $0 + (Self.harvests($1, e) ? 1 : 0) }
        let fraction = holders > 0 ? Double(harvesting) / Double(holders) : 0
        contribution = fraction > 0.5 && credit > 0.5 ? SharedInstrumentSignal.payerWeight(holders) * fraction * credit : 0
    }
}
