/// Draws a sheet's table: column titles, then the visible rows with a `>` cursor marker plus
/// reverse video on the selected row's first column, and `*` on marked rows (never colour
/// alone). Only the gutter and first column are highlighted so that a one-row move rewrites
/// two short spans instead of two whole lines (under 300 bytes at 120x40 over SSH).
enum TableView {
    /// Draws `table` from `titleRow` down to `titleRow + height`.
    static func draw(_ table: SheetTable, sheet: Sheet, state: AppState, titleRow: Int, height: Int,
                     into buffer: inout ScreenBuffer) {
        let count = sheet.visibleCount(tableRows: table.count)
        // The rows shown, with the open case's tags in their tags column (triage: an untagged
        // cluster whose accounts carry tags says so, `33/36 ring-member`); `:dump` writes the same.
        let rowCells = SheetRowCells(table, sheet: sheet, state: state)
        let (tagsColumn, summary, memberSums, memberCells) = (rowCells.tagsColumn, rowCells.summary, rowCells.memberSums, rowCells.memberCells)
        var shown = (0..<max(0, min(height, count - sheet.top))).map { line -> [String] in
            rowCells.cells(ofRow: sheet.tableRow(at: sheet.top + line))
        }
        var columns = table.columns
        // The column under the column cursor is drawn `[title]`: wide enough for it, so the
        // brackets never cut its title (a trial read `[shared … hub`).
        if let cursor = sheet.column, cursor < columns.count {
            columns[cursor].width = max(columns[cursor].width, TextWidth.of(columns[cursor].title) + 2)
        }
        if let tagsColumn {
            // Wide enough for the case's tags on this kind of row (`TagsColumnRoom`): the width
            // follows the case, not the page, so every page is laid out alike (a trial saw the
            // risk bar go on each page that showed a tag).
            let widest = TagsColumn.widest(sheet.kind, summary: summary, memberCells: memberCells)
                ?? shown.map { TextWidth.of($0[tagsColumn]) }.max() ?? 0
            TagsColumnRoom.make(&columns, tags: tagsColumn, wanted: widest, total: buffer.cols, keep: sheet.column)
            // Triage with no tag on any row, and none in the case on clusters: the column takes
            // no width, its room goes to the others (at 80 columns it drew an empty tags column
            // beside a cut signals column). Kept under the column cursor.
            if sheet.kind == .triage, widest == 0, sheet.column != tagsColumn, !table.rows.contains(where: { !$0[tagsColumn].isEmpty }) {
                columns[tagsColumn].blank = true
            }
        }
        let widths = ViewLayout.columnWidths(columns, total: buffer.cols)
        // Member counts said again within the width drawn: labels that do not fit are counted.
        if let tagsColumn, widths[tagsColumn] > 0, widths[tagsColumn] < TagsColumnRoom.maxWidth {
            for (line, cells) in shown.enumerated() {
                let row = sheet.tableRow(at: sheet.top + line)
                guard let sum = memberSums[row], cells[tagsColumn] == memberCells[row] else { continue }
                shown[line][tagsColumn] = sum.tags.text(size: sum.size, room: widths[tagsColumn])
            }
        }
        var x = 2
        buffer.clearRow(titleRow, style: [.underline])
        for (index, (column, width)) in zip(table.columns, widths).enumerated() where width > 0 {
            let title = sheet.column == index ? "[" + column.title + "]" : column.title
            buffer.putFitted(title, row: titleRow, col: x, width: width, style: [.bold, .underline],
                             alignRight: column.alignRight)
            x += width + 1
        }
        if count == 0 {
            // A failed load is said in the header; nothing more is coming, so never "loading".
            let message = state.data == nil ? (state.load.failed == nil ? "loading..." : "nothing to show: the load failed (above); q quits")
                : AppUpdate.isPending(state, sheet) ? "loading..."
                : (sheet.filter != nil ? "no rows match the filter" : "no rows")
            buffer.put(message, row: titleRow + 1, col: 2, role: .muted)
            return
        }
        for (line, cells) in shown.enumerated() {
            let position = sheet.top + line
            let row = sheet.tableRow(at: position)
            let screenRow = titleRow + 1 + line
            let selected = position == sheet.cursor
            let marked = state.marks.contains(table.markKeys[row])
            let style: CellStyle = selected ? [.reverse] : []
            buffer.clearRow(screenRow)
            buffer.put(selected ? ">" : " ", row: screenRow, col: 0, style: style.union(.bold))
            buffer.put(marked ? "*" : " ", row: screenRow, col: 1, style: style.union(.bold))
            var x = 2
            for (index, width) in widths.enumerated() where width > 0 {
                let column = table.columns[index]
                let role: ColorRole = column.title == "risk" || column.isBar ? riskRole(cells[index]) : .normal
                let text = column.isBar ? Format.bar(Double(cells[index]) ?? 0, width: width, glyphs: buffer.glyphs) : cells[index]
                let runsOn = table.cellsRunOn && !column.alignRight && cells[(index + 1)...].allSatisfy(\.isEmpty)
                buffer.putFitted(text, row: screenRow, col: x, width: runsOn ? max(width, buffer.cols - x) : width,
                                 style: index == 0 ? style : [], role: role, alignRight: column.alignRight)
                if runsOn { break }
                x += width + 1
            }
        }
    }

    static func riskRole(_ text: String) -> ColorRole {
        guard let v = Double(text) else { return .normal }
        return v >= 0.7 ? .danger : v >= 0.4 ? .warning : .normal
    }
}
