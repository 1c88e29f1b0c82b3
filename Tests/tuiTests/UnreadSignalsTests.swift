import Investigate
import Testing
@testable import tui

/// A cluster no signal could read (a few light accounts under every signal's sample floor) says
/// so in its risk breakdown, pane and record, instead of an empty list under a risk of 0.
@Suite struct UnreadSignalsTests {
    static func model() -> FixtureModel {
        let model = FixtureModel()
        model.c1Unread = true
        return model
    }

    @Test func theBreakdownPaneSaysWhyItIsEmpty() {
        // Triage -> the first cluster, Tab Tab: its risk breakdown.
        let pane = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 80), model: Self.model()), .enter, .tab, .tab)
        #expect(AppUpdate.showsRiskPane(pane))
        let text = Fixture.frame(pane).joined(separator: "\n")
        #expect(text.contains("no signal could be read: 2 members, 5 queries in all"), "\(text)")
        // Wrapped at 80 columns, not cut: the end of the note is on screen too.
        #expect(text.contains("the cluster is benign"), "\(text)")
    }

    @Test func theWholeBreakdownSaysItToo() {
        let opened = Fixture.step(Fixture.press(Fixture.loadedState(model: Self.model()), .enter, .tab, .tab), .enter)
        guard case .record(let record)? = opened.state.overlay else {
            Issue.record("Enter on the risk breakdown opens it whole as a record")
            return
        }
        let signals = record.fields.first { $0.key == "signals" }?.values.joined() ?? ""
        #expect(signals.hasPrefix("no signal could be read"), "\(signals)")
    }

    @Test func theWordingCountsRight() {
        #expect(SignalsUnread.line(members: 1, queries: 1).hasPrefix("no signal could be read: 1 member, 1 query in all"))
        #expect(SignalsUnread.line(members: 3, queries: 12_000).hasPrefix("no signal could be read: 3 members, 12,000 queries in all"))
    }
}
