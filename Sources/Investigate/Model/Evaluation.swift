import Foundation

/// What `Evaluation`'s "top N" counts.
public enum EvaluationUnit: String, Sendable, CaseIterable {
    /// Ranked clusters (`c1`, `c2`, ...), an operation's clusters each counting one.
    case clusters
    /// Triage rows as the console lists them (`TriageRows`): an operation and all its clusters
    /// count as one row, at its highest-ranked cluster's place.
    case rows
}

/// Scores the triage list against a truth file: which clusters rated high (risk >= 0.5) among
/// the top N (clusters, or triage rows) cover each planted ring, whether any decoy got in, and
/// account-level precision and recall.
public struct Evaluation: Sendable {
    /// Per-ring coverage (share of the ring's accounts in high-risk top clusters).
    public var ringCoverage: [(name: String, style: String, size: Int, coverage: Double)] = []
    /// Decoys with any account flagged.
    public var decoysFlagged: [String] = []
    /// Flagged accounts that are ring accounts, over flagged accounts.
    public var precision = 0.0
    /// Ring accounts flagged, over ring accounts.
    public var recall = 0.0
    /// Accounts flagged.
    public var flagged = 0
    /// Clusters considered: the top N, or the clusters of the top N triage rows.
    public var clustersConsidered = 0
    /// Accounts the truth names that the source does not hold (counted as missed).
    public var truthAccountsMissing = 0
    /// Accounts the truth names, rings and decoys.
    public var truthAccounts = 0

    /// Evaluates the clusters with risk >= `threshold` among the top `top` clusters, or among the
    /// clusters of the top `top` triage rows (an operation's clusters are each judged by their
    /// own risk).
    public init(
        investigation inv: Investigation, truth: JSONTruth, top: Int = 6, threshold: Double = 0.5,
        unit: EvaluationUnit = .clusters
    ) {
        let positions: [Int]
        switch unit {
        case .clusters: positions = Array(inv.clusters.indices.prefix(top))
        case .rows: positions = TriageRows.rows(of: inv, limit: top).flatMap(\.clusters)
        }
        clustersConsidered = positions.count
        var flaggedSet = Set<String>()
        for position in positions {
            let cluster = inv.clusters[position]
            guard cluster.risk >= threshold else { continue }
            for m in cluster.members { flaggedSet.insert(inv.data.accountID(Int(m))) }
        }
        flagged = flaggedSet.count
        var ringAccounts = Set<String>()
        for ring in truth.rings {
            let members = Set(ring.accounts)
            ringAccounts.formUnion(members)
            let covered = members.intersection(flaggedSet).count
            ringCoverage.append((ring.name, ring.style, members.count, members.isEmpty ? 0 : Double(covered) / Double(members.count)))
        }
        for decoy in truth.decoys where !Set(decoy.accounts).isDisjoint(with: flaggedSet) { decoysFlagged.append(decoy.name) }
        let named = ringAccounts.union(truth.decoys.flatMap(\.accounts))
        truthAccounts = named.count
        truthAccountsMissing = named.filter { inv.data.accountIndex($0) == nil }.count
        let hits = flaggedSet.intersection(ringAccounts).count
        precision = flaggedSet.isEmpty ? 0 : Double(hits) / Double(flaggedSet.count)
        recall = ringAccounts.isEmpty ? 0 : Double(hits) / Double(ringAccounts.count)
    }
}
