/// The `c` case picker drawn over the sheet: id, status and title of every stored case, newest
/// first, the cursor row reversed and marked `>`, the open case marked `*`, a case not of this
/// source says so before its title (`(from another source) Hydra ring`). Titles are free text
/// from the store and are drawn sanitised.
enum CasePickerView {
    static let idWidth = 12
    static let statusWidth = 10

    static func draw(_ state: AppState, cases: [CaseListEntry], cursor: Int, into buffer: inout ScreenBuffer) {
        let top = 1
        let bottom = buffer.rows - 3
        for r in top...bottom { buffer.clearRow(r) }
        buffer.put(" Cases, newest first (" + CasePicker.hint + ")", row: top, col: 0, style: [.bold, .underline])
        buffer.put(header(), row: top + 2, col: 0, style: [.bold])
        let first = top + 3
        let height = max(1, bottom - first + 1)
        guard !cases.isEmpty else {
            buffer.put("  no cases yet: n starts one", row: first, col: 0)
            return
        }
        let start = max(0, min(cursor - height + 1, cases.count - height))
        for (i, entry) in cases.enumerated().dropFirst(start).prefix(height) {
            let row = first + i - start
            let selected = i == cursor
            let style: CellStyle = selected ? [.reverse] : []
            if selected { buffer.clearRow(row, style: style) }
            buffer.put(line(entry, selected: selected, open: entry.id == state.caseState.id, glyphs: buffer.glyphs, cols: buffer.cols),
                       row: row, col: 0, style: style)
        }
    }

    static func header() -> String {
        "  " + TextFit.pad("id", to: idWidth) + " " + TextFit.pad("status", to: statusWidth) + " title"
    }

    /// One case as a line: cursor and open markers, id, status, then the sanitised title.
    static func line(_ entry: CaseListEntry, selected: Bool, open: Bool, glyphs: Glyphs, cols: Int) -> String {
        let ascii = glyphs.ascii, ellipsis = glyphs.ellipsis
        let titleWidth = max(1, cols - 2 - idWidth - 1 - statusWidth - 1 - 1)
        return (selected ? ">" : " ") + (open ? "*" : " ")
            + TextFit.pad(Sanitizer.inert(entry.id, ascii: ascii), to: idWidth, ellipsis: ellipsis) + " "
            + TextFit.pad(Sanitizer.inert(entry.status, ascii: ascii), to: statusWidth, ellipsis: ellipsis) + " "
            + TextFit.truncate((entry.origin.isEmpty ? "" : "(\(entry.origin)) ") + Sanitizer.inert(entry.title, ascii: ascii),
                               to: titleWidth, ellipsis: ellipsis)
    }
}
