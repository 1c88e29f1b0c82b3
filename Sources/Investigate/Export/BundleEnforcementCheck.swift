/// `enforcement.csv` held to the replayed case: one row per case account, by exact bytes, and
/// each row's proposed action and reason what the exporter's own rule
/// (`AccountsCSVFile.proposal`) gives for the account's labels and the replayed status, with
/// the account's risk and source status as `accounts.csv` carries them (they come from the
/// source, which the bundle does not hold).
enum BundleEnforcementCheck {
    static let file = "enforcement.csv"

    /// What differs, one line each (empty when the file holds).
    static func problems(_ bytes: [UInt8], _ facts: BundleCaseFacts, accounts: BundleAccountsCheck?) -> [String] {
        let table: BundleCSVRows
        do { table = try BundleCSVRows(bytes, header: AccountsCSVFile.enforcementHeader, file: file) } catch {
            return ["\(error)"]
        }
        var problems: [String] = []
        var named: [(row: Int, id: ExactText)] = []
        for i in table.rows.indices {
            let id: ExactText
            do { id = try table.accountID(row: i, file: file) } catch {
                problems.append("\(error)")
                continue
            }
            named.append((i + 1, id))
            // Labels as accounts.csv gives them (checked there against the trail).
            guard facts.accountSet.contains(id), let row = accounts?.rows[id] else { continue }
            let (action, reason) = (table.rows[i][2], table.rows[i][3])
            let expected = proposals(row, own: facts.ownLabels(id), facts.snapshot.info.status)
            let where_ = "\(file): row \(i + 1) (account \(BundleCaseFacts.shown(id)))"
            if action != expected[0].action {
                problems.append(
                    "\(where_): proposed action is '\(TextEscaping.visible(action, limit: 40))', the replayed case gives '\(expected[0].action)'"
                )
            } else if !expected.contains(where: { $0.reason == reason }) {
                problems.append(
                    "\(where_): reason '\(TextEscaping.visible(reason, limit: 120))' is not the exporter's "
                        + "('\(TextEscaping.visible(expected[0].reason, limit: 120))') for the risk "
                        + "\(TextEscaping.visible(row.risk, limit: 20)) and status \(TextEscaping.visible(row.status, limit: 40)) "
                        + "accounts.csv gives it: this file or accounts.csv was altered"
                )
            }
        }
        problems += facts.differences(named, file: file)
        if named.map(\.id) != named.map(\.id).sorted(), problems.isEmpty {
            problems.append("\(file): rows are not in the exporter's order (by account id bytes)")
        }
        return problems
    }

    /// What the exporter proposes for an account row of `accounts.csv`. Its risk is written to
    /// six decimals (`JSONValue.decimal`), so the risk it was made from lies within half a
    /// millionth of it: every reason that range gives is the exporter's (the action does not
    /// depend on the risk).
    /// `own` are the labels the trail puts on the account itself (`OwnLabelsFirst`).
    static func proposals(_ row: BundleAccountsCheck.Row, own: [String], _ status: CaseStatus) -> [(action: String, reason: String)] {
        guard row.inSource else {
            let (action, reason) = AccountsCSVFile.proposalNotInSource(labels: row.labels, status: status)
            return [(action, reason)]
        }
        let risk = Double(row.risk) ?? 0
        return [risk, risk - 5e-7, risk + 5e-7].map {
            AccountsCSVFile.proposal(labels: row.labels, own: own, status: status, risk: $0, accountStatus: row.status)
        }
    }
}
