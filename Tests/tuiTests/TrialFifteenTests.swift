import Investigate
import Testing
@testable import tui

/// A new user's trial after session 15's console work: marks restored from the last session
/// were tagged in place of the row under the cursor, a search that found nothing left the
/// cursor on a partial match, `out_tok` (the column as titled) was refused, `T` in an
/// operation's record (which says "T tags the operation whole") did nothing, `:pivot` to the
/// value in view stacked copies, and the firing pane gave one scale for partners met at several.
@Suite struct TrialFifteenTests {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    @Test func restoredMarksAreNamedInTheRestoreLine() {
        let marked = Fixture.press(Fixture.loadedState(), .char(" "))
        var fresh = AppState()
        fresh.pendingRestore = Session.encode(marked)
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: FixtureModel()))).state
        #expect(restored.marks == marked.marks)
        #expect(restored.status.hasPrefix("restored where you were (1 sheet); 1 mark kept (t tags it)"),
                "\(restored.status)")
        // Without marks the line is as before.
        var plain = AppState()
        plain.pendingRestore = Session.encode(Fixture.loadedState())
        #expect(AppUpdate.update(plain, .loaded(ConsoleData(model: FixtureModel()))).state.status
            == "restored where you were (1 sheet)")
    }

    @Test func tagSaysWhenTheCursorRowIsNotAmongTheMarks() {
        // Space marks the row and steps down: back on it, the marked row is the cursor's.
        let marked = Fixture.press(Fixture.loadedState(), .char(" "), .char("k"))
        #expect(marked.current.cursor == 0 && marked.marks.count == 1)
        #expect(!AppUpdate.tagTargetText(marked).contains("not the row under the cursor"))
        let moved = Fixture.press(marked, .char("j"))
        #expect(moved.current.cursor == 1)
        #expect(AppUpdate.tagTargetText(moved).contains("tags 1 marked row; not the row under the cursor"),
                "\(AppUpdate.tagTargetText(moved))")
    }

    @Test func aSearchThatFindsNothingPutsTheCursorBack() {
        let start = Fixture.press(Fixture.loadedState(), .char("/"))
        #expect(start.current.cursor == 0)
        // The first character finds a row further down (the runner answers with its position).
        let first = Fixture.step(start, .char("e"))
        #expect(first.effects.contains { if case .search(_, let from, _, _) = $0 { return from == 0 }; return false })
        let found = AppUpdate.update(first.state, .searchResult(generation: first.state.search.generation,
                                                                position: 2, match: 1, of: 1)).state
        #expect(found.current.cursor == 2)
        // The next character searches from where `/` opened, not from the partial match.
        let second = Fixture.step(found, .char("x"))
        #expect(second.effects.contains { if case .search(_, let from, _, _) = $0 { return from == 0 }; return false })
        let none = AppUpdate.update(second.state, .searchResult(generation: second.state.search.generation,
                                                                position: nil, match: 0, of: 0)).state
        #expect(none.current.cursor == 0, "no match: the cursor is back where the search began")
        #expect(none.status == "no match for 'ex'")
        // `n` searches on from the cursor and leaves it where it is when nothing more matches.
        var onward = Fixture.press(none, .escape)
        onward.current.cursor = 2
        let next = Fixture.step(onward, .char("n"))
        let after = AppUpdate.update(next.state, .searchResult(generation: next.state.search.generation,
                                                               position: nil, match: 0, of: 0)).state
        #expect(after.current.cursor == 2)
    }

    @Test func aTitleWithASpaceIsTypedWithAnUnderscore() {
        let columns = ["time", "account", "ip", "out tok", "category", "prompt"]
        #expect(FilterTerm.column(named: "out_tok", in: columns) == 3)
        #expect(FilterTerm.column(named: "OUT_TOK", in: columns) == 3)
        #expect(FilterTerm.column(named: "tokens", in: columns) == 3)
        // A refusal lists the columns as they are typed.
        let history = Fixture.press(Fixture.loadedState(), .enter, .enter, .char("H"))
        let refused = Fixture.press(typed(Fixture.press(history, .char("f")), "colour=red"), .enter)
        #expect((refused.promptRefusal ?? "").contains("out_tok"), "\(refused.promptRefusal ?? "")")
        let accepted = Fixture.press(typed(Fixture.press(history, .char("f")), "out_tok>0"), .enter)
        #expect(accepted.promptRefusal == nil && accepted.overlay == nil)
    }

    @Test func tInAnOperationsRecordTagsTheOperationAsOnItsRow() {
        let model = FixtureModel()
        model.withOperation = true
        let triage = Fixture.loadedState(model: model)
        let fromRow = Fixture.press(triage, .char("T"))
        let opened = Fixture.press(triage, .enter)
        guard case .record? = opened.overlay else { Issue.record("Enter on op1 opens its record"); return }
        let fromRecord = Fixture.press(opened, .char("T"))
        #expect(fromRecord.overlay == fromRow.overlay)
        #expect(AppUpdate.tagClusterTargetText(fromRecord) == AppUpdate.tagClusterTargetText(fromRow))
        #expect(AppUpdate.tagClusterTargetText(fromRecord).contains("op1"), "\(AppUpdate.tagClusterTargetText(fromRecord))")
    }

    @Test func pivotingToTheSheetInViewStaysOnIt() {
        var s = Fixture.press(Fixture.loadedState(), .enter)
        let depth = s.stack.count
        var effects: [Effect] = []
        AppUpdate.push(&s, &effects, s.current.kind)
        #expect(s.stack.count == depth, "no second copy of the sheet in the breadcrumb")
        #expect(s.status == "already on this sheet")
        AppUpdate.push(&s, &effects, .triage)
        #expect(s.stack.count == depth + 1, "another sheet is pushed as before")
    }

    @Test func theFiringPaneSaysTheScaleOfEachPartner() {
        let p = FiringPartner(account: 1, id: "a", cluster: 2, together: 3, expected: 1.06, bits: 1, windowSeconds: 135)
        #expect(FiringPane.line(p, cols: 80, ellipsis: "…").contains(" 135 s "))
        #expect(FiringPane.header(80).contains("within"))
    }
}
