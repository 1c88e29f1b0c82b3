import Investigate
import Testing
@testable import tui

/// Issue 14, point 10: `update` returns its effects with the new state; the state carries none,
/// so an effect is handed to the runner once, by the step that asked for it, and never again.
@Suite struct StepTests {
    @Test func aWriteIsReturnedByItsOwnStepOnly() {
        let tagged = Fixture.step(Fixture.loadedState(), .enter, .char("t")).typing("ring").pressing(.enter)
        let key = MarkKey.account(ExactText("acct_9f3e21"))
        #expect(tagged.effects.filter { if case .persist = $0 { true } else { false } } == [.persist(.tag(label: "ring", keys: [key]))])
        #expect(AppUpdate.update(tagged.state, .clock("2026-06-01T00:00:00Z")).effects.isEmpty)
        #expect(AppUpdate.update(tagged.state, .key(.char("j"))).effects.isEmpty)
    }
}
