import Investigate
import Testing
@testable import tui

/// Issue 14, point 5: a reopened filter's text is selected, every sheet shows its filter, `0`
/// jumps to triage, sort goes both ways, search says "match 3 of 17".
@Suite struct FilterNavigationTests {
    /// Triage > cluster c2 filtered to `country=SG`.
    func filtered() -> AppState {
        BulkWorkTests.settle(Fixture.step(Fixture.loadedState(), .char("j"), .enter, .char("f")).typing("country=SG").pressing(.enter))
    }

    @Test func reopenedFilterTextIsReplacedByTyping() {
        let reopened = Fixture.step(filtered(), .char("f"))
        var s = reopened.state
        #expect(s.promptSelected)
        #expect(Fixture.frame(s)[22].hasPrefix("filter: country=SG_   (typing replaces it"))
        s = BulkWorkTests.settle(reopened.typing("plan=free").pressing(.enter))
        #expect(s.current.filter == "plan=free")
        #expect(s.current.order == [1])
        // Right keeps the old text and types after it; Backspace on the selection clears it.
        let kept = Fixture.press(filtered(), .char("f"), .right, .char("x"))
        #expect(kept.overlay == .filter(text: "country=SGx"))
        let cleared = Fixture.press(filtered(), .char("f"), .backspace)
        #expect(cleared.overlay == .filter(text: ""))
    }

    @Test func theStatusLineShowsTheFilterAndTheRowCounterOffTheTitles() {
        let frame = Fixture.frame(filtered())
        #expect(frame[22].hasSuffix("filter: country=SG  1/1"))
        #expect(!frame[4].contains("1/"), "the column titles row carries no counter")
    }

    @Test func zeroJumpsToTriageAndBracketComesBack() {
        let deep = Fixture.press(Fixture.loadedState(), .enter, .enter, .enter)
        let home = Fixture.press(deep, .char("0"))
        #expect(home.stack.count == 1)
        #expect(home.current.kind == .triage)
        let again = Fixture.press(home, .char("]"), .char("]"), .char("]"))
        #expect(again.stack.map(\.kind) == deep.stack.map(\.kind))
    }

    @Test func sortGoesLargestFirstThenSmallestFirstThenTableOrder() {
        var s = Fixture.press(Fixture.loadedState(), .enter)
        // Column cursor onto "queries" (account, age, ctry, plan, status, queries).
        s = Fixture.press(s, .char(">"), .char(">"), .char(">"), .char(">"), .char(">"), .char(">"))
        #expect(s.current.column == 5)
        s = BulkWorkTests.settle(Fixture.step(s, .char("s")))
        #expect(s.current.order == [0, 1])
        #expect(s.status == "2 rows, sorted by queries, largest first")
        s = BulkWorkTests.settle(Fixture.step(s, .char("s")))
        #expect(s.current.order == [1, 0])
        #expect(s.status == "2 rows, sorted by queries, smallest first")
        #expect(Fixture.frame(s)[22].contains("sort: queries asc"))
        s = BulkWorkTests.settle(Fixture.step(s, .char("s")))
        #expect(s.current.sortColumn == nil)
    }

    @Test func searchSaysWhichMatchOfHowMany() {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState(size: surface.size))
        for key in [Key.enter, .char("/"), .char("a"), .char("c"), .char("c"), .char("t"), .enter, .char("n")] {
            runner.handle(key)
        }
        #expect(runner.state.status.hasPrefix("/acct: match 2 of 2"))
        runner.handle(.char("n"))
        #expect(runner.state.status.hasPrefix("/acct: match 1 of 2"))
    }
}
