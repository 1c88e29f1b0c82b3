/// Each cluster's risk in rank order. Clusters are ranked by risk, and the many one-account
/// clusters share few distinct risks, so the column is kept as runs of equal values (a run's
/// first rank and its value) when that is smaller than one value a cluster; otherwise one value
/// a cluster. Values are kept exactly.
///
/// Immutable once built; safe to share across threads.
public struct RankRisks: RandomAccessCollection, Sendable {
    /// The first rank of each run, ascending from 0 (empty when `values` holds one value a rank).
    private let runStarts: [Int32]
    /// Each run's value, or (when `runStarts` is empty) each rank's.
    private let values: [Double]
    /// The number of clusters.
    public let endIndex: Int

    /// The first rank.
    public var startIndex: Int { 0 }

    /// The risks of `count` clusters, `risk(r)` being the one at rank `r`.
    /// - Complexity: O(count), calling `risk` up to twice a rank.
    init(count: Int, risk: (Int) -> Double) {
        var runStarts: [Int32] = [], runValues: [Double] = []
        for rank in 0..<count {
            let value = risk(rank)
            if let last = runValues.last, last.bitPattern == value.bitPattern { continue }
            runStarts.append(Int32(rank))
            runValues.append(value)
            // Runs cost 12 bytes each, plain values 8: stop once runs cannot be smaller.
            if runValues.count * 12 > count * 8 { break }
        }
        endIndex = count
        if runValues.count * 12 > count * 8 {
            self.runStarts = []
            values = (0..<count).map(risk)
        } else {
            self.runStarts = runStarts
            values = runValues
        }
    }

    /// The risks of `values.count` clusters in rank order.
    init(_ values: [Double]) {
        let stored = values
        self.init(count: stored.count) { stored[$0] }
    }

    /// The risk of the cluster at `rank`.
    /// - Complexity: O(log runs).
    public subscript(rank: Int) -> Double {
        precondition(rank >= 0 && rank < endIndex, "RankRisks: rank out of range")
        if runStarts.isEmpty { return values[rank] }
        // The last run starting at or before `rank`.
        var low = 0, high = runStarts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(runStarts[mid]) <= rank { low = mid + 1 } else { high = mid }
        }
        return values[low - 1]
    }

    /// Whether the column is kept as runs (for tests and `bench`).
    var isRunLength: Bool { !runStarts.isEmpty || endIndex == 0 }
}
