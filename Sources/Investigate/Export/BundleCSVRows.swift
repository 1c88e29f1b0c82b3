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

    /// Reads `bytes` expecting `header`.
    /// - Throws: `BundleError` naming the first row that is not what `CSVTable` writes.
    init(_ bytes: [UInt8], header expected: [String], file: String) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BundleError("\(file): not valid UTF-8 (the writer carries other bytes in *_b64 columns)")
        }
        var records: [[String]] = []
        var cells: [String] = []
        var cell: [Unicode.Scalar] = []
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        func next() -> Unicode.Scalar? {
            defer { pending = scalars.next() }
            return pending
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if pending == "\"" {
                        _ = next()
                        cell.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                cells.append(String(String.UnicodeScalarView(cell)))
                cell.removeAll()
            } else if c == "\r" && pending == "\n" {
                _ = next()
                cells.append(String(String.UnicodeScalarView(cell)))
                cell.removeAll()
                records.append(cells)
                cells.removeAll()
            } else {
                cell.append(c)
            }
        }
        guard cells.isEmpty && cell.isEmpty && !quoted else {
            throw BundleError("\(file): the last row does not end with CRLF")
        }
        guard let first = records.first, first == expected else {
            throw BundleError("\(file): the header is not \(expected.joined(separator: ","))")
        }
        var table = CSVTable(header: expected)
        var rows: [[String]] = []
        for (i, record) in records.dropFirst().enumerated() {
            guard record.count == expected.count else {
                throw BundleError("\(file): row \(i + 1) has \(record.count) cells, the header \(expected.count)")
            }
            let row = record.map(CSVTable.original(ofCell:))
            rows.append(row)
            table.append(row)
        }
        guard table.bytes == bytes else {
            throw BundleError("\(file): not as the exporter writes it (quoting or formula marks differ from its CSV)")
        }
        header = expected
        self.rows = rows
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
