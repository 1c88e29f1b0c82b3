#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Re-reads full query rows (prompt and extra keys included) from their files, by the location
/// each row stored at load time. Plain files are read with `pread`; gzip files are streamed
/// once per request up to the rows wanted.
public struct QueryRowFetcher {
    /// The loaded data whose rows are fetched.
    public let data: CaseData

    /// Creates a fetcher.
    public init(data: CaseData) { self.data = data }

    /// The full rows, each as (column, value) pairs in schema order then extras; values are
    /// decoded strings, or raw JSON text for numbers and nested values (`isRaw`). Known columns
    /// carry their schema name (lowercase) whatever the file's spelling. A row whose line is no
    /// longer in its file comes back empty; one that no longer parses as a single `error` pair.
    public func rows(_ rows: [Int]) throws -> [[(key: String, value: String, isRaw: Bool)]] {
        var byFile: [Int: [(offset: Int, position: Int)]] = [:]
        for (position, row) in rows.enumerated() {
            let location = data.queries.location[row]
            byFile[Int(location >> 48), default: []].append((Int(location & 0xFFFF_FFFF_FFFF), position))
        }
        var out = [[(key: String, value: String, isRaw: Bool)]](repeating: [], count: rows.count)
        let fields = RecordFields(slotCount: QueryLoader.schema.columns.count)
        for (file, wanted) in byFile {
            let path = data.queries.files[file]
            let lines = try readLines(path: path, offsets: wanted.map(\.offset).sorted())
            let header = TableFormat.of(path: path) == .csv ? try readLines(path: path, offsets: [0])[0] : nil
            for entry in wanted {
                guard let line = lines[entry.offset] else { continue }
                out[entry.position] = decode(line, csvHeader: header ?? nil, fields: fields)
            }
        }
        return out
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

    /// Reads the record starting at each offset (to its end: a newline outside quotes).
    private func readLines(path: String, offsets: [Int]) throws -> [Int: [UInt8]] {
        guard !offsets.isEmpty else { return [:] }
        var result: [Int: [UInt8]] = [:]
        let source = try openByteSource(path: path)
        let reader = LineReader(source: source, blockSize: 1 << 20)
        var next = 0
        var pending: [UInt8]? = nil
        var pendingOffset = 0
        var inQuotes = false
        try reader.forEachLine { line in
            if var record = pending {
                record.append(0x0A)
                record.append(contentsOf: line.bytes)
                if CSVRecordReader.quoteCount(line.bytes) & 1 == 1 { inQuotes.toggle() }
                if inQuotes { pending = record; return true }
                result[pendingOffset] = record
                pending = nil
                return next < offsets.count
            }
            while next < offsets.count && offsets[next] < line.offset { next += 1 }
            guard next < offsets.count else { return false }
            if offsets[next] == line.offset {
                let bytes = Array(line.bytes)
                inQuotes = CSVRecordReader.quoteCount(line.bytes) & 1 == 1
                if inQuotes && TableFormat.of(path: path) == .csv {
                    pending = bytes
                    pendingOffset = line.offset
                } else {
                    result[line.offset] = bytes
                }
                next += 1
            }
            return true
        }
        if let pending { result[pendingOffset] = pending }
        return result
    }
}
