/// Reads chosen records of a source file again, by the line each starts on, and splits them
/// into named fields. Used for what the engine does not keep in memory: full query rows
/// (prompts, extra keys) and account emails.
enum SourceRecords {
    /// The record starting on each line number (to its end: a newline outside quotes, for CSV),
    /// in one forward pass; `numbers` in any order.
    static func read(path: String, lines numbers: [Int]) throws -> [Int: [UInt8]] {
        let wanted = Array(Set(numbers.filter { $0 >= 1 })).sorted()
        guard !wanted.isEmpty else { return [:] }
        return try RecordCursor(path: path, readingHeader: false).read(lines: wanted)
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
    /// longer parses is one `error` pair (`isError`). `isBareJSON`: a value of a JSON line that
    /// was not a JSON string (a number, `true`, an object; an extra key's `null` as `null`).
    static func fields(
        of record: [UInt8], csvHeader: [UInt8]?, schema: TableSchema, scratch fields: RecordFields
    ) -> [(key: String, value: [UInt8], isError: Bool, isBareJSON: Bool)] {
        if let csvHeader {
            var names: [String] = []
            let headerBytes = csvHeader.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(csvHeader.dropFirst(3)) : csvHeader
            _ = CSVRecordReader.split(headerBytes) { bytes, _ in names.append(FieldParsing.text(bytes)) }
            var values: [[UInt8]] = []
            _ = CSVRecordReader.split(record) { bytes, _ in values.append(ByteCompare.array(bytes)) }
            return zip(names, values).map { name, value in
                let trimmed = name.trimmingSpaces()
                return (schema.slot(of: trimmed).map { schema.columns[$0] } ?? trimmed, value, false, false)
            }
        }
        if let failure = JSONLineParser(schema: schema).parse(dropByteOrderMark(record[...]), into: fields) {
            return [("error", Array(failure.utf8), true, false)]
        }
        var pairs: [(key: String, value: [UInt8], isError: Bool, isBareJSON: Bool)] = []
        for (slot, name) in schema.columns.enumerated() where fields.has(slot) {
            pairs.append((name, fields.bytes(slot), false, !fields.wasJSONString(slot)))
        }
        // An extra's JSON type is kept: a bare value (a number, `true`, an object) as written,
        // `null` as itself (a trial's `5`, `true` and `null` came out as "5", "true" and "").
        fields.forEachTypedExtra { name, value, kind in
            let bytes = kind == .null ? Array("null".utf8) : ByteCompare.array(value)
            pairs.append((FieldParsing.text(name), bytes, false, kind != .text))
        }
        return pairs
    }
}
