/// How the tags column gets the width its labels need. First the width no column needs; then,
/// when the case has a label wider than that (`33/36 ring-member` is 17 cells, and triage's
/// tags column is 9 at 80 columns), the flexible columns give down to `flexibleFloor` each,
/// and last the sheet's droppable column goes (triage's risk bar, whose figure the risk column
/// already says). The width follows every tag of the case on the sheet's kind of row, never
/// the page, so every page is laid out alike.
enum TagsColumnRoom {
    /// The widest the tags column grows to.
    static let maxWidth = 24

    /// The narrowest a flexible column is made to give room for tags.
    static let flexibleFloor = 10

    /// Widens `columns[tags]` toward `wanted` (capped at `maxWidth`) within `total` cells;
    /// `keep` is the column under the column cursor, never dropped.
    static func make(_ columns: inout [TableColumn], tags: Int, wanted: Int, total: Int, keep: Int?) {
        let target = min(maxWidth, wanted)
        guard target > columns[tags].width else { return }
        var given: Set<Int> = []
        if spare(columns, tags: tags, total: total, given: given) < target {
            for index in columns.indices where columns[index].flexible && !columns[index].blank && columns[index].width > flexibleFloor {
                let short = target - spare(columns, tags: tags, total: total, given: given)
                guard short > 0 else { break }
                given.insert(index)
                columns[index].width -= min(columns[index].width - flexibleFloor, short)
            }
        }
        if spare(columns, tags: tags, total: total, given: given) < target,
           let drop = columns.indices.first(where: { columns[$0].droppable && !columns[$0].blank && $0 != keep }) {
            columns[drop].blank = true
        }
        columns[tags].width = max(columns[tags].width, min(target, spare(columns, tags: tags, total: total, given: given)))
    }

    /// How wide the tags column may be at a total width: its own width and what the other
    /// columns leave once each flexible one has at least 12 (or what it was made to give).
    static func spare(_ columns: [TableColumn], tags: Int, total: Int, given: Set<Int>) -> Int {
        let drawn = columns.indices.filter { !columns[$0].blank }
        let needed = drawn.reduce(0) { $0 + columns[$1].width } + 2 + drawn.count - 1
        let growth = drawn.filter { columns[$0].flexible && !given.contains($0) }.reduce(0) { $0 + max(0, 12 - columns[$1].width) }
        return columns[tags].width + max(0, total - needed - growth)
    }
}
