/// The per-row text the engine does not keep in memory (prompt, prompt fingerprint, extra
/// keys), re-read from the source files for a set of query rows, as exact bytes.
///
/// Rows are found again by their line number (`QueryTable.line`) through `QueryRowFetcher`.
struct QueryRecords {
    /// What was re-read for one row.
    struct Text {
        var prompt: ExactText?
        var fingerprint: ExactText?
        var extras: [String: ExactText] = [:]
    }

    /// Row -> text.
    private(set) var byRow: [Int: Text] = [:]
    /// Rows whose line could not be found again (the file changed since the load).
    private(set) var unreadable = 0

    /// Re-reads the rows through `QueryRowFetcher` (one pass per file, only the wanted lines parsed).
    init(data: CaseData, rows: [Int]) {
        let schema = QueryLoader.schema
        guard let fetched = try? QueryRowFetcher(data: data).exactRows(rows) else {
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
                case "prompt": text.prompt = ExactText(bytes: pair.value)
                case "prompt_fingerprint": text.fingerprint = ExactText(bytes: pair.value)
                default: if schema.slot(of: pair.key) == nil { text.extras[pair.key] = ExactText(bytes: pair.value) }
                }
            }
            byRow[row] = text
        }
    }
}

/// `queries.jsonl`: the query history of case accounts only, oldest first per account. Every
/// value is the source's exact value: a JSON string (`\u`-escaped where JSON needs it) when it
/// is valid UTF-8, else `{"b64": "..."}`; prompts are whole and unescaped, or, under
/// `--redact`, replaced by keyed-hash pseudonyms.
enum QueriesFile {
    static func render(_ input: BundleInput) -> (BundleFile, unreadable: Int) {
        let data = input.data
        let q = data.queries
        let pools = data.pools
        let rows = input.accounts.flatMap { q.rows(of: $0.index) }
        let records = QueryRecords(data: data, rows: rows)
        var out = ""
        var count = 0
        func text(_ pool: StringPool, _ id: Int32) -> JSONValue { id < 0 ? .null : ExactText(bytes: pool.bytes(id)).jsonValue }
        for (id, account) in input.accounts {
            for row in q.rows(of: account) {
                let c = Int(q.context[row])
                let extra = records.byRow[row]
                var prompt: JSONValue = .null
                if let raw = extra?.prompt {
                    prompt = input.redactor.map { .string($0.pseudonym("prompt", raw)) } ?? raw.jsonValue
                }
                var object: [String: JSONValue] = [
                    "account_id": id.jsonValue, "ts": .string(Timestamp.format(millis: q.timestamp(row))),
                    "api_key": text(pools.apiKeys, q.contexts.apiKey[c]), "ip": text(pools.ips, q.contexts.ip[c]),
                    "asn": text(pools.asns, q.contexts.asn[c]),
                    "user_agent": text(pools.userAgents, q.contexts.userAgent[c]),
                    "model": text(pools.models, q.contexts.model[c]),
                    "input_tokens": .int(Int64(q.inputTokens(row))), "output_tokens": .int(Int64(q.outputTokens(row))),
                    "category": text(pools.categories, q.category(row)), "prompt": prompt,
                    "prompt_fingerprint": extra?.fingerprint?.jsonValue ?? .null,
                ]
                if let extras = extra?.extras, !extras.isEmpty {
                    object["extra"] = .object(extras.mapValues(\.jsonValue))
                }
                out += JSONValue.object(object).canonical + "\n"
                count += 1
            }
        }
        return (BundleFile(path: "queries.jsonl", bytes: Array(out.utf8), records: count), records.unreadable)
    }
}
