/// Reads chosen records of a source file again, by the line each starts on, and splits them
/// into named fields. Used for what the engine does not keep in memory: full query rows
/// (prompts, extra keys) and account emails.
enum SourceRecords {
    /// The record starting on each line number (to its end: a newline outside quotes, for CSV).
    static func read(path: String, lines numbers: [Int]) throws -> [Int: [UInt8]] {
        guard !numbers.isEmpty else { return [:] }
        var result: [Int: [UInt8]] = [:]
        let source = try openByteSource(path: path)
        let reader = LineReader(source: source, blockSize: 1 << 20)
        let csv = TableFormat.of(path: path) == .csv
        var next = 0
        var pending: [UInt8]? = nil
        var pendingNumber = 0
        var inQuotes = false
        var pendingCR = false
        try reader.forEachLine { line in
            if var record = pending {
                // Inside quotes the line break is data: put back the terminator as it was.
                if pendingCR { record.append(0x0D) }
                record.append(0x0A)
                record.append(contentsOf: line.bytes)
                pendingCR = line.droppedCR
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
                    pendingCR = line.droppedCR
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

    /// The records starting on the given lines and, for a CSV file, its header line (nil for
    /// JSON lines), read in one pass.
    static func readWithHeader(path: String, lines numbers: [Int]) throws -> (records: [Int: [UInt8]], csvHeader: [UInt8]?) {
        let csv = TableFormat.of(path: path) == .csv
        let wanted = Array(Set(numbers + (csv ? [1] : []))).sorted()
        let records = try read(path: path, lines: wanted)
        return (records, csv ? records[1] : nil)
    }

    /// A record's fields as (column, raw value) pairs: schema columns under their schema name
    /// (in schema order for JSON, file order for CSV), then other keys. A JSON line that no
    /// longer parses is one `error` pair (`isError`).
    static func fields(
        of record: [UInt8], csvHeader: [UInt8]?, schema: TableSchema, scratch fields: RecordFields
    ) -> [(key: String, value: [UInt8], isError: Bool)] {
        if let csvHeader {
            var names: [String] = []
            let headerBytes = csvHeader.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(csvHeader.dropFirst(3)) : csvHeader
            _ = CSVRecordReader.split(headerBytes) { bytes, _ in names.append(String(decoding: bytes, as: UTF8.self)) }
            var values: [[UInt8]] = []
            _ = CSVRecordReader.split(record) { bytes, _ in values.append(Array(bytes)) }
            return zip(names, values).map { name, value in
                let trimmed = name.trimmingSpaces()
                return (schema.slot(of: trimmed).map { schema.columns[$0] } ?? trimmed, value, false)
            }
        }
        // Unescaped values point into the line: read them inside the closure that lends it.
        return record.withUnsafeBytes { raw -> [(key: String, value: [UInt8], isError: Bool)] in
            if let failure = JSONLineParser(schema: schema).parse(dropByteOrderMark(raw), into: fields) {
                return [("error", Array(failure.utf8), true)]
            }
            var pairs: [(key: String, value: [UInt8], isError: Bool)] = []
            for (slot, name) in schema.columns.enumerated() where fields.has(slot) {
                pairs.append((name, Array(fields.bytes(slot)), false))
            }
            fields.forEachExtra { name, value in
                pairs.append((String(decoding: name, as: UTF8.self), Array(value), false))
            }
            return pairs
        }
    }
}
