import Foundation
import Testing
@testable import tui

/// Issue 14, point 8: `y` says what really happened to the copy.
@Suite struct ClipboardTests {
    @Test func theStatusLineSaysHowTheIdWasCopied() {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState())
        runner.handle(.enter)
        runner.handle(.char("y"))
        #expect(runner.state.status == "copied acct_9f3e21 (in memory: no terminal in replay)")
    }

    @Test func aTmuxThatCannotBeReachedFallsBackAndSaysWhy() {
        // A tmux socket that does not exist: load-buffer fails, the copy falls back to OSC 52
        // (or says it could not), and the status names tmux's failure either way.
        setenv("TMUX", "/nonexistent/tmux-socket,1,0", 1)
        defer { unsetenv("TMUX") }
        let message = Clipboard.copy("acct_1", insideTmux: true, shown: "acct_1")
        #expect(message.contains("tmux load-buffer failed"), "\(message)")
        #expect(!message.hasPrefix("copied"))
    }
}
