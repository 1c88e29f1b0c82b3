/// The fixed layout of every screen: breadcrumb on row 0, a few header lines that depend on the
/// sheet, the table's column titles, the table, then the status line and the key-hint footer.
enum ViewLayout {
    /// The smallest size drawn normally.
    static let minimum = TerminalSize(rows: 24, cols: 80)

    /// True when the terminal is below the minimum.
    static func tooSmall(_ size: TerminalSize) -> Bool { size.rows < minimum.rows || size.cols < minimum.cols }

    /// Header lines under the breadcrumb for a sheet kind.
    static func headerLines(_ kind: SheetKind) -> Int {
        switch kind {
        case .triage: return 2
        case .cluster, .account, .caseFile: return 3
        // A template family's sheet adds the family's text under `held in:`.
        case .sharedValue(let kind, _): return kind == .template ? 4 : 3
        case .queries, .singles: return 2
        }
    }

    /// Panes a sheet has (Tab cycles).
    static func paneCount(_ kind: SheetKind) -> Int {
        switch kind {
        case .cluster: return 4
        case .account: return 3
        default: return 1
        }
    }

    /// Row of the table's column titles.
    static func tableTitleRow(_ kind: SheetKind) -> Int { 1 + headerLines(kind) }

    /// Rows available to table rows.
    static func tableHeight(_ kind: SheetKind, _ size: TerminalSize) -> Int {
        max(1, size.rows - tableTitleRow(kind) - 1 - 2)
    }

    /// Column widths for a table at a total width (2 columns reserved for cursor and mark
    /// markers, one space between columns). A blank column is never drawn (width 0). When too narrow, droppable columns go first (width
    /// 0), highest `dropOrder` first and then right to left, then the widest columns shrink;
    /// spare width goes first to a column that `growsTo` its widest cell, then to flexible columns; a column that `widensTo` its widest cell then takes
    /// what they hold beyond their own widest cells.
    static func columnWidths(_ columns: [TableColumn], total: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map(\.width)
        var active = columns.indices.filter { !columns[$0].blank }
        for index in columns.indices where columns[index].blank { widths[index] = 0 }
        func needed() -> Int { active.reduce(0) { $0 + widths[$1] } + 2 + active.count - 1 }
        while needed() > total,
              let drop = active.filter({ columns[$0].droppable }).max(by: { (columns[$0].dropOrder, $0) < (columns[$1].dropOrder, $1) }) {
            active.removeAll { $0 == drop }
            widths[drop] = 0
        }
        var sum = needed()
        while sum > total, let widest = active.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
            sum -= 1
        }
        for index in active where sum < total {
            guard let target = columns[index].growsTo, target > widths[index] else { continue }
            let given = min(total - sum, target - widths[index])
            widths[index] += given
            sum += given
        }
        let flexible = active.filter { columns[$0].flexible }
        if sum < total, !flexible.isEmpty {
            let spare = total - sum
            for (i, index) in flexible.enumerated() {
                widths[index] += spare / flexible.count + (i < spare % flexible.count ? 1 : 0)
            }
        }
        for index in active {
            guard let target = columns[index].widensTo, target > widths[index] else { continue }
            for donor in flexible {
                guard let content = columns[donor].contentWidth else { continue }
                let surplus = widths[donor] - max(content, columns[donor].width)
                let given = min(max(0, surplus), target - widths[index])
                widths[donor] -= given
                widths[index] += given
            }
        }
        return widths
    }
}
