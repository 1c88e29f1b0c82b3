/// Reads RFC 4180 CSV records (header row, `,` separator, `"` quoting with `""` escapes, quoted
/// fields spanning lines) into `RecordFields`, byte by byte.
public final class CSVRecordReader {
    private let lines: LineReader
    private let schema: TableSchema
    private let file: String
    /// For each header column: its slot, or nil for an extra column.
    private var columnSlots: [Int?] = []
    /// The header names as bytes, for extra columns.
    private var headerNames: [[UInt8]] = []
    private var record: [UInt8] = []

    /// Wraps a line reader over a CSV stream.
    public init(lines: LineReader, schema: TableSchema, file: String) {
        self.lines = lines
        self.schema = schema
        self.file = file
    }

    /// The header's column names, in file order (after `forEachRecord` has read the header).
    public private(set) var header: [String] = []
    /// The names of extra columns that are not valid UTF-8, as read (kept with U+FFFD for their
    /// invalid bytes, so two such names may be one key: `TableReader` says so).
    public private(set) var extraNamesNotUTF8: [[UInt8]] = []

    /// The record being read: its first line's number and offset, whether a quoted field is
    /// open at its end, and where its lines start (`CSVHeldLines`).
    private var recordLine = 0
    private var recordOffset = 0
    private var inQuotes = false
    private var previousDroppedCR = false
    private var heldLines = CSVHeldLines()
    private var headerRead = false
    private var stopped = false

    /// Reads every record.
    ///
    /// A quoted field that is never closed (a stray `"`) would swallow every line after it. When
    /// the file ends inside one, or it grows past the line limit, the record's first line alone
    /// is skipped (one error) and the lines after it are read again as ordinary records.
    /// - Parameters:
    ///   - fields: filled for each record before `body` runs.
    ///   - onError: a record that cannot be parsed (line, reason); return false to stop.
    ///   - onWarning: a record kept that may be wrong (a quoted field holding lines that read as
    ///     records, `CSVSwallowedLines`); return false to stop.
    ///   - body: a parsed record; return false to stop.
    /// - Throws: `LoadFailure.missingColumn` when the header lacks a required column.
    ///   - onDamage: damage the file's source passed over (see `LineReader.forEachLine`).
    public func forEachRecord(
        fields: RecordFields, onError: (Int, String) -> Bool, onWarning: (Int, String) -> Bool = { _, _ in true },
        onDamage: (LineDamage) throws -> Bool = { _ in true }, _ body: (RecordFields) throws -> Bool
    ) throws {
        headerRead = false
        inQuotes = false
        stopped = false
        record.reserveCapacity(1 << 12)
        lines.skipsBlankLines = false
        try lines.forEachLine(onOverlong: { line in _ = onError(line, "line longer than the limit; skipped") }, onDamage: onDamage) { line in
            let more = try consume(line, fields: fields, onError: onError, onWarning: onWarning, body)
            // Between records a blank line is nothing (passed over without a call); inside a
            // quoted field it is data, and before the header it is read as the header.
            lines.skipsBlankLines = headerRead && !inQuotes
            return more
        }
        // The file ended inside a quoted field.
        while inQuotes && !stopped {
            if !headerRead { throw LoadFailure.badHeader(file: file, reason: "quoted field never closed") }
            try recover("quoted field never closed (stray quote?)", fields: fields, onError: onError, onWarning: onWarning, body)
        }
        if !headerRead { throw LoadFailure.emptyFile(file: file) }
    }

    /// Takes one line of the file; returns false to stop reading.
    private func consume(
        _ line: LineView, fields: RecordFields, onError: (Int, String) -> Bool, onWarning: (Int, String) -> Bool,
        _ body: (RecordFields) throws -> Bool
    ) throws -> Bool {
        if !inQuotes {
            record.removeAll(keepingCapacity: true)
            recordLine = line.number
            recordOffset = line.offset
            heldLines.start(line)
        } else {
            // Inside quotes the line break is data: put back the terminator as it was.
            if previousDroppedCR { record.append(0x0D) }
            record.append(lines.lineTerminator)
            heldLines.add(line, at: record.count)
        }
        line.append(to: &record)
        previousDroppedCR = line.droppedCR
        if CSVRecordReader.quoteCount(line) & 1 == 1 { inQuotes.toggle() }
        if inQuotes {
            if record.count > lines.maxLineBytes {
                // A stray quote must not pull the rest of the file into memory: the record's
                // first line is skipped and the lines after it read again as records.
                if !headerRead { throw LoadFailure.badHeader(file: file, reason: "quoted field longer than the limit") }
                try recover("quoted field longer than the limit (stray quote?)", fields: fields, onError: onError, onWarning: onWarning, body)
                return !stopped
            }
            return true
        }
        if !headerRead {
            headerRead = true
            try readHeader()
            return true
        }
        if record.isEmpty || record.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
        fields.line = recordLine
        fields.offset = recordOffset
        if let error = fill(fields) {
            let spansLines = heldLines.lastNumber > recordLine
            if spansLines && error.hasPrefix(Self.textAfterClosingQuote) {
                // Two stray quotes: the lines between them were taken as one field. As for a
                // field never closed, only the first line is lost.
                try recover(error + " (stray quote?)", fields: fields, onError: onError, onWarning: onWarning, body)
                return !stopped
            }
            let span = spansLines ? " (the record runs over lines \(recordLine)-\(heldLines.lastNumber))" : ""
            if !onError(recordLine, error + span) {
                stopped = true
                return false
            }
            return true
        }
        if heldLines.lastNumber > recordLine {
            let swallowed = CSVSwallowedLines.count(
                in: record, held: heldLines, columns: columnSlots.count, terminator: lines.lineTerminator)
            if swallowed > 0 && !onWarning(recordLine, Self.swallowedLinesReason(swallowed, from: recordLine, to: heldLines.lastNumber)) {
                stopped = true
                return false
            }
        }
        if try !body(fields) {
            stopped = true
            return false
        }
        return true
    }

    /// The warning for a record whose quoted field holds lines that read as records.
    static func swallowedLinesReason(_ swallowed: Int, from first: Int, to last: Int) -> String {
        "a quoted field runs over lines \(first)-\(last), and \(swallowed) of the lines it holds "
            + "\(swallowed == 1 ? "reads" : "read") as a record of its own (stray quotes?); all of it was kept as one field of "
            + "this one row"
    }

    /// Skips the record's first line (one error at it) and feeds the lines held after it back in
    /// as ordinary lines. For a field never closed, or grown past the limit, those lines hold no
    /// unbalanced quote (the field stayed open through all of them), so each is a record of its
    /// own; after two stray quotes the last held line opens a record like any other line would.
    /// Every line is fed back at most once, so the work stays linear.
    private func recover(
        _ problem: String, fields: RecordFields, onError: (Int, String) -> Bool, onWarning: (Int, String) -> Bool,
        _ body: (RecordFields) throws -> Bool
    ) throws {
        let held = record
        let heldLines = self.heldLines
        let firstLine = recordLine
        inQuotes = false
        record = []
        self.heldLines = CSVHeldLines()
        let last = heldLines.lastNumber
        let again =
            switch last - firstLine {
            case 0: ""
            case 1: "; the line after it (\(last)) was read again as a record of its own"
            default: "; the \(last - firstLine) lines after it (\(firstLine + 1)-\(last)) were read again as records of their own"
            }
        guard onError(firstLine, problem + "; this line skipped" + again) else {
            stopped = true
            return
        }
        try heldLines.forEachLineAfterTheFirst(of: held, terminator: lines.lineTerminator) { line in
            if try !consume(line, fields: fields, onError: onError, onWarning: onWarning, body) { stopped = true }
            return !stopped
        }
    }

    /// The start of the reason for a record whose quoted field is followed by more than `,`.
    static let textAfterClosingQuote = "unexpected character after a closing quote"

    @inline(__always)
    static func quoteCount(_ line: LineView) -> Int {
        line.withBytes { bytes in
            var count = 0
            for i in 0..<bytes.count where bytes[i] == 0x22 { count += 1 }
            return count
        }
    }

    private func readHeader() throws {
        // A UTF-8 byte order mark, even before a quoted first name.
        if record.starts(with: [0xEF, 0xBB, 0xBF]) { record.removeFirst(3) }
        if let encoding = Self.utf16Encoding(record) {
            throw LoadFailure.badHeader(
                file: file, reason: "the file is \(encoding), not UTF-8; convert it first (iconv -f \(encoding) -t UTF-8)")
        }
        var names: [[UInt8]] = []
        if let error = CSVRecordReader.split(record, into: { bytes, _ in names.append(ByteCompare.array(bytes)) }) {
            throw LoadFailure.badHeader(file: file, reason: error)
        }
        header = names.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
        headerNames = header.map { Array($0.utf8) }
        columnSlots = header.map { schema.slot(of: $0) }
        extraNamesNotUTF8 = zip(names, columnSlots).compactMap { name, slot in
            slot == nil && String(validating: name, as: UTF8.self) == nil ? name : nil
        }
        // A known column named twice (in any letter case): which one is meant is not known, so
        // the file is not guessed at (the last one used to win silently).
        var seen = Set<Int>()
        for slot in columnSlots.compactMap({ $0 }) where !seen.insert(slot).inserted {
            throw LoadFailure.badHeader(file: file, reason: "column '\(schema.columns[slot])' appears more than once")
        }
        for required in schema.required where !header.contains(where: { $0.lowercased() == required }) {
            throw LoadFailure.missingColumn(file: file, column: required, found: header)
        }
    }

    private func fill(_ fields: RecordFields) -> String? {
        fields.reset()
        var column = 0
        var overflow = false
        let error = CSVRecordReader.split(record) { bytes, _ in
            guard column < columnSlots.count else {
                overflow = true
                column += 1
                return
            }
            if let slot = columnSlots[column] {
                fields.setSlot(slot, copying: bytes, null: bytes.isEmpty)
            } else if !bytes.isEmpty {
                let name = headerNames[column]
                fields.addExtra(name: name.span, value: bytes)
            }
            column += 1
        }
        if let error { return error }
        if overflow || column != columnSlots.count {
            return "expected \(columnSlots.count) fields, found \(column)" + Self.loneCarriageReturnsNote(record)
        }
        return nil
    }

    /// Said after a record of too many fields that holds carriage returns alone: records joined
    /// by classic Mac line ends in a file whose first line ends in `\n` read as one line (a
    /// trial's 50 records were one skipped line, with no word of why).
    static func loneCarriageReturnsNote(_ record: [UInt8]) -> String {
        var count = 0
        for (i, byte) in record.enumerated() where byte == 0x0D && (i + 1 == record.count || record[i + 1] != 0x0A) { count += 1 }
        guard count > 0 else { return "" }
        return "; it holds \(count) carriage \(count == 1 ? "return" : "returns") alone, so it may be "
            + "\(count + 1) records joined by classic Mac line ends (the file's first line ends in \\n); skipped whole"
    }

    /// "UTF-16LE" or "UTF-16BE" when a header line reads as UTF-16 (its byte order mark, or a
    /// NUL beside each of its first ASCII letters); nil otherwise. A trial's UTF-16 accounts file
    /// failed with `found: \xff\xfea\x00c\x00...` and no word of its encoding.
    static func utf16Encoding(_ header: [UInt8]) -> String? {
        if header.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if header.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = Array(header.prefix(16))
        guard head.count >= 4, head.count % 2 == 0 else { return nil }
        let pairs = stride(from: 0, to: head.count, by: 2).map { (head[$0], head[$0 + 1]) }
        if pairs.allSatisfy({ $0.0 != 0 && $0.0 < 0x80 && $0.1 == 0 }) { return "UTF-16LE" }
        if pairs.allSatisfy({ $0.0 == 0 && $0.1 != 0 && $0.1 < 0x80 }) { return "UTF-16BE" }
        return nil
    }

    /// Splits one complete record into fields, unquoting as it goes.
    /// - Returns: a reason when the record is malformed.
    static func split(_ record: [UInt8], into body: (Span<UInt8>, Bool) -> Void) -> String? {
        let raw = record.span
        let n = raw.count
        var i = 0
        var unquoted: [UInt8] = []
        while true {
            if i < n && raw[i] == 0x22 {
                unquoted.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                while i < n {
                    let byte = raw[i]
                    if byte == 0x22 {
                        if i + 1 < n && raw[i + 1] == 0x22 {
                            unquoted.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    unquoted.append(byte)
                    i += 1
                }
                if !closed { return "quoted field never closed" }
                body(unquoted.span, true)
                if i == n { return nil }
                if raw[i] != 0x2C { return textAfterClosingQuote + " at column \(i + 1)" }
                i += 1
            } else {
                let start = i
                while i < n && raw[i] != 0x2C { i += 1 }
                body(raw.extracting(start..<i), false)
                if i == n { return nil }
                i += 1
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
