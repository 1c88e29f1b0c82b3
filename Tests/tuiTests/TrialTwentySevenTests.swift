import Foundation
import Investigate
import Testing
@testable import tui

/// A session-27 trial's console findings: `y`'s caution on an escaped id was replaced by the
/// copy's "copied ..." message; a reopened source restored the investigator's sheets and said
/// nothing of the rows its load skipped.
@Suite struct TrialTwentySevenTests {
    @Test func aRestoredSessionStillSaysWhatTheLoadSkipped() {
        let model = FixtureModel()
        model.loadIssuesText = "4 rows skipped, 1 warning"
        let walked = Fixture.press(Fixture.loadedState(model: model), .enter)
        var fresh = AppState()
        fresh.size = walked.size
        fresh.pendingRestore = Session.encode(walked)
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: model))).state
        #expect(restored.stack.count == 2)
        #expect(
            restored.status == "load: 4 rows skipped, 1 warning (investigate load lists each by file:line); restored where you were (2 sheets)",
            "\(restored.status)")
    }

    @Test func theCopysCautionLeadsTheStatusThatSaysHowItWent() {
        let model = FixtureModel()
        let exact = ExactText(bytes: Array("acct_".utf8) + [0x1B] + Array("[2J".utf8))
        model.accounts[0].id = exact.display
        model.accounts[0].exact = exact
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: AppState())
        runner.dispatch(.loaded(ConsoleData(model: model)))
        runner.dispatch(.key(.enter))
        runner.dispatch(.key(.char("y")))
        runner.settle()
        // The clipboard got the inert text; the status, once the copy is done, still says first
        // that it is not the id, and how to name the account exactly.
        #expect(surface.clipboard == [exact.display])
        #expect(runner.state.status.hasPrefix("copied the id's escaped text, not the id; y again: --account-b64"), "\(runner.state.status)")
        #expect(runner.state.status.hasSuffix("(in memory: no terminal in replay)"), "\(runner.state.status)")
    }

    @Test func anIdWithABackslashIsCopiedExactly() {
        // The screen doubles a backslash (so an escape it shows is never an id's own text); the
        // clipboard gets the id itself, and nothing is said of control bytes it does not hold.
        let model = FixtureModel()
        let exact = ExactText("corp\\alice")
        model.accounts[0].id = TextEscaping.visible(exact.bytes)
        model.accounts[0].exact = exact
        let copied = Fixture.step(Fixture.press(Fixture.loadedState(model: model), .enter), .char("y"))
        #expect(copied.effects == [.copy("corp\\alice", caution: "")])
        #expect(copied.state.status == "copying corp\\\\alice...")
    }
}
