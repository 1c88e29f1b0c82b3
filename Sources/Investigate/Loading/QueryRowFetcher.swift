#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// longer in its file, or now holds another row (the file changed since the load: its time or
    /// account differs), comes back empty; one that no longer parses as a single `error` pair.
    public func rows(_ rows: [Int]) throws -> [[(key: String, value: String, isRaw: Bool)]] {
        var byFile: [Int: [(line: Int, position: Int)]] = [:]
        for (position, row) in rows.enumerated() {
            let source = data.queries.source(ofRow: row)
            byFile[source.file, default: []].append((source.line, position))
        }
        var out = [[(key: String, value: String, isRaw: Bool)]](repeating: [], count: rows.count)
        let fields = RecordFields(slotCount: QueryLoader.schema.columns.count)
        for (file, wanted) in byFile {
            let path = data.queries.files[file]
            let lines = try readLines(path: path, numbers: wanted.map(\.line).sorted())
            let header = TableFormat.of(path: path) == .csv ? try readLines(path: path, numbers: [1])[1] : nil
            for entry in wanted {
                guard let line = lines[entry.line] else { continue }
                let pairs = decode(line, csvHeader: header ?? nil, fields: fields)
                if isSameRow(pairs, rows[entry.position]) { out[entry.position] = pairs }
            }
        }
        return out
    }

    /// False when the line read holds a different time or account than the row loaded from it.
    private func isSameRow(_ pairs: [(key: String, value: String, isRaw: Bool)], _ row: Int) -> Bool {
        if pairs.count == 1 && pairs[0].key == "error" { return true }
        guard var time = pairs.first(where: { $0.key == "ts" })?.value,
            var account = pairs.first(where: { $0.key == "account_id" })?.value
        else { return false }
        let millis = time.withUTF8 { Timestamp.parseMillis(FieldParsing.trim(UnsafeRawBufferPointer($0))) }
        let id = account.withUTF8 { String(decoding: FieldParsing.trim(UnsafeRawBufferPointer($0)), as: UTF8.self) }
        return millis == data.queries.timestamp(row) && id == data.accountID(data.queries.account(ofRow: row))
    }

    private func decode(_ line: [UInt8], csvHeader: [UInt8]?, fields: RecordFields) -> [(key: String, value: String, isRaw: Bool)] {
        let schema = QueryLoader.schema
        if let csvHeader {
            var names: [String] = []
            let headerBytes = csvHeader.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(csvHeader.dropFirst(3)) : csvHeader
            _ = CSVRecordReader.split(headerBytes) { bytes, _ in names.append(String(decoding: bytes, as: UTF8.self)) }
            var values: [String] = []
            _ = CSVRecordReader.split(line) { bytes, _ in values.append(String(decoding: bytes, as: UTF8.self)) }
            return zip(names, values).map { name, value in
                let trimmed = name.trimmingSpaces()
                return (schema.slot(of: trimmed).map { schema.columns[$0] } ?? trimmed, value, false)
            }
        }
        // Unescaped values point into the line: read them inside the closure that lends it.
        return line.withUnsafeBytes { raw -> [(key: String, value: String, isRaw: Bool)] in
            if let failure = JSONLineParser(schema: schema).parse(dropByteOrderMark(raw), into: fields) {
                return [("error", failure, false)]
            }
            var pairs: [(key: String, value: String, isRaw: Bool)] = []
            for (slot, name) in schema.columns.enumerated() where fields.has(slot) {
                let value = String(decoding: fields.bytes(slot), as: UTF8.self)
                let numeric = name.hasSuffix("_tokens") && FieldParsing.unsignedInteger(fields.bytes(slot)) != nil
                pairs.append((name, value, numeric))
            }
            fields.forEachExtra { name, value in
                pairs.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self), false))
            }
            return pairs
        }
    }

    /// Reads the record starting on each line number (to its end: a newline outside quotes).
    private func readLines(path: String, numbers: [Int]) throws -> [Int: [UInt8]] {
        guard !numbers.isEmpty else { return [:] }
        var result: [Int: [UInt8]] = [:]
        let source = try openByteSource(path: path)
        let reader = LineReader(source: source, blockSize: 1 << 20)
        let csv = TableFormat.of(path: path) == .csv
        var next = 0
        var pending: [UInt8]? = nil
        var pendingNumber = 0
        var inQuotes = false
        try reader.forEachLine { line in
            if var record = pending {
                record.append(0x0A)
                record.append(contentsOf: line.bytes)
                if CSVRecordReader.quoteCount(line.bytes) & 1 == 1 { inQuotes.toggle() }
                if inQuotes { pending = record; return true }
                result[pendingNumber] = record
                pending = nil
                return next < numbers.count
            }
            while next < numbers.count && numbers[next] < line.number { next += 1 }
            guard next < numbers.count else { return false }
            if numbers[next] == line.number {
                let bytes = Array(line.bytes)
                inQuotes = CSVRecordReader.quoteCount(line.bytes) & 1 == 1
                if inQuotes && csv {
                    pending = bytes
                    pendingNumber = line.number
                } else {
                    result[line.number] = bytes
                }
                next += 1
            }
            return true
        }
        if let pending { result[pendingNumber] = pending }
        return result
    }
}
