/// `accounts.csv`: every case account with its attributes, activity, risk and tags;
/// `enforcement.csv`: the action proposed for each.
///
/// `account_id` holds the id's exact text (see `CSVTable` for the reversible formula mark) and
/// `account_id_b64` its exact bytes, always, so an id that is not valid UTF-8 is never lost or
/// confused with another. Other source values that are not valid UTF-8 leave their cell empty
/// and travel in the row's `non_utf8_b64` object.
enum AccountsCSVFile {
    static let header = [
        "account_id", "account_id_b64", "in_source", "created_at", "email", "email_domain", "org_id", "country", "plan",
        "status", "payment_fingerprint", "signup_ip", "queries", "input_tokens", "output_tokens", "cluster",
        "cluster_risk", "risk", "tags", "non_utf8_b64", "extra",
    ]

    /// The file, and how many accounts' emails could not be read again from the source, by the
    /// index of their accounts file (`SourceFiles.accounts`).
    static func render(_ input: BundleInput) -> (BundleFile, unreadableByFile: [Int: Int]) {
        var table = CSVTable(header: header)
        let data = input.data
        let pools = data.pools
        let a = data.accounts
        // Emails are not kept in memory: read the exported accounts' lines again, in one pass.
        let fetched = AccountRowFetcher(data: data).emailsByFile(input.accounts.map(\.index))
        let emails = fetched.emails
        var rows: [(ExactText, [String])] = input.accounts.enumerated().map { position, account in
            let (id, i) = account
            let email = position < emails.count ? emails[position].map { ExactText(bytes: $0) } : nil
            var inTokens: UInt64 = 0
            var outTokens: UInt64 = 0
            for row in data.queries.rows(of: i) {
                inTokens += UInt64(data.queries.inputTokens(row))
                outTokens += UInt64(data.queries.outputTokens(row))
            }
            let cluster = input.investigation.cluster(ofAccount: i)
            let created = a.createdAt[i] == Int64.min ? "" : Timestamp.format(millis: a.createdAt[i])
            let values: [(column: String, value: ExactText)] = [
                ("email", input.email(exact: email ?? ExactText(bytes: []))),
                ("email_domain", input.exact(pools.emailDomains, a.emailDomain[i])),
                ("org_id", input.exact(pools.orgs, a.org[i])),
                ("country", input.exact(pools.labels, a.country[i])),
                ("plan", input.exact(pools.labels, a.plan[i])),
                ("status", input.exact(pools.labels, a.status[i])),
                ("payment_fingerprint", input.payment(exact: input.exact(pools.payments, a.payment[i]))),
                ("signup_ip", input.exact(pools.ips, a.signupIP[i])),
            ]
            let cells =
                [CSVValue.text(id), id.base64, "true", created] + values.map { CSVValue.text($0.value) }
                + [
                    String(data.queries.queryCount(of: i)), String(inTokens), String(outTokens), cluster.id,
                    JSONValue.decimal(cluster.risk), JSONValue.decimal(input.investigation.accountRisk[i]),
                    input.labels(ofAccount: i).joined(separator: ";"), CSVValue.nonUTF8(values),
                    extras(of: i, data, redactor: input.redactor),
                ]
            return (id, cells)
        }
        for id in input.missingAccounts {
            var cells = [String](repeating: "", count: header.count)
            cells[0] = CSVValue.text(id)
            cells[1] = id.base64
            cells[2] = "false"
            cells[header.count - 3] = input.labels(ofMissing: id).joined(separator: ";")
            rows.append((id, cells))
        }
        for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { table.append(cells) }
        return (
            BundleFile(path: "accounts.csv", bytes: table.bytes, records: table.recordCount),
            fetched.unreadableByFile
        )
    }

    /// The account's extra columns as one JSON object, values exact (`{"b64": ...}` when not
    /// UTF-8), or "" when it has none; under `--redact`, each value and each column name its
    /// pseudonym (`Redactor.extra`, `Redactor.extraKeys`).
    static func extras(of account: Int, _ data: CaseData, redactor: Redactor? = nil) -> String {
        let pairs = data.accounts.extras(of: account)
        guard !pairs.isEmpty else { return "" }
        var members: [String: JSONValue] = [:]
        for (key, value) in pairs {
            let exact = ExactText(bytes: data.pools.extraValues.bytes(value))
            members[data.pools.extraKeys.string(key)] = redactor?.extra(exact, isRaw: false) ?? exact.jsonValue
        }
        return JSONValue.object(redactor?.extraKeys(members) ?? members).canonical
    }

    /// The proposed action and its reason for one account's labels, `own` those on the account
    /// itself (the rest came from its cluster). `needs-review` holds an account back from any
    /// ban or suspension until someone reviews it; an account the source already lists as
    /// banned or suspended is said to be so; where own and inherited labels disagree, the own
    /// ones decide, and the reason says so (`OwnLabelsFirst`).
    static func proposal(labels: [String], own: [String], status: CaseStatus, risk: Double, accountStatus: String = "") -> (String, String) {
        let (set, setAside) = OwnLabelsFirst.resolve(labels: labels, own: own)
        let (action, reason) = proposal(set: set, labels: labels, status: status, risk: risk, accountStatus: accountStatus)
        return (action, reason + OwnLabelsFirst.note(own: own, setAside: setAside))
    }

    /// The proposed action and its reason for the labels `set` decides by (`labels` as shown).
    private static func proposal(set: Set<String>, labels: [String], status: CaseStatus, risk: Double, accountStatus: String) -> (String, String) {
        let tagText = labels.isEmpty ? "untagged" : "tags " + labels.joined(separator: ";")
        let riskText = "risk " + RiskText.twoDecimals(risk)
        if set.contains("benign") { return ("none", "\(tagText); marked benign") }
        if status == .dismissed { return ("none", "\(tagText); case dismissed") }
        let enforced = set.contains("ring-member") || set.contains("ring-infrastructure") || set.contains("escalated")
        if enforced && set.contains("needs-review") {
            return ("review", "\(tagText); held back from enforcement until reviewed (needs-review); case \(status.rawValue); \(riskText)")
        }
        if enforced {
            let action = status == .confirmed || status == .closed ? "ban" : "suspend"
            let already = accountStatus == "banned" || accountStatus == "suspended" ? "; already \(accountStatus) in the source" : ""
            return (action, "\(tagText); case \(status.rawValue); \(riskText)\(already)")
        }
        if set.contains("decoy") { return ("monitor", "\(tagText); decoy kept live for observation") }
        return ("review", "\(tagText); \(riskText)")
    }

    /// The proposed action and its reason for a case account that is not in the exported source:
    /// the bundle holds nothing of it (no queries, links or risk), so it is never proposed for a
    /// ban or a suspension on the strength of a tag alone (a mistyped id, or an account of
    /// another source, would be enforced unseen): `review` instead, the reason saying why. Other
    /// actions (`none`, `monitor`, `review`) stand. The reason ends with `notInSourceReason`.
    static func proposalNotInSource(labels: [String], status: CaseStatus) -> (String, String) {
        // Every label of an account not in the source is its own (it is in no cluster here).
        let (action, reason) = proposal(labels: labels, own: labels, status: status, risk: 0)
        guard action == "ban" || action == "suspend" else { return (action, reason + notInSourceReason) }
        let tagText = labels.isEmpty ? "untagged" : "tags " + labels.joined(separator: ";")
        return ("review", "\(tagText); case \(status.rawValue); held back from \(action) until reviewed against the source "
            + "that holds the account" + notInSourceReason)
    }

    /// The columns of `enforcement.csv`.
    static let enforcementHeader = ["account_id", "account_id_b64", "proposed_action", "reason"]
    /// What the reason of an account that is not in the exported source ends with.
    static let notInSourceReason = "; not in the exported source"

    /// The proposed action and reason of every case account: those in the source (exact-id
    /// order), then those not in it (what `enforcement.csv` and `stix21.json` say).
    static func proposals(_ input: BundleInput) -> [(id: ExactText, action: String, reason: String)] {
        let status = input.snapshot.info.status
        var out: [(id: ExactText, action: String, reason: String)] = []
        out.reserveCapacity(input.accounts.count + input.missingAccounts.count)
        for (id, i) in input.accounts {
            let (action, reason) = proposal(
                labels: input.labels(ofAccount: i), own: input.ownLabels(ofAccount: i), status: status,
                risk: input.investigation.accountRisk[i], accountStatus: input.accountStatus(i))
            out.append((id, action, reason))
        }
        for id in input.missingAccounts {
            let (action, reason) = proposalNotInSource(labels: input.labels(ofMissing: id), status: status)
            out.append((id, action, reason))
        }
        return out
    }

    /// `account_id`, `account_id_b64`, `proposed_action`, `reason`: one row per case account.
    static func enforcement(_ input: BundleInput) -> BundleFile {
        var table = CSVTable(header: enforcementHeader)
        let rows = proposals(input).map { ($0.id, [CSVValue.text($0.id), $0.id.base64, $0.action, $0.reason]) }
        for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { table.append(cells) }
        return BundleFile(path: "enforcement.csv", bytes: table.bytes, records: table.recordCount)
    }
}
