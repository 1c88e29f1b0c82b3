/// Draws a `RecordView` over the sheet: the title, then each field as `key  value` with the
/// value sanitised and wrapped (two values side by side when comparing; a field of both sides,
/// with one value, across them), scrolled by its offset.
enum RecordOverlay {
    /// Widest key column; a longer key (a signal name) wraps within it, never cut.
    static let maxKeyWidth = 24

    /// Every line of a record at a width, with its style (the title and side headings bold).
    static func lines(_ record: RecordView, width: Int, ascii: Bool) -> [(text: String, style: CellStyle)] {
        var out: [(String, CellStyle)] = [(Sanitizer.inert(record.title, ascii: ascii), [.bold, .underline])]
        if record.pending != nil { out.append(("reading the full record...", [])) }
        out.append(("", []))
        let keyWidth = min(maxKeyWidth, record.fields.map { TextWidth.of(Sanitizer.inert($0.key, ascii: ascii)) }.max() ?? 4)
        let sides = max(1, record.sides?.count ?? 1)
        let room = max(8, width - keyWidth - 2)
        let sideWidth = sides == 1 ? room : max(8, (room - 3 * (sides - 1)) / sides)
        if let headings = record.sides {
            let cells = headings.map { TextFit.pad(Sanitizer.inert($0, ascii: ascii), to: sideWidth) }
            out.append((String(repeating: " ", count: keyWidth + 2) + cells.joined(separator: " | "), [.bold]))
        }
        for field in record.fields {
            let keyLines = TextWrap.wrap(Sanitizer.inert(field.key, ascii: ascii), width: keyWidth)
            // A field with one value in a side-by-side record is of both sides: it spans them.
            let spans = sides > 1 && field.values.count == 1
            let columns = spans
                ? [TextWrap.wrap(inertLines(field.values[0], ascii: ascii, whole: record.whole), width: room)]
                : (0..<sides).map { i in
                    TextWrap.wrap(inertLines(i < field.values.count ? field.values[i] : "", ascii: ascii, whole: record.whole),
                                  width: sideWidth)
                }
            let height = max(keyLines.count, columns.map(\.count).max() ?? 1)
            for line in 0..<height {
                let cells = columns.map { column in
                    let text = line < column.count ? column[line] : ""
                    return sides == 1 || spans ? text : TextFit.pad(text, to: sideWidth)
                }
                let lead = TextFit.pad(line < keyLines.count ? keyLines[line] : "", to: keyWidth)
                out.append((lead + "  " + cells.joined(separator: " | "), []))
            }
        }
        if !record.choices.isEmpty {
            out.append(("", []))
            out.append((Sanitizer.inert(record.choicesHeading, ascii: ascii), [.bold]))
            for (i, choice) in record.choices.enumerated() {
                let selected = i == record.choice
                let wrapped = TextWrap.wrap(Sanitizer.inert(choice.text, ascii: ascii), width: max(8, width - 2))
                for (n, line) in wrapped.enumerated() {
                    out.append(((n == 0 ? (selected ? "> " : "  ") : "  ") + line, selected ? [.reverse] : []))
                }
            }
        }
        return out
    }

    /// The line (of `lines`) where the selected choice starts.
    static func choiceLine(_ record: RecordView, width: Int, ascii: Bool) -> Int {
        lines(record, width: width, ascii: ascii).firstIndex { $0.style.contains(.reverse) } ?? 0
    }

    /// Each line of a value made inert on its own, so its line breaks stay line breaks; a huge
    /// value cut first (`RecordText`: only what is shown is walked, on every key).
    static func inertLines(_ value: String, ascii: Bool, whole: String? = nil) -> String {
        RecordText.shown(value, whole: whole).split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.inert(String($0), ascii: ascii) }
            .joined(separator: "\n")
    }

    /// Rows the record may use on a screen of `rows` rows (between breadcrumb and status line).
    static func height(rows: Int) -> Int { max(1, rows - 3) }

    /// The largest useful offset.
    static func maxOffset(_ record: RecordView, size: TerminalSize, ascii: Bool) -> Int {
        max(0, lines(record, width: size.cols - 2, ascii: ascii).count - height(rows: size.rows))
    }

    /// Draws the record from row 1. A record longer than the screen keeps its title on the
    /// first row, carrying the line counter, and scrolls the lines under it: the counter never
    /// covers a line of the record, and the record always says whose it is.
    static func draw(_ record: RecordView, into buffer: inout ScreenBuffer) {
        let top = 1
        let height = height(rows: buffer.rows)
        let all = lines(record, width: buffer.cols - 2, ascii: buffer.glyphs.ascii)
        let start = max(0, min(record.offset, all.count - height))
        for r in top..<(top + height) { buffer.clearRow(r) }
        guard all.count > height, let title = all.first else {
            for (i, line) in all.prefix(height).enumerated() {
                buffer.put(line.text, row: top + i, col: 1, style: line.style)
            }
            return
        }
        buffer.put(title.text, row: top, col: 1, style: title.style)
        for (i, line) in all.dropFirst(start + 1).prefix(height - 1).enumerated() {
            buffer.put(line.text, row: top + 1 + i, col: 1, style: line.style)
        }
        let first = start == 0 ? 1 : start + 2
        buffer.putCounter(" lines \(first)-\(min(all.count, start + height)) of \(all.count) ", row: top)
    }
}
