/// The triage list as an investigator sees it: each cluster is a row, except that the clusters
/// tied into one operation are a single row, placed at the rank of its highest-ranked cluster,
/// with all of its clusters beneath it (one key tags it whole). A cluster of one account rated
/// under `TriageOrder.flagged` is not listed on its own.
public struct TriageEntry: Sendable, Equatable {
    /// Positions in the ranking (0 for `c1`) of the clusters this row stands for: the cluster
    /// itself, or the operation's clusters in ranking order.
    public var clusters: [Int]
    /// The operation's index in `Investigation.operations` when the row is an operation.
    public var operation: Int?
    /// The position of the cluster whose rank the row takes.
    public var rankedAt: Int
}

/// Builds the triage rows from a ranking, for the console's triage list and for `evaluate
/// --unit rows`, so the two count the same rows.
public enum TriageRows {
    /// Whether a cluster is listed in triage: linked clusters, and single accounts rated high (a
    /// lone account at 0.5 or more is a finding like any cluster). The other single accounts are
    /// not padding for the list: the console's caption says how many are hidden, and X lists them,
    /// highest risk first.
    public static func listed(size: Int, risk: Double) -> Bool {
        size > 1 || risk >= TriageOrder.flagged
    }

    /// The rows, in triage order, up to `limit`.
    /// - Parameters:
    ///   - count: how many ranked clusters there are.
    ///   - size, risk: each cluster's (by position).
    ///   - operationOf: the operation a cluster belongs to, if any.
    ///   - clustersOf: an operation's cluster positions, ascending.
    /// - Complexity: O(clusters listed before the `limit`th row, plus their operations' clusters).
    public static func rows(
        count: Int, size: (Int) -> Int, risk: (Int) -> Double, operationOf: (Int) -> Int?,
        clustersOf: (Int) -> [Int], limit: Int = .max
    ) -> [TriageEntry] {
        var rows: [TriageEntry] = []
        var placed: Set<Int> = []
        var position = 0
        while position < count, rows.count < limit {
            defer { position += 1 }
            guard listed(size: size(position), risk: risk(position)) else { continue }
            guard let op = operationOf(position) else {
                rows.append(TriageEntry(clusters: [position], operation: nil, rankedAt: position))
                continue
            }
            guard placed.insert(op).inserted else { continue }
            rows.append(TriageEntry(clusters: clustersOf(op), operation: op, rankedAt: position))
        }
        return rows
    }

    /// The rows of an investigation's ranking, up to `limit`.
    public static func rows(of inv: Investigation, limit: Int = .max) -> [TriageEntry] {
        rows(
            count: inv.clusters.count, size: { inv.clusters[$0].size }, risk: { inv.clusters[$0].risk },
            operationOf: { inv.operationOfCluster[$0] }, clustersOf: { inv.operations[$0].clusters }, limit: limit)
    }
}
