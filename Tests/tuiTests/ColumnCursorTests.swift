import Testing
@testable import tui

/// The column cursor: `<` `>` pick a column, shown as `[title]`; `s` sorts by it largest first, again smallest first, a third time restores.
@Suite struct ColumnCursorTests {
    let base = Fixture.loadedState()

    @Test func sortsByTheColumnUnderTheCursor() {
        let moved = Fixture.press(base, .char(">"), .char(">"), .char(">"))
        // cluster, risk, then size: the risk bar (no title) is passed over.
        #expect(moved.current.column == 3)
        #expect(Fixture.press(moved, .char("<")).current.column == 1)
        let sorted = Fixture.press(moved, .char("s"))
        #expect(sorted.current.sortColumn == 3)
        let ascending = Fixture.press(sorted, .char("s"))
        #expect(ascending.current.sortColumn == 3 && ascending.current.sortAscending)
        #expect(Fixture.press(ascending, .char("s")).current.sortColumn == nil)
        #expect(Fixture.press(base, .char("<"), .char("<")).current.column == 0)
    }

    @Test func headerShowsTheColumnCursor() {
        let moved = Fixture.press(base, .char(">"), .char(">"))
        let title = AppUpdate.table(moved, moved.current).columns[1].title
        let marker = "[" + title.prefix(2)
        #expect(Fixture.frame(moved).contains { $0.contains(marker) })
        #expect(!Fixture.frame(base).contains { $0.contains(marker) })
    }
}
