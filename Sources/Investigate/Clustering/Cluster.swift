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
///
/// A light view (a reference and a position) into the investigation's `ClusterRanking`:
/// members and link counts are read from its compact rows, and the signals are measured again
/// on each read of `signals` (they are deterministic, so they equal the ones the risk came from).
public struct Cluster: Sendable {
    let ranking: ClusterRanking
    /// The cluster's position in the ranking (0 for `c1`).
    public let position: Int

    /// Stable id within one source and tool version: `c1` is the riskiest.
    public var id: String { "c\(position + 1)" }
    /// Member account indices, ascending.
    public var members: [Int32] { Array(ranking.members(of: position)) }
    /// The number of members.
    public var size: Int { ranking.size(of: position) }
    /// Risk in 0...1; 0.5 means worth an investigator's hour.
    public var risk: Double { ranking.risk(of: position) }
    /// Distinct values shared by two or more members, per kind.
    public var linkCounts: [LinkKind: Int] { ranking.linkCounts(of: position) }
    /// The signals behind the risk, largest contribution first.
    /// - Complexity: measures the cluster's signals again (O(members' queries and links)).
    public var signals: [SignalScore] { ranking.signals(of: position) }

    /// The link kinds with the most shared values, strongest first.
    public var strongestKinds: [LinkKind] {
        linkCounts.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}
