/// What every other file of a bundle must agree with: the case state its audit trail replays to
/// (bundle.md: "the case state in the bundle is the state that chain describes"). A trial
/// re-signed bundles whose `accounts.csv` renamed a tagged account, whose `enforcement.csv`
/// turned a `suspend` into `none`, whose `queries.jsonl` held another account's rows: every
/// hash and the signature were in order, and `verify` passed them.
struct BundleCaseFacts {
    /// The replayed case, with the chain it came from.
    let snapshot: CaseSnapshot
    /// The case's accounts (every account with a standing tag), sorted by bytes, unique.
    let accounts: [ExactText]
    /// The same, as a set.
    let accountSet: Set<ExactText>
    /// The most each account's labels can be: its own, and those of every cluster tag of the
    /// case (whether a cluster tag holds depends on the source, which the bundle does not hold).
    let labelBound: CaseLabelIndex

    /// Replays `audit` (an intact chain) of case `caseID`.
    /// - Throws: `BundleError` when the trail does not replay.
    init(audit: [AuditEntry], caseID: String) throws {
        do {
            snapshot = try CaseReplay.replay(audit, caseID: caseID).snapshot(audit: audit)
        } catch {
            throw BundleError("audit.jsonl: the audit trail does not replay: \(error)")
        }
        accounts = snapshot.accountIDs
        accountSet = Set(accounts)
        labelBound = CaseLabelIndex(snapshot, source: nil, everyClusterTag: true)
    }

    /// The labels account `id` carries itself (the least its labels can be).
    func ownLabels(_ id: ExactText) -> [String] { labelBound.labels(ofAccountID: id) }

    /// An id for a message: display-escaped, bounded.
    static func shown(_ id: ExactText) -> String { TextEscaping.visible(id.bytes, limit: 120) }

    /// The differences between the ids a file names (in file order, with their rows) and the
    /// case's accounts, one line each, at most `limit` named: ids not in the case, ids named
    /// twice, case accounts missing. `noun` is what a position is called (`row`, `object`).
    func differences(_ named: [(row: Int, id: ExactText)], file: String, noun: String = "row", limit: Int = 8) -> [String] {
        var lines: [String] = []
        var seen: [ExactText: Int] = [:]
        for (row, id) in named {
            if !accountSet.contains(id) {
                lines.append("\(file): \(noun) \(row) names account \(Self.shown(id)), which is not a case account in the audit trail")
            } else if let first = seen[id] {
                lines.append("\(file): \(noun) \(row) names account \(Self.shown(id)) again (first at \(noun) \(first))")
            }
            if seen[id] == nil { seen[id] = row }
        }
        for id in accounts where seen[id] == nil {
            lines.append("\(file): case account \(Self.shown(id)) is missing (the audit trail tags it)")
        }
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit)) + ["\(file): and \(lines.count - limit) more differences of its accounts from the audit trail"]
    }
}
