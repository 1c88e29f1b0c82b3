import Investigate
import Testing
@testable import tui

/// Issue 14, point 3: mark all shown, mark by expression, invert; `T` on a shared value tags
/// its accounts (through its own prompt).
@Suite struct BulkWorkTests {
    /// Performs the filter/sort effects of a step the way the runner does for small sheets.
    static func settle(_ step: Step) -> AppState {
        var s = step.state
        for case .computeOrder(let depth) in step.effects {
            let sheet = s.stack[depth]
            let order = RowQuery.order(AppUpdate.table(s, sheet), filter: sheet.filter, sortColumn: sheet.sortColumn,
                                      ascending: sheet.sortAscending)
            s = AppUpdate.update(s, .orderReady(depth: depth, kind: sheet.kind, order: order)).state
        }
        return s
    }

    static func type(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { AppUpdate.update($0, .key(.char($1))).state }
    }

    @Test func starMarksEveryRowShownAndTildeInverts() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .char("*"))
        #expect(s.marks == [MarkKey.account(ExactText("acct_9f3e21")), MarkKey.account(ExactText("acct_a0b1c2"))])
        #expect(s.status.hasPrefix("marked 2 more rows"))
        let inverted = Fixture.press(s, .char("k"), .char(" "), .char("~"))
        #expect(inverted.marks == [MarkKey.account(ExactText("acct_9f3e21"))])
    }

    @Test func starUnderAFilterMarksOnlyTheMatchingRows() {
        var s = Self.settle(Fixture.step(Fixture.loadedState(), .char("j"), .enter, .char("f")).typing("country=SG").pressing(.enter))
        #expect(s.current.order == [0])
        s = Fixture.press(s, .char("*"))
        #expect(s.marks == [MarkKey.account(ExactText("acct_b7d8e9"))])
        #expect(Fixture.frame(s).contains { $0.contains("filter: country=SG") })
    }

    @Test func barMarksByExpression() {
        let marked = Fixture.step(Fixture.loadedState(), .char("j"), .enter, .char("|")).typing("country=US").pressing(.enter)
        let s = marked.state
        #expect(s.marks == [MarkKey.account(ExactText("acct_c4c4c4"))])
        #expect(s.status.hasPrefix("1 row match 'country=US'"))
        #expect(!marked.effects.contains { if case .persist = $0 { true } else { false } }, "marking is not a write")
    }

    @Test func capitalTOnASharedValueTagsItsAccountsAndTheValue() {
        // Triage > c1 > acct_9f3e21 > payment pf_77aa.
        #expect(Fixture.press(Fixture.loadedState(), .enter, .enter, .enter).current.kind == .sharedValue(.payment, 0))
        let asked = Fixture.step(Fixture.loadedState(), .enter, .enter, .enter, .char("T"))
        #expect(asked.effects.isEmpty, "T only opens its prompt")
        let tagged = asked.typing("ring").pressing(.enter)
        let s = tagged.state
        let keys = [MarkKey.account(ExactText("acct_9f3e21")), MarkKey.account(ExactText("acct_a0b1c2")),
                    MarkKey.value(.payment, ExactText("pf_77aa"))]
        #expect(tagged.effects.contains(.persist(.tag(label: "ring", keys: keys))))
        #expect(s.status.hasPrefix("tagged payment pf_77aa and its 2 accounts 'ring'"), "\(s.status)")
        #expect(s.caseState.audit.last?.command == "tag-value")
    }
}
