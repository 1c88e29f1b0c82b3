/// What one export reads: the case as of its last non-export audit entry, the investigation of
/// the source, the case accounts resolved in it, and the redaction in force.
public struct BundleInput {
    /// The case; `audit` ends at the last entry that is not an export, so exporting twice in a
    /// row reads the same input and writes the same bytes.
    public let snapshot: CaseSnapshot
    /// The source, indexed and scored.
    public let investigation: Investigation
    /// Who exports (`manifest.investigator`).
    public let investigator: String
    /// Pseudonyms for `--redact`, or nil.
    public let redactor: Redactor?
    /// Case account ids (exact bytes) found in the source, with their index, sorted by bytes.
    public let accounts: [(id: ExactText, index: Int)]
    /// Case account ids (exact bytes) absent from the source, sorted by bytes.
    public let missingAccounts: [ExactText]
    /// The set of case account indices.
    public let accountSet: Set<Int32>
    /// The case's labels by account and cluster id (so a label lookup does not scan every tag).
    let labelIndex: CaseLabelIndex

    /// Resolves a case against an investigation.
    public init(snapshot full: CaseSnapshot, investigation: Investigation, investigator: String, redactor: Redactor?) {
        var snapshot = full
        if let last = snapshot.audit.lastIndex(where: { $0.action != "export" }) {
            snapshot.audit = Array(snapshot.audit[...last])
        }
        self.snapshot = snapshot
        labelIndex = CaseLabelIndex(
            snapshot, source: CaseSource(files: investigation.data.files),
            members: { ClusterMembers.of(cluster: $0, in: investigation) })
        self.investigation = investigation
        self.investigator = investigator
        self.redactor = redactor
        var found: [(ExactText, Int)] = []
        var missing: [ExactText] = []
        for id in snapshot.accountIDs {
            if let index = investigation.data.accountIndex(exact: id) { found.append((id, index)) } else { missing.append(id) }
        }
        accounts = found
        missingAccounts = missing
        accountSet = Set(found.map { Int32($0.1) })
    }

    /// Cluster tags of the case made on another source, and so not applied to this source's
    /// clusters (they stay in `case.json` and the audit trail as written).
    public var otherSourceClusterTags: Int { labelIndex.otherSourceClusterTags }

    /// Cluster tags of the case made on this source whose cluster now has other members than
    /// when it was tagged (or whose entry records none), and so not applied.
    public var otherMembersClusterTags: Int { labelIndex.otherMembersClusterTags }

    /// Clusters tagged on this source with members that are not case accounts, and how many:
    /// a cluster's tag labels the members the case holds, but does not bring the others in
    /// (tagging a cluster whole, `T` or `case tag --cluster`, does). A trial tagged a ring's
    /// cluster row with `t` and found none of its 20 accounts in the bundle, unwarned. A member
    /// whose tag was retracted (the audit trail says so) is left out on purpose and not counted:
    /// a later trial untagged one member and the export urged bringing it back.
    public var taggedClustersLeavingMembersOut: [(id: String, left: Int)] {
        labelIndex.taggedClusterIDs.compactMap { id in
            guard let cluster = investigation.cluster(id: id) else { return nil }
            let left = cluster.members.filter {
                !accountSet.contains($0) && labelIndex.clusterTagCovers(data.accountExactID(Int($0)), inCluster: id)
            }.count
            return left > 0 ? (id, left) : nil
        }
    }

    /// The source data.
    public var data: CaseData { investigation.data }

    /// The hash of the last audit entry the bundle covers.
    public var auditHead: String { snapshot.audit.last?.hash ?? AuditChain.genesis }

    /// When the case was last written (the bundle's `exported_at`).
    public var exportedAt: String { snapshot.audit.last?.at ?? snapshot.info.updatedAt }

    /// An email as exported: a pseudonym under `--redact`.
    public func email(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "" }
        return redactor?.pseudonym("email", value) ?? value
    }

    /// A payment fingerprint as exported.
    public func payment(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "" }
        return redactor?.pseudonym("payment", value) ?? value
    }

    /// An email's exact bytes as exported: a pseudonym under `--redact`.
    public func email(exact value: ExactText) -> ExactText {
        guard !value.bytes.isEmpty, let redactor else { return value }
        return ExactText(redactor.pseudonym("email", value))
    }

    /// A payment fingerprint's exact bytes as exported: a pseudonym under `--redact`.
    public func payment(exact value: ExactText) -> ExactText {
        guard !value.bytes.isEmpty, let redactor else { return value }
        return ExactText(redactor.pseudonym("payment", value))
    }

    /// The labels of an account: its own tags plus those on its cluster, sorted.
    public func labels(ofAccount account: Int) -> [String] {
        labelIndex.labels(of: self, account: account)
    }

    /// The labels on account `account` itself, sorted (not those of its cluster's tag).
    func ownLabels(ofAccount account: Int) -> [String] { labelIndex.labels(ofAccountID: data.accountExactID(account)) }

    /// A string column value or empty.
    func pooled(_ pool: StringPool, _ id: Int32) -> String { id < 0 ? "" : pool.string(id) }

    /// A pooled value's exact bytes, or empty for -1.
    func exact(_ pool: StringPool, _ id: Int32) -> ExactText { id < 0 ? ExactText(bytes: []) : ExactText(bytes: pool.bytes(id)) }

    /// The account's `status` as the source gives it (lowercased), or "" when it has none.
    func accountStatus(_ account: Int) -> String { pooled(data.pools.labels, data.accounts.status[account]) }

    /// The labels tagged on an account that is not in the source.
    func labels(ofMissing id: ExactText) -> [String] { snapshot.labels(of: .account, id) }
}
