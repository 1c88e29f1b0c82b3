/// The labels of a case's accounts and clusters, indexed once, so a render asks for an
/// account's labels in O(its labels) instead of scanning every tag (`BundleInput.labels` does,
/// which is quadratic over a large case).
struct CaseLabelIndex {
    private var accountLabels: [ExactText: Set<String>] = [:]
    private var clusterLabels: [String: Set<String>] = [:]
    /// Labels retracted from an account itself (and not added again): its cluster's tag of the
    /// same label no longer covers it. Untagging one member of a tagged cluster takes it out.
    private var retractedAccountLabels: [ExactText: Set<String>] = [:]

    /// Cluster tags not indexed: made on another source than the one exported, or under another
    /// numbering (`ClusterTagSources`).
    private(set) var otherSourceClusterTags = 0
    /// Cluster tags not indexed: the cluster of their id on the exported source has other
    /// members than when they were tagged, or their entry records none (`ClusterMembers`).
    private(set) var otherMembersClusterTags = 0

    /// Indexes the tags of a case; a cluster tag only when it holds on `source`, whose clusters'
    /// members `members` gives by id (cluster ids are numbers of one source's ranking: another
    /// source's `c1` is not this one's, nor is this folder's `c1` once rows moved). With
    /// `everyClusterTag`, what a verifier (which holds no source) takes as the most an account's
    /// labels can be: every cluster tag whose entry records its members (one that records none
    /// holds nowhere).
    init(
        _ snapshot: CaseSnapshot, source: CaseSource?, members: @escaping (String) -> ClusterMembers? = { _ in nil },
        everyClusterTag: Bool = false
    ) {
        let sources = ClusterTagSources(snapshot, current: source, members: everyClusterTag ? nil : members)
        for tag in snapshot.tags {
            switch tag.kind {
            case .account: accountLabels[tag.target, default: []].insert(tag.label)
            case .cluster:
                if everyClusterTag {
                    guard sources.recordedMembers[.init(target: tag.target, label: tag.label)] != nil else { continue }
                } else {
                    switch sources.standing(tag) {
                    case .holds: break
                    case .otherSource, .otherNumbering:
                        otherSourceClusterTags += 1
                        continue
                    case .membersDiffer, .membersUnrecorded, .membersUnchecked:
                        otherMembersClusterTags += 1
                        continue
                    }
                }
                clusterLabels[tag.target.utf8String ?? tag.target.display, default: []].insert(tag.label)
            case .value: break
            }
        }
        for tag in snapshot.retractedTags where tag.kind == .account {
            retractedAccountLabels[tag.target, default: []].insert(tag.label)
        }
    }

    /// The labels on an account id itself, sorted.
    func labels(ofAccountID id: ExactText) -> [String] { (accountLabels[id] ?? []).sorted() }

    /// The labels on a cluster id, sorted.
    func labels(ofCluster id: String) -> [String] { (clusterLabels[id] ?? []).sorted() }

    /// The ids of the clusters tagged on this source, sorted.
    var taggedClusterIDs: [String] { clusterLabels.keys.sorted() }

    /// True when a tag of cluster `cluster` still covers account `id`: some label of the
    /// cluster's was not retracted from the account itself. An account untagged on purpose from
    /// each of its cluster's labels (`case untag CASE LABEL ACCOUNT`, the console's `u`) is out
    /// of the cluster's tag, deliberately.
    func clusterTagCovers(_ id: ExactText, inCluster cluster: String) -> Bool {
        !(clusterLabels[cluster] ?? []).subtracting(retractedAccountLabels[id] ?? []).isEmpty
    }

    /// An account's own labels plus its cluster's, less the labels retracted from the account
    /// itself, sorted (what `BundleInput.labels(ofAccount:)` gives).
    func labels(of input: BundleInput, account: Int) -> [String] {
        labels(ofAccountID: input.data.accountExactID(account), inCluster: input.investigation.cluster(ofAccount: account).id)
    }

    /// The labels of account `id` in cluster `cluster`: its own plus its cluster's, less the
    /// labels retracted from the account itself, sorted.
    func labels(ofAccountID id: ExactText, inCluster cluster: String) -> [String] {
        let own = accountLabels[id] ?? []
        let fromCluster = (clusterLabels[cluster] ?? []).subtracting(retractedAccountLabels[id] ?? [])
        return own.union(fromCluster).sorted()
    }
}
