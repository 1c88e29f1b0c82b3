/// Shared instruments: one card (or crypto wallet) paying for many accounts. Invoices, and an
/// instrument every holder of which declares the same organisation (`DeclaredOrganisation`),
/// are an organisation paying for its staff: normal, and not counted.
public struct SharedInstrumentSignal: DetectionSignal {
    public let name = "shared_instruments"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 2 else { return nil }
        let invoice = e.population.invoiceInstruments
        var perInstrument: [Int32: Int] = [:]
        for m in e.members {
            for value in e.index.values(of: Int(m), kind: .payment) where !invoice.contains(value) {
                perInstrument[value, default: 0] += 1
            }
        }
        var reused: [Int] = [], organisations: [Int] = []
        for (value, holders) in perInstrument where holders >= 2 {
            if DeclaredOrganisation.payer(value, index: e.index) != nil { organisations.append(holders) } else { reused.append(holders) }
        }
        let maxShare = reused.max() ?? 0
        let declared = organisations.isEmpty ? "" : (reused.isEmpty ? "" : "; ")
            + "\(organisations.count == 1 ? "one instrument" : "\(organisations.count) instruments") paying for "
            + "\(organisations.max() ?? 0)\(organisations.count == 1 ? "" : " at most") members "
            + "\(organisations.count == 1 ? "is" : "are") a declared organisation's (every account "
            + "\(organisations.count == 1 ? "it pays" : "they pay") for declares it): not counted"
        guard maxShare >= 2 else {
            guard !organisations.isEmpty else { return nil }
            return SignalScore(name: name, value: 0, baseline: 1, contribution: 0, explanation: declared)
        }
        // Design scale: one card on two accounts is a household; on ten or more it is a farm.
        let contribution = 0.25 * unit(Double(maxShare - 2) / 8) + 0.05 * unit(Double(reused.count - 1) / 4)
        return SignalScore(
            name: name, value: Double(maxShare), baseline: 1, contribution: contribution,
            explanation: "one payment instrument pays for \(maxShare) members"
                + (reused.count == 1 ? "" : "; \(reused.count) instruments each pay for two or more") + declared)
    }
}
