/// One scored signal: what was measured, against what, and how much it moved the risk.
public struct SignalScore: Codable, Sendable, Equatable {
    /// Signal name (`template_share`, `creation_burst`, ...).
    public var name: String
    /// The measured value.
    public var value: Double
    /// The population baseline it is compared with.
    public var baseline: Double
    /// How much it adds to the risk (0...1 scale, before the final squash).
    public var contribution: Double
    /// One line an investigator can paste into a ticket.
    public var explanation: String

    /// Creates a score.
    public init(name: String, value: Double, baseline: Double, contribution: Double, explanation: String) {
        self.name = name
        self.value = value
        self.baseline = baseline
        self.contribution = contribution
        self.explanation = explanation
    }
}

/// A group of accounts tied by shared values, with its risk and the evidence for it.
public struct Cluster: Sendable {
    /// Stable id within one source and tool version: `c1` is the riskiest.
    public var id: String
    /// Member account indices, ascending.
    public var members: [Int32]
    /// Distinct values shared by two or more members, per kind.
    public var linkCounts: [LinkKind: Int]
    /// Risk in 0...1; 0.5 means worth an investigator's hour.
    public var risk: Double
    /// The signals behind the risk, largest contribution first.
    public var signals: [SignalScore]

    /// The number of members.
    public var size: Int { members.count }

    /// The link kinds with the most shared values, strongest first.
    public var strongestKinds: [LinkKind] {
        linkCounts.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}
