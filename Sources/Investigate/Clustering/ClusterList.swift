/// The clusters of an investigation, in triage order (`TriageOrder`) (`clusters[0].id == "c1"`), as a
/// collection of light `Cluster` views; positions run from 0.
public struct ClusterList: RandomAccessCollection, Sendable {
    let ranking: ClusterRanking

    /// The position of `c1`.
    public var startIndex: Int { 0 }
    /// One past the last cluster.
    public var endIndex: Int { ranking.count }

    /// The cluster at `position` (0 for `c1`).
    public subscript(position: Int) -> Cluster {
        precondition(position >= 0 && position < ranking.count, "cluster position out of range")
        return Cluster(ranking: ranking, position: position)
    }
}
