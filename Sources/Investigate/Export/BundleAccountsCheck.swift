/// `accounts.csv` held to the replayed case (`BundleCaseFacts`): one row per case account, by
/// exact bytes (`account_id_b64`, with `account_id` its text), sorted, none more, none fewer,
/// none twice; and each row's `tags` between the account's own labels and those plus its
/// cluster's tags (which of a case's cluster tags hold depends on the source, which the bundle
/// does not carry). What it read is kept for the files checked after it (`enforcement.csv`,
/// `case.json`).
struct BundleAccountsCheck {
    /// One account's row, as the checks after this one need it.
    struct Row {
        var inSource: Bool
        /// The labels of the `tags` cell, sorted (checked against the trail).
        var labels: [String]
        /// The `risk` cell as written (`JSONValue.decimal`), "" when not in the source.
        var risk: String
        /// The `status` cell (the source's account status).
        var status: String
        /// The `tags` and `cluster` cells as written (`graph.graphml` repeats them).
        var tags = ""
        var cluster = ""
        /// The `cluster_risk` cell as written (`JSONValue.decimal`).
        var clusterRisk = ""
        /// The `signup_ip` cell (`stix21.json` names the address).
        var signupIP = ""
        /// The row's number in the file, and its `queries`, `input_tokens` and `output_tokens`
        /// cells (`BundleQueryTotalsCheck` holds them to `queries.jsonl`).
        var row = 0
        var queries = ""
        var inputTokens = ""
        var outputTokens = ""
        /// The exact values of the columns that are link values (`linkColumns`: the cell, or
        /// its `non_utf8_b64` member), by kind; a kind is absent when its cell is empty.
        var linkValues: [LinkKind: ExactText] = [:]
    }

    /// The rows read, by account; empty when the file could not be read.
    private(set) var rows: [ExactText: Row] = [:]
    /// The case accounts the file says are not in the exported source, sorted.
    private(set) var notInSource: [ExactText] = []
    /// What differs, one line each.
    private(set) var problems: [String] = []

    static let file = "accounts.csv"

    /// Checks the file's bytes against `facts`; with `extrasRedacted` (the manifest lists `extra`
    /// as redacted), each row's `extra` cell must hold only pseudonyms (`ExtraPseudonymCheck`), its
    /// key names too with `keysRedacted`.
    init(_ bytes: [UInt8], _ facts: BundleCaseFacts, extrasRedacted: Bool = false, keysRedacted: Bool = false) {
        let table: BundleCSVRows
        do { table = try BundleCSVRows(bytes, header: AccountsCSVFile.header, file: Self.file) } catch {
            problems.append("\(error)")
            return
        }
        let column = Dictionary(uniqueKeysWithValues: AccountsCSVFile.header.enumerated().map { ($1, $0) })
        var named: [(row: Int, id: ExactText)] = []
        for i in table.rows.indices {
            let id: ExactText
            do { id = try table.accountID(row: i, file: Self.file) } catch {
                problems.append("\(error)")
                continue
            }
            named.append((i + 1, id))
            let cells = table.rows[i]
            let where_ = "\(Self.file): row \(i + 1) (account \(BundleCaseFacts.shown(id)))"
            let inSource = cells[column["in_source"]!]
            guard inSource == "true" || inSource == "false" else {
                problems.append("\(where_): in_source is neither true nor false")
                continue
            }
            if extrasRedacted, let problem = Self.extraProblem(cells[column["extra"]!], keys: keysRedacted) { problems.append("\(where_) \(problem)") }
            let cluster = cells[column["cluster"]!]
            let most = inSource == "true" ? facts.labelBound.labels(ofAccountID: id, inCluster: cluster) : facts.ownLabels(id)
            let labels = Self.labels(cells[column["tags"]!], vocabulary: most)
            if facts.accountSet.contains(id), let problem = Self.labelProblem(labels, own: facts.ownLabels(id), most: most) {
                problems.append("\(where_): \(problem)")
            }
            if inSource == "false" {
                let filled = cells.indices.filter { ![0, 1, column["in_source"]!, column["tags"]!].contains($0) && !cells[$0].isEmpty }
                if let first = filled.first {
                    problems.append("\(where_): not in the source, yet its \(AccountsCSVFile.header[first]) is filled")
                }
                notInSource.append(id)
            }
            rows[id] = Row(
                inSource: inSource == "true", labels: labels.sorted(), risk: cells[column["risk"]!], status: cells[column["status"]!],
                tags: cells[column["tags"]!], cluster: cluster, clusterRisk: cells[column["cluster_risk"]!],
                signupIP: cells[column["signup_ip"]!], row: i + 1, queries: cells[column["queries"]!],
                inputTokens: cells[column["input_tokens"]!], outputTokens: cells[column["output_tokens"]!],
                linkValues: Self.linkColumns.reduce(into: [:]) { $0[$1.kind] = Self.exact($1.column, cells, column) })
        }
        problems += facts.differences(named, file: Self.file)
        if named.map(\.id) != named.map(\.id).sorted(), problems.isEmpty {
            problems.append("\(Self.file): rows are not in the exporter's order (by account id bytes)")
        }
    }

    /// Why a redacted bundle's `extra` cell is not the exporter's (`ExtraPseudonymCheck`), or
    /// nil: empty (no extra column) or a JSON object of pseudonyms.
    static func extraProblem(_ cell: String, keys: Bool) -> String? {
        guard !cell.isEmpty else { return nil }
        guard let json = try? JSONValue.parse(Array(cell.utf8)) else { return "extra is not JSON" }
        return ExtraPseudonymCheck.firstClear(ofExtraObject: json, keys: keys).map(ExtraPseudonymCheck.problem)
    }

    /// The columns whose value is a link value of the account (`LinkPairs`): its only
    /// `email_domain` and `org`, and one of its `payment` and `ip` values (the payments file and
    /// query IPs add others).
    static let linkColumns: [(kind: LinkKind, column: String)] = [
        (.emailDomain, "email_domain"), (.org, "org_id"), (.payment, "payment_fingerprint"), (.ip, "signup_ip"),
    ]

    /// A value column's exact bytes: its cell, or when that is empty its member of the row's
    /// `non_utf8_b64` object; nil when neither holds one.
    static func exact(_ name: String, _ cells: [String], _ column: [String: Int]) -> ExactText? {
        let cell = cells[column[name]!]
        if !cell.isEmpty { return ExactText(cell) }
        guard let json = try? JSONValue.parse(Array(cells[column["non_utf8_b64"]!].utf8)),
            let b64 = json[name]?.stringValue, let bytes = ExactText(base64: b64), !bytes.bytes.isEmpty
        else { return nil }
        return bytes
    }

    /// The labels of a `tags` cell (labels joined by `;`): a label of `vocabulary` (which may
    /// hold a `;` itself) where one starts, else the text up to the next `;`.
    static func labels(_ cell: String, vocabulary: [String]) -> [String] {
        guard !cell.isEmpty else { return [] }
        let known = vocabulary.sorted { $0.utf8.count > $1.utf8.count }
        var out: [String] = []
        var rest = Substring(cell)
        while true {
            let label: String =
                known.first { rest.hasPrefix($0) && (rest.count == $0.count || rest.dropFirst($0.count).hasPrefix(";")) }
                ?? String(rest.prefix { $0 != ";" })
            out.append(label)
            rest = rest.dropFirst(label.count)
            guard rest.hasPrefix(";") else { return out }
            rest = rest.dropFirst()
        }
    }

    /// Why a row's labels are not ones the trail gives the account, or nil: at least its `own`
    /// labels, at most `most` (an account not in the source: exactly its own).
    static func labelProblem(_ labels: [String], own ownList: [String], most mostList: [String]) -> String? {
        let have = Set(labels), own = Set(ownList), most = Set(mostList)
        func list(_ set: Set<String>) -> String { set.sorted().map { TextEscaping.visible($0, limit: 60) }.joined(separator: ";") }
        if labels.count != have.count { return "tags repeat a label" }
        if labels != labels.sorted() { return "tags are not in the exporter's order" }
        if !own.isSubset(of: have) { return "tags lack \(list(own.subtracting(have))), which the audit trail tags it with" }
        if !have.isSubset(of: most) { return "tags hold \(list(have.subtracting(most))), which the audit trail does not give it" }
        return nil
    }
}
