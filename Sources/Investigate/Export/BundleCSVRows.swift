/// The rows of a CSV file of a bundle (`accounts.csv`, `enforcement.csv`), read back for
/// `verify`: RFC 4180 as `CSVTable` writes it (CRLF rows, `"` quoting with `""`), each cell its
/// exact text with the formula mark dropped (`CSVTable.original`).
///
/// The file must be exactly what `CSVTable` writes for those rows: read back and written again
/// it gives the same bytes, so a file that parses only loosely (stray quotes, a missing CRLF, a
/// mark that is not the writer's) is refused rather than read one way here and another by a
/// spreadsheet.
struct BundleCSVRows {
    /// The header row.
    let header: [String]
    /// The data rows, each as many cells as the header; row `i` is line `i + 2` of the file.
    let rows: [[String]]

    /// Reads `bytes` expecting `header`, by bytes (every delimiter is ASCII, so UTF-8 text splits
    /// the same way by bytes as by scalars), and compares each cell with what `CSVTable` writes
    /// for it as it goes: only the cells are held, never a second copy of the file, so a bundle
    /// with one huge cell costs a few times that cell, not many.
    /// - Throws: `BundleError` naming the first row that is not what `CSVTable` writes.
    init(_ bytes: [UInt8], header expected: [String], file: String) throws {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var records: [[String]] = []
        var cells: [String] = []
        var spans: [Range<Int>] = []
        let sourceValue = expected.map { CSVTable.sourceValueColumns.contains($0) }
        // The current cell's text: a span of `bytes` while it is one (most cells), copied into
        // `unquoted` once a `""` breaks it, so one huge cell, even of quotes, is held once more
        // at most before it becomes its string.
        var run: Range<Int>? = nil
        var unquoted: [UInt8] = []
        var copied = false
        var runStart = 0, cellStart = 0
        var quoted = false
        var i = 0
        var contentEmpty: Bool { !copied && run == nil }
        func closeRun(at end: Int) {
            guard end > runStart else { return }
            if !copied && run == nil {
                run = runStart..<end
                return
            }
            if !copied, let first = run {
                unquoted.removeAll(keepingCapacity: true)
                unquoted.append(contentsOf: bytes[first])
                copied = true
                run = nil
            }
            unquoted.append(contentsOf: bytes[runStart..<end])
        }
        func endCell(at end: Int) throws {
            closeRun(at: end)
            let text = copied ? String(validating: unquoted, as: UTF8.self) : String(validating: bytes[run ?? end..<end], as: UTF8.self)
            guard let text else { throw BundleError("\(file): not valid UTF-8 (the writer carries other bytes in *_b64 columns)") }
            cells.append(text)
            spans.append(cellStart..<end)
            (run, copied) = (nil, false)
            unquoted.removeAll(keepingCapacity: unquoted.capacity <= 1 << 16)
        }
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if quoted {
                if c == quote {
                    // `""` is one `"` of the text: the run takes the first and goes on after the second.
                    closeRun(at: next == quote ? i + 1 : i)
                    if next == quote { i += 1 } else { quoted = false }
                    runStart = i + 1
                }
            } else if c == quote && contentEmpty && runStart == i {
                quoted = true
                runStart = i + 1
            } else if c == comma {
                try endCell(at: i)
                (cellStart, runStart) = (i + 1, i + 1)
            } else if c == cr && next == lf {
                try endCell(at: i)
                i += 1
                (cellStart, runStart) = (i + 1, i + 1)
                let record = records.isEmpty ? cells : cells.map(CSVTable.original(ofCell:))
                try Self.check(
                    record, spans: spans, in: bytes, number: records.count, header: expected, sourceValueColumns: sourceValue, file: file)
                records.append(record)
                cells.removeAll()
                spans.removeAll()
            }
            i += 1
        }
        guard cells.isEmpty && contentEmpty && runStart >= bytes.count && !quoted else {
            throw BundleError("\(file): the last row does not end with CRLF")
        }
        guard !records.isEmpty else { throw BundleError("\(file): the header is not \(expected.joined(separator: ","))") }
        header = expected
        rows = Array(records.dropFirst())
    }

    /// Checks record `number` (0 is the header; a data row's cells with their formula marks
    /// dropped) as it is read: the header must be `header`, a data row as many cells, and every
    /// cell the bytes `CSVTable` writes for its text (its formula mark and quoting), compared
    /// with the cell's span of the file.
    private static func check(
        _ cells: [String], spans: [Range<Int>], in bytes: [UInt8], number record: Int, header: [String],
        sourceValueColumns: [Bool], file: String
    ) throws {
        if record == 0 {
            guard cells == header else { throw BundleError("\(file): the header is not \(header.joined(separator: ","))") }
        } else if cells.count != header.count {
            throw BundleError("\(file): row \(record) has \(cells.count) cells, the header \(header.count)")
        }
        let sourceValue = record == 0 ? [] : sourceValueColumns
        for (k, text) in cells.enumerated() {
            let written = CSVTable.cell(text, sourceValue: k < sourceValue.count && sourceValue[k])
            guard written.utf8.elementsEqual(bytes[spans[k]]) else {
                throw BundleError("\(file): not as the exporter writes it (quoting or formula marks differ from its CSV)")
            }
        }
    }

    /// The exact id of row `i` from its `account_id` and `account_id_b64` cells (columns 0 and
    /// 1), which must name the same bytes.
    /// - Throws: `BundleError` naming the row when they do not.
    func accountID(row i: Int, file: String) throws -> ExactText {
        let row = rows[i]
        guard let id = ExactText(base64: row[1]), id.base64 == row[1] else {
            throw BundleError("\(file): row \(i + 1): account_id_b64 is not base64")
        }
        guard CSVValue.text(id) == row[0] else {
            // Bundles of format 2 wrote an id holding a NUL as it is, of format 3 one holding a
            // line break; format 4 leaves both cells empty.
            let why =
                id.bytes.contains(0) && !row[0].isEmpty
                ? "; an id holding a NUL byte leaves this cell empty since bundle format 3"
                : CSVValue.holdsLineBreakOrNUL(id.bytes) && !row[0].isEmpty
                    ? "; an id holding a line break leaves this cell empty since bundle format 4" : ""
            throw BundleError(
                "\(file): row \(i + 1): account_id \(TextEscaping.visible(row[0], limit: 80)) is not the id account_id_b64 holds (\(id.display))\(why)"
            )
        }
        return id
    }
}
