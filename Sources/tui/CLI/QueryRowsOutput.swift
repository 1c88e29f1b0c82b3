import Investigate

/// What `queries` prints for an account's rows, each read again from its file: a line per
/// query (text) or every field of the row exactly (jsonl). A row whose line no longer holds
/// what was loaded from it (the file changed since the load) is not printed as a partial row
/// (the loaded time alone, no prompt): it is left out, counted by file, and once every row is
/// through the command fails with exit 4, naming the files and how many rows, as `export` does.
enum QueryRowsOutput {
    /// Prints `rows` of `data` through `emit`, a line each, as `format` says; only the rows
    /// `keep` takes, when given (it reads each row's fields as read again), and each text line led
    /// by its account's id when `showAccount`; a text line shows `width` characters of the prompt
    /// (0: all of it).
    /// - Throws: `CLIFailure` (code 4) after the last row when some could not be read again.
    static func write(
        _ rows: [Int], of data: CaseData, format: OutputFormat, showAccount: Bool = false, width: Int = 100,
        keep: ((_ row: Int, _ fields: [(key: String, value: [UInt8], isRaw: Bool)]) -> Bool)? = nil, emit: (String) -> Void
    ) throws {
        let q = data.queries
        var unreadable: [Int: Int] = [:]
        // Streamed: each batch of rows is printed as it is read (memory bounded by a batch).
        try QueryRowFetcher(data: data).forEachRow(rows) { row, fields in
            // Empty: the line holds another row or is gone; a lone `error`: it no longer parses.
            guard !fields.isEmpty, !(fields.count == 1 && fields[0].key == "error") else {
                unreadable[q.source(ofRow: row).file, default: 0] += 1
                return
            }
            guard keep?(row, fields) ?? true else { return }
            let account = showAccount && format == .text ? data.accountExactID(q.account(ofRow: row)).display + "\t" : ""
            emit(format == .text ? account + text(row, fields, q, width: width) : jsonl(row, fields, q))
        }
        let outcome = "they were not printed (every row printed was read again as loaded): run queries again"
        if let message = SourceChangedSinceLoad.message(queries: unreadable, data: data, outcome: outcome) {
            throw CLIFailure(message: message, code: 4)
        }
    }

    /// Time, token counts and the prompt cut to `width` characters (0: whole), made inert.
    private static func text(_ row: Int, _ fields: [(key: String, value: [UInt8], isRaw: Bool)], _ q: QueryTable, width: Int) -> String {
        let prompt = fields.first { $0.key == "prompt" }?.value ?? []
        // A row that gives no count (none, null, or one the loader kept as 0 with a
        // warning: `-4`, `true`) says so: a made-up 0 would read as a count.
        func count(_ key: String, _ loaded: UInt32) -> String {
            guard let field = fields.first(where: { $0.key == key }), TokenCountText.isCount(field.value) else { return "-" }
            return String(loaded)
        }
        let input = count("input_tokens", q.inputTokens(row)), output = count("output_tokens", q.outputTokens(row))
        return "\(Timestamp.format(millis: q.timestamp(row)))\tin \(input)\tout \(output)\t\(TextEscaping.visible(prompt, limit: width > 0 ? width : .max))"
    }

    /// Every field exactly: a JSON string when valid UTF-8, else `{"b64": ...}`; raw JSON values
    /// as written when they are JSON; `ts_utc`, the instant `ts` was read as.
    private static func jsonl(_ row: Int, _ fields: [(key: String, value: [UInt8], isRaw: Bool)], _ q: QueryTable) -> String {
        var object: [String: JSONOut] = [:]
        for field in fields {
            // Raw text the loader read leniently (`007`) is not JSON: printed as its exact text.
            object[field.key] =
                field.isRaw && RawJSONCheck.isValid(field.value)
                ? .raw(String(decoding: field.value, as: UTF8.self)) : .exact(ExactText(bytes: field.value))
        }
        // `ts` as the row wrote it (an epoch number, an offset); `ts_utc` the instant it was read as.
        object["ts_utc"] = .string(Timestamp.format(millis: q.timestamp(row)))
        return JSONOut.object(object).text
    }
}
