/// The cells of a sheet's rows as its table draws them: the table's own cells, with the open
/// case's tags added to the tags column and, on triage, a cluster's tagged members counted where
/// the cluster itself is untagged (`33/36 ring-member`). `TableView` draws them and `:dump`
/// writes them, so the file holds what the sheet shows (a trial's dump of a tagged cluster had
/// every tags cell empty: the tags live in the case, not in the table's rows). Built on the
/// input thread, read on any.
struct SheetRowCells: Sendable {
    /// The table whose rows these are.
    let table: SheetTable
    /// The tags column, or nil when the table has none.
    let tagsColumn: Int?
    /// The open case's tags by mark key.
    let tags: [String: [String]]
    /// What the case's tags come to (member counts, widest labels).
    let summary: TagSummary
    /// Triage's member summaries by table row, each with the row's size.
    let memberSums: [Int: (tags: MemberTags, size: Int)]
    /// Their text at the tags column's widest.
    let memberCells: [Int: String]
    /// Sorted: an operation's clusters are drawn flat, not indented under another's row.
    let flattensIndent: Bool

    /// The cells of `table`'s rows on `sheet` in `state`.
    init(_ table: SheetTable, sheet: Sheet, state: AppState) {
        self.table = table
        tagsColumn = table.columns.firstIndex { $0.title == "tags" }
        tags = tagsColumn == nil ? [:] : state.caseState.tags
        summary = tagsColumn == nil ? TagSummary() : state.data?.tagSummary(state.caseState.tags) ?? TagSummary()
        memberSums = TagsColumn.memberSums(table, sheet: sheet, state: state, summary: summary)
        memberCells = memberSums.mapValues { $0.tags.text(size: $0.size) }
        flattensIndent = sheet.sortColumn != nil
    }

    /// Table row `row`'s cells as drawn (before the tags column is fitted to its width).
    func cells(ofRow row: Int) -> [String] {
        var cells = table.rows[row]
        // Sorted, an operation's clusters sit among others: drawn flat, never indented under
        // a row that is not their operation's (a trial read ring c1 as a child of a benign one).
        if flattensIndent, let first = cells.first, first.hasPrefix("  ") { cells[0] = String(first.dropFirst(2)) }
        guard let tagsColumn else { return cells }
        if let labels = tags[table.markKeys[row]] {
            cells[tagsColumn] = ([cells[tagsColumn]] + labels).filter { !$0.isEmpty }.joined(separator: ",")
        }
        if cells[tagsColumn].isEmpty, let members = memberCells[row] { cells[tagsColumn] = members }
        return cells
    }
}
