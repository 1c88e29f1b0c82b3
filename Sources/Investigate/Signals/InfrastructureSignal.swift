/// Infrastructure: traffic from hosting / proxy ASNs, and many accounts packed into few networks.
public struct InfrastructureSignal: DetectionSignal {
    public let name = "infrastructure"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.queries >= 20 else { return nil }
        var hosting = 0.0
        for m in e.members { hosting += Double(e.features.hostingShare[Int(m)]) * Double(e.features.queries[Int(m)]) }
        let share = hosting / Double(e.queries)
        var subnets = Set<Int32>()
        for m in e.members { for s in e.index.values(of: Int(m), kind: .subnet) { subnets.insert(s) } }
        let accountsPerSubnet = subnets.isEmpty ? 0 : Double(e.size) / Double(subnets.count)
        // Design scale: two accounts a network is a household or office; ten is packed.
        let contribution =
            0.2 * unit((share - e.population.hostingShare - 0.1) / 0.5)
            + (e.size >= 5 && share > 0 ? 0.05 * unit((accountsPerSubnet - 2) / 8) : 0)
        let spread =
            subnets.isEmpty
            ? "no member subnet known"
            : "\(PairExplanation.count(e.size, "account")) on \(PairExplanation.count(subnets.count, "subnet"))"
        return SignalScore(
            name: name, value: share, baseline: e.population.hostingShare, contribution: contribution,
            explanation: "\(percent(share)) of traffic from hosting/proxy networks (population "
                + "\(percent(e.population.hostingShare))); \(spread)")
    }
}
