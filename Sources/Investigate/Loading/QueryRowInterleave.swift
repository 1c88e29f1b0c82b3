/// The rows of one unit's parts in file order: a unit parsed whole has one part, whose rows are
/// in file order already; a slice shared by owner (`QueryLineOwner`) has one part per worker,
/// each keeping which of the slice's lines gave it a row (`QueryRows.rowLines`), and no line
/// gives a row to two of them. The merge walks rows this way wherever order decides an id: a
/// value's or context's number (its first use) and a row's place among its account's rows.
enum QueryRowInterleave {
    /// Calls `body` with (part's offset in `group`, row number in that part) for every row of
    /// the group, in file order.
    static func forEachRow(of group: [ParallelQueryLoad.Part], _ body: (_ part: Int, _ row: Int) -> Void) {
        if group.count == 1 {
            for row in 0..<group[0].rows.count { body(0, row) }
            return
        }
        let bitmaps = group.map { $0.rows.rowLines ?? [] }
        let counts = group.map(\.rows.count)
        var next = [Int](repeating: 0, count: group.count)
        let words = bitmaps.reduce(0) { max($0, $1.count) }
        for word in 0..<words {
            var any: UInt64 = 0
            for bitmap in bitmaps where word < bitmap.count { any |= bitmap[word] }
            while any != 0 {
                let bit: UInt64 = 1 << UInt64(any.trailingZeroBitCount)
                any &= any - 1
                // One part per line, unless the file changed between the workers' reads of it:
                // then every part's row of the line is still visited, once.
                for part in 0..<bitmaps.count where word < bitmaps[part].count && bitmaps[part][word] & bit != 0 {
                    if next[part] < counts[part] { body(part, next[part]) }
                    next[part] += 1
                }
            }
        }
    }
}
