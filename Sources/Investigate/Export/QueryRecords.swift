/// The per-row text the engine does not keep in memory (prompt, prompt fingerprint, extra
/// keys), re-read from the source files for a set of query rows.
///
/// Rows are found again by their line number (`QueryTable.line`) through `QueryRowFetcher`.
struct QueryRecords {
    /// What was re-read for one row.
    struct Text {
        var prompt: String?
        var fingerprint: String?
        var extras: [String: String] = [:]
    }

    /// Row -> text.
    private(set) var byRow: [Int: Text] = [:]
    /// Rows whose line could not be found again (the file changed since the load).
    private(set) var unreadable = 0

    /// Re-reads the rows through `QueryRowFetcher` (one pass per file, only the wanted lines parsed).
    init(data: CaseData, rows: [Int]) {
        let schema = QueryLoader.schema
        guard let fetched = try? QueryRowFetcher(data: data).rows(rows) else {
            unreadable = rows.count
            return
        }
        for (row, pairs) in zip(rows, fetched) {
            guard !pairs.isEmpty, pairs.first?.key != "error" else {
                unreadable += 1
                continue
            }
            var text = Text()
            for pair in pairs where !pair.value.isEmpty {
                switch pair.key {
                case "prompt": text.prompt = pair.value
                case "prompt_fingerprint": text.fingerprint = pair.value
                default: if schema.slot(of: pair.key) == nil { text.extras[pair.key] = pair.value }
                }
            }
            byRow[row] = text
        }
    }
}

/// `queries.jsonl`: the query history of case accounts only, oldest first per account, with
/// prompts sanitised (control and bidi characters made visible, at most 4 KiB) or, under
/// `--redact`, replaced by keyed-hash pseudonyms.
enum QueriesFile {
    static let promptLimit = 4096

    static func render(_ input: BundleInput) -> (BundleFile, unreadable: Int) {
        let data = input.data
        let q = data.queries
        let pools = data.pools
        let rows = input.accounts.flatMap { q.rows(of: $0.index) }
        let records = QueryRecords(data: data, rows: rows)
        var out = ""
        var count = 0
        func text(_ pool: StringPool, _ id: Int32) -> JSONValue { id < 0 ? .null : .string(pool.string(id)) }
        for (id, account) in input.accounts {
            for row in q.rows(of: account) {
                let c = Int(q.context[row])
                let extra = records.byRow[row]
                var prompt: JSONValue = .null
                if let raw = extra?.prompt {
                    prompt = .string(
                        input.redactor?.pseudonym("prompt", raw)
                            ?? TextEscaping.visible(raw, limit: promptLimit))
                }
                var object: [String: JSONValue] = [
                    "account_id": .string(id.fileText), "ts": .string(Timestamp.format(millis: q.timestamp(row))),
                    "api_key": text(pools.apiKeys, q.contexts.apiKey[c]), "ip": text(pools.ips, q.contexts.ip[c]),
                    "asn": text(pools.asns, q.contexts.asn[c]),
                    "user_agent": text(pools.userAgents, q.contexts.userAgent[c]),
                    "model": text(pools.models, q.contexts.model[c]),
                    "input_tokens": .int(Int64(q.inputTokens(row))), "output_tokens": .int(Int64(q.outputTokens(row))),
                    "category": text(pools.categories, q.category(row)), "prompt": prompt,
                    "prompt_fingerprint": .optional(extra?.fingerprint),
                ]
                if let extras = extra?.extras, !extras.isEmpty {
                    object["extra"] = .object(extras.mapValues { .string(TextEscaping.visible($0, limit: promptLimit)) })
                }
                out += JSONValue.object(object).canonical + "\n"
                count += 1
            }
        }
        return (BundleFile(path: "queries.jsonl", bytes: Array(out.utf8), records: count), records.unreadable)
    }
}
