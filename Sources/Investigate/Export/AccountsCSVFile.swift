/// `accounts.csv`: every case account with its attributes, activity, risk and tags;
/// `enforcement.csv`: the action proposed for each.
enum AccountsCSVFile {
    static let header = [
        "account_id", "in_source", "created_at", "email", "email_domain", "org_id", "country", "plan", "status",
        "payment_fingerprint", "signup_ip", "queries", "input_tokens", "output_tokens", "cluster", "cluster_risk",
        "risk", "tags",
    ]

    /// The file, and how many accounts' emails could not be read again from the source.
    static func render(_ input: BundleInput) -> (BundleFile, unreadableEmails: Int) {
        var table = CSVTable(header: header)
        let data = input.data
        let pools = data.pools
        let a = data.accounts
        // Emails are not kept in memory: read the exported accounts' lines again, in one pass.
        let fetched = try? AccountRowFetcher(data: data).emails(input.accounts.map(\.index))
        let emails = fetched?.emails ?? []
        var rows: [(String, [String])] = input.accounts.enumerated().map { position, account in
            let (exact, i) = account
            let id = exact.fileText
            let email = position < emails.count ? emails[position].map { String(decoding: $0, as: UTF8.self) } : nil
            var inTokens: UInt64 = 0
            var outTokens: UInt64 = 0
            for row in data.queries.rows(of: i) {
                inTokens += UInt64(data.queries.inputTokens(row))
                outTokens += UInt64(data.queries.outputTokens(row))
            }
            let cluster = input.investigation.cluster(ofAccount: i)
            let created = a.createdAt[i] == Int64.min ? "" : Timestamp.format(millis: a.createdAt[i])
            return (
                id,
                [
                    id, "true", created, input.email(email),
                    input.pooled(pools.emailDomains, a.emailDomain[i]), input.pooled(pools.orgs, a.org[i]),
                    data.label(a.country[i]) ?? "", data.label(a.plan[i]) ?? "", data.label(a.status[i]) ?? "",
                    input.payment(a.payment[i] < 0 ? nil : pools.payments.string(a.payment[i])),
                    input.pooled(pools.ips, a.signupIP[i]), String(data.queries.queryCount(of: i)), String(inTokens),
                    String(outTokens), cluster.id, JSONValue.decimal(cluster.risk),
                    JSONValue.decimal(input.investigation.accountRisk[i]), input.labels(ofAccount: i).joined(separator: ";"),
                ]
            )
        }
        for exact in input.missingAccounts {
            let id = exact.fileText
            var cells = [String](repeating: "", count: header.count)
            cells[0] = id
            cells[1] = "false"
            cells[header.count - 1] = input.snapshot.labels(of: .account, exact).joined(separator: ";")
            rows.append((id, cells))
        }
        for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { table.append(cells) }
        return (
            BundleFile(path: "accounts.csv", bytes: table.bytes, records: table.recordCount),
            fetched.map(\.unreadable) ?? input.accounts.count
        )
    }

    /// The proposed action and its reason for one account's labels.
    static func proposal(labels: [String], status: CaseStatus, risk: Double) -> (String, String) {
        let set = Set(labels)
        let tagText = labels.isEmpty ? "untagged" : "tags " + labels.joined(separator: ";")
        let riskText = "risk " + JSONValue.decimal(risk)
        if set.contains("benign") { return ("none", "\(tagText); marked benign") }
        if status == .dismissed { return ("none", "\(tagText); case dismissed") }
        if set.contains("ring-member") || set.contains("ring-infrastructure") || set.contains("escalated") {
            let action = status == .confirmed || status == .closed ? "ban" : "suspend"
            return (action, "\(tagText); case \(status.rawValue); \(riskText)")
        }
        if set.contains("decoy") { return ("monitor", "\(tagText); decoy kept live for observation") }
        return ("review", "\(tagText); \(riskText)")
    }

    static func enforcement(_ input: BundleInput) -> BundleFile {
        var table = CSVTable(header: ["account_id", "proposed_action", "reason"])
        var rows: [(String, [String])] = input.accounts.map { exact, i in
            let id = exact.fileText
            let (action, reason) = proposal(
                labels: input.labels(ofAccount: i), status: input.snapshot.info.status,
                risk: input.investigation.accountRisk[i])
            return (id, [id, action, reason])
        }
        for exact in input.missingAccounts {
            let id = exact.fileText
            let (action, reason) = proposal(
                labels: input.snapshot.labels(of: .account, exact),
                status: input.snapshot.info.status, risk: 0)
            rows.append((id, [id, action, reason + "; not in the exported source"]))
        }
        for (_, cells) in rows.sorted(by: { $0.0 < $1.0 }) { table.append(cells) }
        return BundleFile(path: "enforcement.csv", bytes: table.bytes, records: table.recordCount)
    }
}
