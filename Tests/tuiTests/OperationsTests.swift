import Investigate
import Testing
@testable import tui

/// Issue 14, point 6 (and issue 13): an operation is one triage row with its clusters beneath
/// and `T` tags it whole; the cluster sheet shows its risk breakdown; the "how members connect"
/// pane scrolls, pivots and lists hubs last.
@Suite struct OperationsTests {
    func withOperation(size: TerminalSize = TerminalSize(rows: 24, cols: 80)) -> AppState {
        let model = FixtureModel()
        model.withOperation = true
        return Fixture.loadedState(size: size, model: model)
    }

    @Test func anOperationIsOneRowWithItsClustersBeneath() {
        let frame = Fixture.frame(withOperation(size: TerminalSize(rows: 40, cols: 120)))
        #expect(frame[4].hasPrefix("> op1 "))
        #expect(frame[4].contains("2 clusters: c1 c2"))
        #expect(frame[5].hasPrefix("    c1 "))
        #expect(frame[6].hasPrefix("    c2 "))
        let opened = Fixture.press(withOperation(), .char("j"), .enter)
        #expect(opened.current.kind == .cluster(1), "a cluster beneath still opens")
    }

    @Test func capitalTOnAnOperationTagsItWhole() {
        // acct_c4c4c4 is rated below its cluster on its own: Enter on the question tags all.
        let tagged = Fixture.step(withOperation(), .char("T")).typing("op-ring").pressing(.enter, .enter)
        let s = tagged.state
        let keys = [MarkKey.cluster(1), MarkKey.cluster(2)]
            + ["acct_9f3e21", "acct_a0b1c2", "acct_b7d8e9", "acct_c4c4c4"].map { MarkKey.account(ExactText($0)) }
        #expect(tagged.effects.contains { if case .persist(.tagChosen("op-ring", keys, _)) = $0 { true } else { false } })
        #expect(s.status.hasPrefix("tagged operation op1: 2 clusters and 4 accounts 'op-ring'"))
        let record = Fixture.press(withOperation(), .enter)
        guard case .record(let r)? = record.overlay else { Issue.record("Enter on an operation shows it"); return }
        #expect(r.choices.first?.text.hasPrefix("template tf-77: ties 2 of op1's clusters") == true)
    }

    @Test func theClusterSheetShowsItsRiskBreakdown() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .tab, .tab)
        #expect(s.current.pane == 2)
        let frame = Fixture.frame(s)
        #expect(frame[4].hasPrefix("risk breakdown of cluster c1"))
        #expect(frame[5].hasPrefix("risk = 1 - exp(-sum of contributions)"), "how the rows make the risk comes first")
        #expect(frame[7].contains("shared_instrument") && frame[7].contains("+0.80"))
        #expect(frame[8].contains("established_accounts") && frame[8].contains("-0.21"))
        #expect(frame[9].contains("recidivism") && frame[9].contains(" 0  "), "a zero contribution reads 0, not +0.00")
    }

    @Test func theConnectPaneMovesPivotsAndListsHubsLast() {
        var s = Fixture.press(Fixture.loadedState(), .enter, .tab)
        #expect(Fixture.frame(s)[5].hasPrefix("> payment pf_77aa"))
        #expect(Fixture.frame(s)[7].hasSuffix("(hub)"))
        s = Fixture.press(s, .char("j"))
        #expect(s.current.paneCursor == 1)
        #expect(s.current.cursor == 0, "the members' cursor stays")
        #expect(Fixture.frame(s)[6].hasPrefix("> ip 203.0.113.7"))
        s = Fixture.press(s, .char("G"), .char("j"))
        #expect(s.current.paneCursor == 2)
        let pivot = Fixture.press(Fixture.press(Fixture.loadedState(), .enter, .tab, .char("j")), .enter)
        #expect(pivot.current.kind == .sharedValue(.ip, 0))
    }
}
