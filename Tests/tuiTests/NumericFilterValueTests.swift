import Testing
@testable import tui

/// Session 34's trial: `f risk>0,5` (a decimal comma), `risk>.5e` or `risk>O.5` was not refused:
/// the value, not a number, was compared with the risk column as text, silently. A column of
/// numbers now takes a number, and the previous filter stays in force.
@Suite struct NumericFilterValueTests {
    /// A cluster's accounts (Enter on triage): `risk`, `age`, `queries` and `out tok` are numbers.
    static func accounts() -> AppState { Fixture.press(Fixture.loadedState(), .enter) }

    @Test(arguments: ["0,5", ".5e", "O.5", "nan", "high"])
    func aValueThatIsNotANumberIsRefusedForANumericColumn(_ value: String) {
        let refused = Fixture.step(Self.accounts(), .char("f")).typing("risk>" + value).pressing(.enter)
        #expect(refused.state.overlay == .filter(text: "risk>" + value), "the prompt stays, text intact")
        #expect(refused.state.promptRefusal == "filter refused at character 6: risk takes a number: '\(value)' is not one")
        #expect(refused.state.current.filter == nil)
        #expect(!refused.effects.contains(.computeOrder(depth: 1)), "nothing was filtered")
    }

    @Test func theRefusalIsOnTheStatusLineAndThePreviousFilterStays() {
        let filtered = Fixture.step(Self.accounts(), .char("f")).typing("risk>0.5").pressing(.enter)
        #expect(filtered.state.current.filter == "risk>0.5")
        let refused = filtered.pressing(.char("f"), .ctrl("u")).typing("risk>0,5").pressing(.enter)
        let frame = Fixture.frame(refused.state).joined(separator: "\n")
        #expect(frame.contains("risk takes a number: '0,5' is not one"), "\(frame)")
        let cancelled = refused.pressing(.escape)
        #expect(cancelled.state.current.filter == "risk>0.5", "the previous filter is kept")
    }

    @Test func numbersTextColumnsAndContainsStillApply() {
        for expression in ["risk>0.5", "risk>=.5", "out_tok>2k", "age>30d", "risk~0,5", "plan=free", "risk>0.5 text"] {
            let applied = Fixture.step(Self.accounts(), .char("f")).typing(expression).pressing(.enter)
            #expect(applied.state.promptRefusal == nil, "\(expression): \(applied.state.promptRefusal ?? "")")
            #expect(applied.state.current.filter == expression)
        }
    }

    @Test func numericColumnsAreTheRightAlignedOnesHoldingNumbers() {
        let table = SheetTables.accounts([])
        #expect(FilterCheck.numericTitles(of: table).isEmpty, "no rows yet: nothing is refused for its type")
        let sheet = AppUpdate.table(Self.accounts(), Self.accounts().current)
        let numeric = FilterCheck.numericTitles(of: sheet)
        #expect(numeric.contains("risk") && numeric.contains("queries"), "\(numeric)")
        #expect(!numeric.contains("account") && !numeric.contains("plan"), "\(numeric)")
    }
}
