/// A whole frame of `rows` x `cols` cells. Views draw into it; a surface diffs two of them and
/// sends only the cells that changed. Text written with `put` is sanitised first, so hostile
/// data can never reach the terminal raw.
struct ScreenBuffer: Equatable, Sendable {
    /// Height in rows.
    let rows: Int
    /// Width in columns.
    let cols: Int
    /// Row-major cells.
    private(set) var cells: [Cell]
    /// The drawing symbols (ASCII fallback or Unicode).
    let glyphs: Glyphs

    /// A blank frame.
    init(rows: Int, cols: Int, glyphs: Glyphs = .unicode) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.glyphs = glyphs
        cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    /// The cell at a position.
    subscript(row: Int, col: Int) -> Cell {
        get { cells[row * cols + col] }
        set { cells[row * cols + col] = newValue }
    }

    /// Writes `text` at (`row`, `col`), sanitised, clipped to `width` columns (default: to the
    /// right edge) and never past the edge. Text cut short ends in the ellipsis glyph (no silent
    /// cut; trailing spaces are dropped without one). Returns the column after the last one written.
    @discardableResult
    mutating func put(
        _ text: String, row: Int, col: Int, width: Int? = nil,
        style: CellStyle = [], role: ColorRole = .normal
    ) -> Int {
        guard row >= 0, row < rows, col >= 0, col < cols else { return col }
        let limit = min(cols, col + (width ?? cols))
        let safe = Self.fitted(Sanitizer.inert(text, ascii: glyphs.ascii), room: limit - col, ellipsis: glyphs.ellipsis)
        var x = col
        for character in safe {
            let w = TextWidth.of(character)
            if w == 0 {
                continue
            }
            if x + w > limit {
                if x < limit { self[row, x] = Cell(text: " ", width: 1, style: style, role: role); x += 1 }
                break
            }
            clearWide(row: row, col: x)
            self[row, x] = Cell(text: character, width: UInt8(w), style: style, role: role)
            if w == 2 {
                clearWide(row: row, col: x + 1)
                self[row, x + 1] = Cell(text: nil, width: 0, style: style, role: role)
            }
            x += w
        }
        return x
    }

    /// Writes `text` padded or truncated (with the ellipsis glyph) to exactly `width` columns.
    @discardableResult
    mutating func putFitted(
        _ text: String, row: Int, col: Int, width: Int, style: CellStyle = [],
        role: ColorRole = .normal, alignRight: Bool = false
    ) -> Int {
        let safe = Sanitizer.inert(text, ascii: glyphs.ascii)
        let fitted = TextFit.pad(safe, to: width, ellipsis: glyphs.ellipsis, right: alignRight)
        return put(fitted, row: row, col: col, width: width, style: style, role: role)
    }

    /// `text` as it fits in `room` columns: whole, without trailing spaces, or cut with `ellipsis`.
    static func fitted(_ text: String, room: Int, ellipsis: String) -> String {
        guard room > 0, text.utf8.count > room, TextWidth.of(text) > room else { return text }
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed.removeLast() }
        if TextWidth.of(String(trimmed)) <= room { return String(trimmed) }
        return TextFit.truncate(text, to: room, ellipsis: ellipsis)
    }

    /// Sets the style (and role) of a span of cells without changing their text.
    mutating func restyle(row: Int, from col: Int = 0, width: Int? = nil, style: CellStyle, role: ColorRole? = nil) {
        guard row >= 0, row < rows else { return }
        let end = min(cols, col + (width ?? cols))
        guard col < end else { return }
        for x in max(0, col)..<end {
            self[row, x].style = style
            if let role { self[row, x].role = role }
        }
    }

    /// Writes a counter (`label`, such as ` 3/40 `) at the right end of `row`, over whatever
    /// title is there: when the title would touch it, the title is cut one column short of the
    /// counter and ends in the ellipsis glyph, so a title and its counter never run together.
    mutating func putCounter(_ label: String, row: Int, style: CellStyle = [.bold]) {
        guard row >= 0, row < rows else { return }
        let start = max(0, cols - TextWidth.of(label))
        let touched = (max(0, start - 1)..<cols).contains { self[row, $0].text != " " }
        if touched {
            // Clear the counter, its gap and room for the ellipsis; mark the cut title.
            let cut = max(0, start - 1 - TextWidth.of(glyphs.ellipsis))
            let titleStyle = cut > 0 ? self[row, cut - 1].style : []
            for x in cut..<cols {
                clearWide(row: row, col: x)
                self[row, x] = Cell(text: " ", width: 1, style: self[row, x].style, role: self[row, x].role)
            }
            if cut > 0 { put(glyphs.ellipsis, row: row, col: cut, style: titleStyle) }
        }
        put(label, row: row, col: start, style: style)
    }

    /// Fills a whole row with blanks in a style (used for the selection bar and headers).
    mutating func clearRow(_ row: Int, style: CellStyle = [], role: ColorRole = .normal) {
        guard row >= 0, row < rows else { return }
        for x in 0..<cols { self[row, x] = Cell(text: " ", width: 1, style: style, role: role) }
    }

    /// When overwriting half of a wide grapheme, blanks its other half.
    private mutating func clearWide(row: Int, col: Int) {
        guard col < cols else { return }
        let cell = self[row, col]
        if cell.isContinuation, col > 0 {
            self[row, col - 1] = Cell(text: " ", width: 1, style: self[row, col - 1].style, role: self[row, col - 1].role)
        } else if cell.width == 2, col + 1 < cols {
            self[row, col + 1] = Cell(text: " ", width: 1, style: cell.style, role: cell.role)
        }
    }

    /// One row as text (wide graphemes once, continuation cells skipped).
    func line(_ row: Int, trimmed: Bool = true) -> String {
        var out = ""
        for x in 0..<cols {
            let cell = self[row, x]
            if let text = cell.text { out.append(text) }
        }
        if trimmed {
            while out.last == " " { out.removeLast() }
        }
        return out
    }

    /// Every row as text with trailing spaces trimmed: what render tests compare.
    func lines() -> [String] { (0..<rows).map { line($0) } }

    /// The rows whose cells differ from `old` (all rows when the sizes differ).
    func changedRows(since old: ScreenBuffer?) -> [Int] {
        guard let old, old.rows == rows, old.cols == cols else { return Array(0..<rows) }
        return (0..<rows).filter { r in
            let start = r * cols
            return cells[start..<start + cols] != old.cells[start..<start + cols]
        }
    }
}
