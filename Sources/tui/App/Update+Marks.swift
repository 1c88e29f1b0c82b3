/// Marking in bulk (VisiData's select all / toggle / select by expression): every row the sheet
/// shows, every row matching an expression, or the marks inverted. Marks are not writes; tags
/// made from them still go through their own prompt.
extension AppUpdate {
    /// The table rows the current sheet shows (after its filter), in order.
    static func shownRows(_ s: AppState) -> (table: SheetTable, rows: [Int]) {
        let t = table(s, s.current)
        return (t, s.current.order ?? Array(0..<t.count))
    }

    /// `*`: marks every row shown (with a filter in force: every row matching it, not only the
    /// ones on screen).
    static func markAll(_ s: inout AppState) {
        let (t, rows) = shownRows(s)
        guard !rows.isEmpty else { s.status = "no rows to mark"; return }
        let before = s.marks.count
        for row in rows { s.marks.insert(t.markKeys[row]) }
        s.status = "marked \(Format.plural(s.marks.count - before, "more row")) (\(Format.grouped(s.marks.count)) marked; Esc clears)"
    }

    /// `~`: inverts the marks over the rows shown.
    static func invertMarks(_ s: inout AppState) {
        let (t, rows) = shownRows(s)
        guard !rows.isEmpty else { s.status = "no rows to mark"; return }
        for row in rows {
            let key = t.markKeys[row]
            if s.marks.contains(key) { s.marks.remove(key) } else { s.marks.insert(key) }
        }
        s.status = "marks inverted over \(Format.plural(rows.count, "row")) (\(Format.grouped(s.marks.count)) marked)"
    }

    /// `|` then an expression (the filter language): marks the rows shown that match it.
    static func markMatching(_ s: inout AppState, _ expression: String) {
        let (t, rows) = shownRows(s)
        let terms = FilterTerm.parse(expression, columns: t.columns.map(\.title))
        let before = s.marks.count
        var matched = 0
        for row in rows where terms.allSatisfy({ $0.matches(t.rows[row]) }) {
            s.marks.insert(t.markKeys[row])
            matched += 1
        }
        s.status = "\(Format.plural(matched, "row")) match '\(expression)': \(Format.grouped(s.marks.count - before)) newly marked"
            + " (\(Format.grouped(s.marks.count)) marked)"
    }
}
