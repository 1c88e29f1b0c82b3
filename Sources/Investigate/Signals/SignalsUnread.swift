/// What a breakdown says when no signal could be read on a cluster: most signals read a cluster
/// only from a sample floor (20 queries, many of them three members), so a cluster of a few light
/// accounts gets none, and its risk of 0 says that too little is known, not that it is benign.
public enum SignalsUnread {
    /// "no signal could be read: 3 members, 9 queries in all (most signals need 20 or more queries,
    /// many 3 or more members); a risk of 0 here says too little is known, not that the cluster is
    /// benign".
    public static func line(members: Int, queries: Int) -> String {
        "no signal could be read: \(count(members, "member")), \(count(queries, "query", plural: "queries")) in all "
            + "(most signals need 20 or more queries, many 3 or more members); a risk of 0 here says too little is known, "
            + "not that the cluster is benign"
    }

    /// The same for a ranked cluster: its members and the queries they sent.
    public static func line(of cluster: Cluster, in inv: Investigation) -> String {
        let queries = cluster.members.reduce(0) { $0 + Int(inv.features.queries[Int($1)]) }
        return line(members: cluster.members.count, queries: queries)
    }

    private static func count(_ n: Int, _ one: String, plural: String? = nil) -> String {
        "\(PairExplanation.grouped(n)) \(n == 1 ? one : plural ?? one + "s")"
    }
}
