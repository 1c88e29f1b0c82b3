/// Lines a quoted field spanning lines holds that read as whole records of their own: as many
/// separators inside the field, on one line, as the header has between its columns.
///
/// RFC 4180 lets a quoted field hold line breaks, so a `"` opening a field on one line and
/// another closing one lines later make one valid record of everything between: a trial's two
/// stray quotes in `accounts.csv` took 39 accounts into one cell, with no word (their queries
/// were then skipped as of unknown accounts). A prompt spanning lines is real data and stays one
/// field; the load says when the lines inside a field look like records, so that what they held
/// is not lost unsaid.
enum CSVSwallowedLines {
    /// How many lines after the record's first read as records (0 when none).
    /// - Parameters:
    ///   - record: the record's bytes, lines joined by their terminators (`CSVHeldLines`).
    ///   - held: where its lines start.
    ///   - columns: the header's column count (a file of one column has no separator to tell by).
    ///   - terminator: the byte the record's lines were joined with (`CSVHeldLines`).
    static func count(in record: [UInt8], held: CSVHeldLines, columns: Int, terminator: UInt8 = 0x0A) -> Int {
        guard columns >= 2 else { return 0 }
        var count = 0
        held.forEachLineAfterTheFirst(of: record, terminator: terminator) { line in
            if line.withBytes({ separatorsInsideField($0) }) >= columns - 1 { count += 1 }
            return true
        }
        return count
    }

    /// The `,` on a line that starts inside a quoted field, up to the quote that closes it (a
    /// `""` is a quote inside the field).
    static func separatorsInsideField(_ bytes: Span<UInt8>) -> Int {
        var separators = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x22:
                guard i + 1 < bytes.count, bytes[i + 1] == 0x22 else { return separators }
                i += 2
                continue
            case 0x2C: separators += 1
            default: break
            }
            i += 1
        }
        return separators
    }
}
