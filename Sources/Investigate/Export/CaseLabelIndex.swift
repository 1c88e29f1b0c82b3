/// The labels of a case's accounts and clusters, indexed once, so a render asks for an
/// account's labels in O(its labels) instead of scanning every tag (`BundleInput.labels` does,
/// which is quadratic over a large case).
struct CaseLabelIndex {
    private var accountLabels: [ExactText: Set<String>] = [:]
    private var clusterLabels: [String: Set<String>] = [:]

    /// Indexes the tags of a case.
    init(_ snapshot: CaseSnapshot) {
        for tag in snapshot.tags {
            switch tag.kind {
            case .account: accountLabels[tag.target, default: []].insert(tag.label)
            case .cluster: clusterLabels[tag.target.utf8String ?? tag.target.display, default: []].insert(tag.label)
            case .value: break
            }
        }
    }

    /// The labels on an account id itself, sorted.
    func labels(ofAccountID id: ExactText) -> [String] { (accountLabels[id] ?? []).sorted() }

    /// The labels on a cluster id, sorted.
    func labels(ofCluster id: String) -> [String] { (clusterLabels[id] ?? []).sorted() }

    /// An account's own labels plus its cluster's, sorted (what `BundleInput.labels(ofAccount:)` gives).
    func labels(of input: BundleInput, account: Int) -> [String] {
        let own = accountLabels[input.data.accountExactID(account)] ?? []
        let cluster = clusterLabels[input.investigation.cluster(ofAccount: account).id] ?? []
        return own.union(cluster).sorted()
    }
}
