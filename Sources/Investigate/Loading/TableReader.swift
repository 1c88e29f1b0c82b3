/// The two row formats a case source file can hold.
public enum TableFormat: String, Sendable {
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object per line.
    case jsonl

    /// The format implied by a file name (`.csv`, `.jsonl`, `.ndjson`, `.json`, optionally `.gz`).
    public static func of(path: String) -> TableFormat? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || name.hasSuffix(".json") { return .jsonl }
        return nil
    }
}

/// Streams the rows of one case source file (CSV or JSONL, plain or gzip) into `RecordFields`.
public struct TableReader {
    /// The file read.
    public let path: String
    /// The name used in messages (relative to the case source).
    public let displayName: String
    /// The schema the rows are matched against.
    public let schema: TableSchema
    /// Only these bytes of the file (a JSONL slice starting at a line), or nil for all of it.
    public var byteRange: Range<Int>?
    /// Bytes read at a time (small enough to stay in the CPU cache while parsed).
    static let blockSize = 256 << 10
    /// Whether unknown JSON keys are kept as extras (false for rows re-read from disk later).
    public var keepsExtras = true
    /// For a JSONL slice shared between workers: this worker's number and the number of
    /// workers. Only the lines `QueryLineOwner` gives this worker are parsed (every line is
    /// still read and counted); lines no worker can claim by their bytes (too long to keep, cut
    /// by a read error) are reported by worker 0 alone.
    var lineOwner: (owner: Int, owners: Int)?
    /// The file already open (a slice of a file opened once for every slice), or nil to open `path`.
    var file: OpenFile?

    /// Creates a reader for one file.
    public init(path: String, displayName: String, schema: TableSchema, byteRange: Range<Int>? = nil) {
        self.path = path
        self.displayName = displayName
        self.schema = schema
        self.byteRange = byteRange
    }

    /// Reads every row.
    /// - Parameters:
    ///   - progress: called now and then with bytes of the file consumed.
    ///   - onError: a row that cannot be parsed (line, reason); return false to stop reading.
    ///   - onWarning: rows kept that may be wrong (line, reason: lines from a damaged gzip
    ///     member); return false to stop reading.
    ///   - onUnknownLoss: the file lost rows past a point that cannot be counted (a gzip member
    ///     or the file cut short, bytes passed over): said once per loss, beside its `onError`.
    ///   - body: a parsed row; return false to stop reading.
    /// - Returns: the lines read (to number the lines of the slice after this one).
    @discardableResult
    public func forEachRow(
        progress: (Int) -> Void = { _ in },
        onError: (Int, String) -> Bool,
        onWarning: (Int, String) -> Bool = { _, _ in true },
        onUnknownLoss: () -> Void = {},
        _ body: (RecordFields) throws -> Bool
    ) throws -> Int {
        guard let format = TableFormat.of(path: path) else {
            throw LoadFailure.unreadable(file: displayName, reason: "unknown file type (expected .csv or .jsonl)")
        }
        let source: ByteSource
        do {
            if let file {
                source = FileByteSource(file: file, range: byteRange)
            } else if let byteRange {
                source = try FileByteSource(path: path, range: byteRange)
            } else {
                source = try openByteSource(path: path)
            }
        } catch let error as SourceFileError {
            throw LoadFailure.unreadable(file: displayName, reason: error.reason)
        }
        // A small plain file gets a buffer of its own size, not a whole block (a load of many
        // tiny files would otherwise map and touch a block per file); a longer line grows it.
        var blockSize = Self.blockSize
        if let file = source as? FileByteSource { blockSize = min(blockSize, max(4 << 10, file.bytesLeft + 1)) }
        let lines = LineReader(source: source, blockSize: blockSize)
        // A slice inside a file follows the file's line ends (a sliced file has `\n` ones).
        lines.detectsCRLineEnds = (byteRange?.lowerBound ?? 0) == 0
        let fields = RecordFields(slotCount: schema.columns.count)
        var rows = 0
        let reportsUnowned = (lineOwner?.owner ?? 0) == 0
        // A damaged gzip member passed over: its rows already read are kept and said to be
        // suspect; the line it cut and the rows in the bytes passed over are lost.
        func onDamage(_ damage: LineDamage) -> Bool {
            guard reportsUnowned else { return true }
            if damage.damage.partSuspect, let kept = damage.partLines, !onWarning(kept.lowerBound, Self.suspectLines(kept, damage.damage.reason)) {
                return false
            }
            var lost: [String] = []
            if let cut = damage.cutLine { lost.append("line \(cut) cut short") }
            if damage.damage.skippedBytes != nil {
                lost.append("the rows in the bytes passed over are lost (how many is unknown)")
            } else if damage.damage.lostTail {
                lost.append("the member ended early: the rows it held after that are lost (how many is unknown)")
            }
            if damage.damage.skippedBytes != nil || damage.damage.lostTail { onUnknownLoss() }
            guard !lost.isEmpty else { return true }
            return onError(damage.cutLine ?? damage.nextLine, damage.damage.reason + "; " + lost.joined(separator: "; "))
        }
        do {
            switch format {
            case .csv:
                let reader = CSVRecordReader(lines: lines, schema: schema, file: displayName)
                try reader.forEachRecord(
                    fields: fields, onError: onError, onWarning: { reportsUnowned ? onWarning($0, $1) : true }, onDamage: onDamage
                ) { record in
                    rows &+= 1
                    if rows == 1, reportsUnowned, !reader.extraNamesNotUTF8.isEmpty,
                        !onWarning(1, Self.namesNotUTF8(reader.extraNamesNotUTF8))
                    {
                        return false
                    }
                    if rows & 0xFFFF == 0 { progress(lines.bytesConsumed) }
                    return try body(record)
                }
            case .jsonl:
                let parser = JSONLineParser(schema: schema, keepsExtras: keepsExtras)
                let atFileStart = (byteRange?.lowerBound ?? 0) == 0
                let lineOwner = self.lineOwner
                // Blank lines carry no row: passed over without a call per line (a gzip of
                // empty lines inflates a thousandfold).
                lines.skipsBlankLines = true
                try lines.forEachLine(
                    onOverlong: { line in
                        if reportsUnowned { _ = onError(line, "line longer than the limit; skipped") }
                    }, onDamage: onDamage
                ) { line in
                    rows &+= 1
                    if rows & 0xFFFF == 0 { progress(lines.bytesConsumed) }
                    func parse(_ bytes: LineView) throws -> Bool {
                        if let lineOwner, bytes.withBytes({ QueryLineOwner.owner(of: $0, among: lineOwner.owners) }) != lineOwner.owner {
                            return true
                        }
                        if bytes.withBytes({ ByteCompare.isBlank($0) }) { return true }
                        // A long line is referenced by `fields`, not copied: it is let go before
                        // the reader's buffer changes (holding it then would copy the buffer).
                        defer { fields.releaseLine() }
                        if let reason = parser.parse(bytes, into: fields) {
                            return onError(line.number, line.terminated ? reason : reason + " (last line, no newline)")
                        }
                        fields.line = line.number
                        fields.offset = line.offset + (byteRange?.lowerBound ?? 0)
                        return try body(fields)
                    }
                    return try line.number == 1 && atFileStart ? parse(dropByteOrderMark(line)) : parse(line)
                }
            }
        } catch let error as SourceFileError {
            // Every complete line before the damage was handed out; the one it cut is lost.
            let lost = lines.hasPartialLine
                ? "line \(lines.lineNumber) cut short and nothing after it read (how many rows followed is unknown)"
                : "nothing after line \(lines.lineNumber - 1) read (how many rows followed is unknown)"
            if reportsUnowned {
                if error.partDamaged, let kept = lines.currentPartLines, !onWarning(kept.lowerBound, Self.suspectLines(kept, error.reason)) {
                    return lines.lineNumber - 1
                }
                _ = onError(lines.lineNumber, error.reason + "; " + lost)
                onUnknownLoss()
            }
        }
        // Read, not lost, but said: a record split at a carriage return inside a field would
        // show here first.
        if reportsUnowned && lines.readsCRLineEnds {
            _ = onWarning(1, "lines end with a carriage return alone (classic Mac line ends); each was read as a line end")
        }
        // A plain file cut shorter while it was read (the bytes past its new end are gone).
        if reportsUnowned, lines.reachedEnd, let plain = source as? FileByteSource, plain.bytesLeft > 0, lines.bytesConsumed < (byteRange?.count ?? plain.fileSize) {
            let from = (byteRange?.lowerBound ?? 0) + lines.bytesConsumed, to = byteRange?.upperBound ?? plain.fileSize
            _ = onError(
                lines.lineNumber,
                "the file was cut shorter while it was read: bytes \(from)-\(to) were gone; the rows in them are lost (how many is unknown)")
            onUnknownLoss()
        }
        progress(lines.bytesConsumed)
        return lines.lineNumber - 1
    }

    /// The warning for CSV column names that are not valid UTF-8 (said once, at the header).
    static func namesNotUTF8(_ names: [[UInt8]]) -> String {
        let shown = names.map { "'" + TextEscaping.visible($0, limit: 60) + "'" }.joined(separator: ", ")
        let one = names.count == 1
        return (one ? "column name \(shown) is" : "column names \(shown) are") + " not valid UTF-8: "
            + "shown and exported with U+FFFD for \(one ? "its" : "their") invalid bytes, so names that differ only "
            + "there are one key and a row keeps the last value"
    }
}

extension TableReader {
    /// The warning for `lines`, read from a gzip member found damaged (`reason`).
    static func suspectLines(_ lines: ClosedRange<Int>, _ reason: String) -> String {
        let which = lines.count == 1 ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)-\(lines.upperBound)"
        return "\(which) came from a gzip member found damaged (\(reason)); those read as rows are kept, but they may be wrong"
    }
}

/// The bytes without a leading UTF-8 byte order mark.
func dropByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
}

/// The line without a leading UTF-8 byte order mark.
func dropByteOrderMark(_ line: LineView) -> LineView {
    let marked = line.withBytes { $0.count >= 3 && $0[0] == 0xEF && $0[1] == 0xBB && $0[2] == 0xBF }
    return marked ? line.droppingFirst(3) : line
}
