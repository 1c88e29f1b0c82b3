/// One sentence saying which operation a cluster belongs to, for text meant for people (`clusters`,
/// `account`, the bundle's report): "part of operation op1: 4 clusters (c1, c3, c5, c1486), 423
/// accounts, tied by template tf-59b1ef3d (in 2 of its clusters)". Values are escaped for display.
public enum OperationSummary {
    /// The sentence for `cluster`, or nil when it belongs to no operation.
    public static func line(of cluster: Cluster, in inv: Investigation) -> String? {
        guard let position = inv.operationOfCluster[cluster.position] else { return nil }
        let op = inv.operations[position]
        let ids = op.clusters.prefix(6).map { inv.clusters[$0].id }.joined(separator: ", ") + (op.clusters.count > 6 ? ", …" : "")
        let ties = op.ties.prefix(2).map {
            "\($0.kind.rawValue) \(TextEscaping.visible(inv.index.valueExact($0.kind, $0.value).bytes, limit: 40)) (in \($0.clusters) of its clusters)"
        }
        return "part of operation \(op.id): \(op.clusters.count) clusters (\(ids)), \(PairExplanation.count(op.accounts, "account"))"
            + (ties.isEmpty ? "" : ", tied by " + ties.joined(separator: ", "))
    }
}
