/// The per-row text the engine does not keep in memory (prompt, prompt fingerprint, extra
/// keys), re-read from the source files for a set of query rows, as exact bytes.
///
/// Rows are found again by their line number (`QueryTable.line`) through `QueryRowFetcher`.
struct QueryRecords {
    /// What was re-read for one row.
    struct Text {
        var prompt: ExactText?
        var fingerprint: ExactText?
        /// The row's other keys: each value's exact bytes, and whether it was a bare JSON value
        /// (a number, `true`, `null`, an object) rather than a string.
        var extras: [String: (value: ExactText, isRaw: Bool)] = [:]
        /// Every schema column the row holds, by its column name, as the source wrote it: its
        /// exact bytes, and whether they were a bare JSON value (a number, `true`, `null`)
        /// rather than a string.
        var columns: [String: (bytes: [UInt8], isRaw: Bool)] = [:]
        /// True when the row was read from a JSON line (where a string and a number differ),
        /// false for a CSV record (where every value is text).
        var fromJSON = false
    }

    /// Row -> text.
    private(set) var byRow: [Int: Text] = [:]
    /// Rows whose line could not be found again (the file changed since the load), by the
    /// index of their query file (`QueryTable.files`).
    private(set) var unreadableByFile: [Int: Int] = [:]
    /// Rows whose line could not be found again, in all.
    var unreadable: Int { unreadableByFile.values.reduce(0, +) }
    /// Rows that give an extra key twice (`{"x":1,"x":2}`): the last value is kept.
    private(set) var keysGivenTwice = 0

    /// Re-reads the rows through `QueryRowFetcher` (one pass per file, only the wanted lines parsed).
    init(data: CaseData, rows: [Int]) {
        let schema = QueryLoader.schema
        guard let fetched = try? QueryRowFetcher(data: data).exactRows(rows) else {
            for row in rows { unreadableByFile[data.queries.source(ofRow: row).file, default: 0] += 1 }
            return
        }
        for (row, pairs) in zip(rows, fetched) {
            guard !pairs.isEmpty, pairs.first?.key != "error" else {
                unreadableByFile[data.queries.source(ofRow: row).file, default: 0] += 1
                continue
            }
            var text = Text()
            var twice = false
            text.fromJSON = TableFormat.of(path: data.queries.files[data.queries.source(ofRow: row).file]) == .jsonl
            for pair in pairs {
                if let slot = schema.slot(of: pair.key) {
                    text.columns[schema.columns[slot]] = (pair.value, pair.isRaw)
                }
                switch pair.key {
                case "prompt": if !pair.value.isEmpty { text.prompt = ExactText(bytes: pair.value) }
                case "prompt_fingerprint": if !pair.value.isEmpty { text.fingerprint = ExactText(bytes: pair.value) }
                // An extra column's empty cell is a value too (a trial's empty `request_id` vanished).
                default:
                    guard schema.slot(of: pair.key) == nil else { break }
                    if text.extras[pair.key] != nil { twice = true }
                    text.extras[pair.key] = (ExactText(bytes: pair.value), pair.isRaw)
                }
            }
            if twice { keysGivenTwice += 1 }
            byRow[row] = text
        }
    }
}

extension QueryRecords.Text {
    /// A column's value as the source wrote it: a string of its exact bytes; a bare JSON
    /// `null`, `true` or `false` as itself; a bare number as its text; a column the row does
    /// not hold, nil (the file says nothing, and neither does the bundle).
    func exact(_ column: String) -> JSONValue? {
        guard let (bytes, isRaw) = columns[column] else { return nil }
        if isRaw {
            switch bytes {
            case Array("null".utf8): return .null
            case Array("true".utf8): return .bool(true)
            case Array("false".utf8): return .bool(false)
            default: break
            }
        }
        return ExactText(bytes: bytes).jsonValue
    }

    /// A token count (or an epoch time) as the source wrote it: a whole number written plainly
    /// (no sign, no leading zero, no spaces) as a JSON number, anything else as its exact text;
    /// nil when the row holds none. A JSON line's string stays a string (`"300"` is not `300`).
    func tokens(_ column: String) -> JSONValue? {
        guard let (bytes, isRaw) = columns[column] else { return nil }
        if fromJSON && !isRaw { return exact(column) }
        let plain = !bytes.isEmpty && bytes.count <= 18 && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
            && (bytes.count == 1 || bytes[0] != 48)
        if plain, let value = Int64(String(decoding: bytes, as: UTF8.self)) { return .int(value) }
        return exact(column)
    }
}

/// `queries.jsonl`: the query history of case accounts only, oldest first per account. Every
/// value is the source's exact value, read again from its row: a JSON string (`\u`-escaped
/// where JSON needs it) when it is valid UTF-8, else `{"b64": "..."}`; token counts as numbers
/// when written as plain whole numbers; a column the row lacks is null. Prompts are whole and
/// unescaped, or, under `--redact`, replaced by keyed-hash pseudonyms, as is every value of the
/// row's extra keys (`Redactor.extra`). `ts` is the time as the
/// row wrote it, `ts_utc` the instant the loader read (RFC 3339, UTC), and
/// `account_id` the case's id.
enum QueriesFile {
    static func render(_ input: BundleInput) -> (BundleFile, unreadableByFile: [Int: Int], keysGivenTwice: Int) {
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
                // The row as the source wrote it, when it was read again: values the loader
                // trimmed (`ua/1 `) or normalised (`AS 16509`) exactly as written, and a column
                // the row does not hold as null, never a made-up 0. A row that could not be read
                // again (counted as unreadable) stops the export (`SourceChangedSinceLoad`), so
                // the loaded values above never reach a bundle.
                if let extra {
                    // The time as written (an epoch number, an offset, a zone-less text), and the
                    // instant it was read as, in one format, beside it.
                    object["ts"] = extra.tokens("ts") ?? object["ts"]
                    object["ts_utc"] = .string(Timestamp.format(millis: q.timestamp(row)))
                    for column in ["api_key", "ip", "asn", "user_agent", "model", "category"] {
                        object[column] = extra.exact(column) ?? .null
                    }
                    object["input_tokens"] = extra.tokens("input_tokens") ?? .null
                    object["output_tokens"] = extra.tokens("output_tokens") ?? .null
                    if extra.columns["prompt"] != nil, extra.prompt == nil { object["prompt"] = extra.exact("prompt") ?? .null }
                    if extra.columns["prompt_fingerprint"] != nil, extra.fingerprint == nil {
                        object["prompt_fingerprint"] = extra.exact("prompt_fingerprint") ?? .null
                    }
                }
                if let extras = extra?.extras, !extras.isEmpty {
                    // Under `--redact` every extra value is pseudonymised, nested leaves too (`Redactor.extra`),
                    // and every key name (`Redactor.extraKeys`).
                    if let redactor = input.redactor {
                        object["extra"] = .object(redactor.extraKeys(extras.mapValues { redactor.extra($0.value, isRaw: $0.isRaw) }))
                    } else {
                        object["extra"] = .object(extras.mapValues { $0.value.jsonValue(isRaw: $0.isRaw) })
                    }
                }
                out += JSONValue.object(object).canonical + "\n"
                count += 1
            }
        }
        return (BundleFile(path: "queries.jsonl", bytes: Array(out.utf8), records: count), records.unreadableByFile, records.keysGivenTwice)
    }
}

extension ExactText {
    /// `self` as a JSON value of the type the source gave it: a bare JSON value (`isRaw`) that is
    /// valid JSON as written (`RawJSONCheck`), copied as is; anything else a string of its exact
    /// bytes (`{"b64": ...}` when not UTF-8).
    func jsonValue(isRaw: Bool) -> JSONValue {
        isRaw && RawJSONCheck.isValid(bytes) ? .raw(String(decoding: bytes, as: UTF8.self)) : jsonValue
    }
}
