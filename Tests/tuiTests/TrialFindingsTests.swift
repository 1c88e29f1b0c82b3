import Investigate
import Testing
@testable import tui

/// Findings of a new investigator's trial: the risk-breakdown pane's keys act on the pane, not
/// on the table hidden behind it; `t` says what it will tag when marks lie on other sheets.
@Suite struct TrialFindingsTests {
    @Test func riskPaneKeysNeverReachTheHiddenTable() {
        // Triage -> the first cluster, Tab Tab: its risk breakdown.
        let pane = Fixture.press(Fixture.loadedState(), .enter, .tab, .tab)
        #expect(AppUpdate.showsRiskPane(pane))
        let moved = Fixture.press(pane, .char("j"), .char("j"))
        #expect(moved.current.cursor == pane.current.cursor, "j must not move the hidden member list")
        #expect(moved.stack.count == pane.stack.count)
        let opened = Fixture.step(moved, .enter)
        #expect(opened.state.stack.count == pane.stack.count, "Enter must not open a hidden member")
        guard case .record(let record)? = opened.state.overlay else {
            Issue.record("Enter on the risk breakdown opens it whole as a record")
            return
        }
        #expect(record.title.hasPrefix("risk breakdown of cluster"))
        #expect(opened.effects.isEmpty, "reading is not a write")
    }

    @Test func tagSaysWhenMarksLieOnAnotherSheet() {
        // Mark every member of the first cluster, go back to triage, press t.
        let marked = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 120)), .enter, .char("*"))
        #expect(!marked.marks.isEmpty)
        let prompt = Fixture.press(marked, .backspace, .char("t"))
        let line = Fixture.frame(prompt).first { $0.hasPrefix(":tag ") } ?? ""
        #expect(line.contains("tags \(marked.marks.count) marked row"), "\(line)")
        #expect(line.contains("not on this sheet"), "\(line)")
        let cancelled = Fixture.step(prompt, .escape)
        #expect(cancelled.effects.isEmpty)
        #expect(cancelled.state.status == "cancelled: nothing written")
    }

    @Test func exportAsksForItsOwnEnterAndClaimsNothingBeforeTheStore() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0001"
        let asked = Fixture.step(s, .char("e"))
        #expect(asked.effects.isEmpty, "e alone writes nothing")
        #expect(ExportStatus.line(asked.state.caseState) == "not exported")
        let confirmed = Fixture.step(asked.state, .enter)
        #expect(confirmed.effects.contains { if case .export = $0 { true } else { false } })
        #expect(ExportStatus.line(confirmed.state.caseState) == "not exported", "exported only once the store says so")
        let cancelled = Fixture.step(asked.state, .escape)
        #expect(cancelled.effects.isEmpty)
    }
}
