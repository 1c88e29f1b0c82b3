/// Shared instruments: one card (or crypto wallet) paying for many accounts. Invoices shared
/// by an organisation's staff are normal and count for little.
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
        let reused = perInstrument.values.filter { $0 >= 2 }
        let maxShare = reused.max() ?? 0
        guard maxShare >= 2 else { return nil }
        // Design scale: one card on two accounts is a household; on ten or more it is a farm.
        let contribution = 0.25 * unit(Double(maxShare - 2) / 8) + 0.05 * unit(Double(reused.count - 1) / 4)
        return SignalScore(
            name: name, value: Double(maxShare), baseline: 1, contribution: contribution,
            explanation: "one payment instrument pays for \(maxShare) members; \(reused.count) instruments reused")
    }
}
