/// Re-reads full query rows (prompt and extra keys included) from their files, by the line
/// number each row stored at load time. A file is streamed once per request up to the last row
/// wanted from it.
public struct QueryRowFetcher {
    /// The loaded data whose rows are fetched.
    public let data: CaseData

    /// Creates a fetcher.
    public init(data: CaseData) { self.data = data }

    /// The full rows, each as (column, value) pairs in schema order then extras; values are
    /// decoded strings, or raw JSON text for numbers and nested values (`isRaw`). Known columns
    /// carry their schema name (lowercase) whatever the file's spelling. A row whose line is no
    /// longer in its file, or now holds another row (the file changed since the load: its time,
    /// account or an identifying value differs, `QueryRowIdentity`), comes back empty; one that no longer parses as a single `error` pair.
    public func rows(_ rows: [Int]) throws -> [[(key: String, value: String, isRaw: Bool)]] {
        try exactRows(rows).map { pairs in pairs.map { ($0.key, String(decoding: $0.value, as: UTF8.self), $0.isRaw) } }
    }

    /// The same rows with every value as the exact bytes of the source (JSON string escapes
    /// decoded, nothing repaired): what machine-readable exports write.
    public func exactRows(_ rows: [Int]) throws -> [[(key: String, value: [UInt8], isRaw: Bool)]] {
        var byFile: [Int: [(line: Int, position: Int)]] = [:]
        for (position, row) in rows.enumerated() {
            let source = data.queries.source(ofRow: row)
            byFile[source.file, default: []].append((source.line, position))
        }
        var out = [[(key: String, value: [UInt8], isRaw: Bool)]](repeating: [], count: rows.count)
        let fields = RecordFields(slotCount: QueryLoader.schema.columns.count)
        for (file, wanted) in byFile {
            let path = data.queries.files[file]
            let (lines, header) = try SourceRecords.readWithHeader(path: path, lines: wanted.map(\.line))
            for entry in wanted {
                guard let line = lines[entry.line] else { continue }
                let pairs = decode(line, csvHeader: header, fields: fields)
                if isSameRow(pairs, rows[entry.position]) { out[entry.position] = pairs }
            }
        }
        return out
    }

    /// Calls `body` with each row of `rows` and its full fields (as `exactRows(_:)` gives them), in
    /// the order given, reading `batchSize` rows at a time: memory stays bounded by a batch
    /// whatever the number of rows, and each file is read once when the rows come in file
    /// order (a file is read again from its start only when a batch needs a line behind the
    /// last one read).
    public func forEachRow(
        _ rows: [Int], batchSize: Int = 4096,
        _ body: (_ row: Int, _ fields: [(key: String, value: [UInt8], isRaw: Bool)]) throws -> Void
    ) throws {
        var cursors: [Int: RecordCursor] = [:]
        let fields = RecordFields(slotCount: QueryLoader.schema.columns.count)
        let size = Self.batchSize(for: rows, preferred: batchSize, source: data.queries.source(ofRow:))
        var batchStart = 0
        while batchStart < rows.count {
            let batch = rows[batchStart..<min(rows.count, batchStart + size)]
            var byFile: [Int: [(line: Int, position: Int)]] = [:]
            for (position, row) in zip(batch.indices, batch) {
                let source = data.queries.source(ofRow: row)
                byFile[source.file, default: []].append((source.line, position))
            }
            var out: [Int: [(key: String, value: [UInt8], isRaw: Bool)]] = [:]
            for (file, wanted) in byFile {
                let lines = Array(Set(wanted.map(\.line))).sorted()
                var cursor = cursors[file]
                if cursor == nil || lines[0] < cursor!.nextLine {
                    cursor = try RecordCursor(path: data.queries.files[file])
                    cursors[file] = cursor
                }
                let records = try cursor!.read(lines: lines.filter { $0 >= cursor!.nextLine })
                for entry in wanted {
                    guard let line = records[entry.line] else { continue }
                    let pairs = decode(line, csvHeader: cursor!.csvHeader, fields: fields)
                    if isSameRow(pairs, rows[entry.position]) { out[entry.position] = pairs }
                }
            }
            for position in batch.indices { try body(rows[position], out[position] ?? []) }
            batchStart = batch.endIndex
        }
    }

    /// Rows per batch: `preferred` when the rows come in file order (each file is then read once),
    /// else larger, `outOfOrderBatch`: a file out of time order (a hostile one, or an export
    /// sorted otherwise) sends every batch back to the file's start, so 900,000 rows in batches
    /// of 4,096 read the file 220 times; in batches of 65,536, 14 times, holding a batch's rows
    /// (tens of MB) at once.
    static func batchSize(for rows: [Int], preferred: Int, source: (Int) -> (file: Int, line: Int)) -> Int {
        let preferred = max(1, preferred)
        guard rows.count > preferred else { return preferred }
        var last = (file: -1, line: -1)
        for row in rows {
            let here = source(row)
            if here.file < last.file || (here.file == last.file && here.line < last.line) {
                return max(preferred, outOfOrderBatch)
            }
            last = here
        }
        return preferred
    }

    /// Rows per batch when the rows do not come in file order.
    static let outOfOrderBatch = 65_536

    /// False when the line read holds another row than the one loaded from it (`QueryRowIdentity`:
    /// its time, account or identifying values differ); a line that no longer parses (a lone
    /// `error` pair) is left to the caller.
    private func isSameRow(_ pairs: [(key: String, value: [UInt8], isRaw: Bool)], _ row: Int) -> Bool {
        if pairs.count == 1 && pairs[0].key == "error" { return true }
        return QueryRowIdentity.matches(pairs, row: row, data: data)
    }

    private func decode(_ line: [UInt8], csvHeader: [UInt8]?, fields: RecordFields) -> [(key: String, value: [UInt8], isRaw: Bool)] {
        // A schema column's value written bare in a JSON line (a number, a literal) is raw JSON
        // text; a JSON string, a CSV cell and an extra key's value are not.
        SourceRecords.fields(of: line, csvHeader: csvHeader, schema: QueryLoader.schema, scratch: fields).map { pair in
            (pair.key, pair.value, csvHeader == nil && !pair.isError && pair.isBareJSON)
        }
    }
}
