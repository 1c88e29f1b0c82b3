import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Session 31's new-user trial, the console's sheets: `:dump` wrote every tags cell empty, and
/// `:open` of an id that is also another account's escaped form said nothing.
@Suite struct TrialThirtyOneTests {
    // MARK: 3. `:dump` holds the tags the sheet shows.

    /// The state with acct_9f3e21 (c1) tagged `ring-member` in the open case.
    static func tagged() -> AppState {
        var state = Fixture.loadedState()
        state.caseState.tags[MarkKey.account(ExactText("acct_9f3e21"))] = ["ring-member"]
        return state
    }

    static func dump(_ runner: ConsoleRunner) throws -> [String] {
        let path = TestScratch.root + "investigate-dump31-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        runner.dispatch(.run("dump \(path)"))
        runner.settle()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aDumpOfAClusterHoldsItsMembersTags() throws {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Self.tagged())
        runner.handle(.enter)
        runner.render()
        #expect(surface.lines().contains { $0.contains("acct_9f3e21") && $0.hasSuffix("ring-member") }, "the screen shows the tag")
        let lines = try Self.dump(runner)
        let header = lines[1].split(separator: "\t", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "tags"))
        let row = try #require(lines.first { $0.hasPrefix("acct_9f3e21\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        #expect(row[column] == "ring-member")
        let other = try #require(lines.first { $0.hasPrefix("acct_a0b1c2\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        #expect(other[column] == "")
    }

    @Test func aDumpOfTriageHoldsTheMemberCounts() throws {
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: Self.tagged())
        let lines = try Self.dump(runner)
        let c1 = try #require(lines.first { $0.hasPrefix("c1\t") })
        #expect(c1.hasSuffix("\t1/2 ring-member"), "\(c1)")
    }

    // MARK: 5. `:open` says when the id typed is also another account's escaped form.

    @Test func openingAnIdThatIsAlsoAnotherAccountsEscapedFormSaysSo() {
        let model = FixtureModel()
        model.accounts[2].id = "acct_A\\x1b[2J"  // the literal backslash text
        model.accounts[3].id = "acct_A\u{1B}[2J"  // ESC: shown escaped as the other's text
        let state = Fixture.loadedState(model: model)
        let opened = AppUpdate.update(state, .run("open acct_A\\x1b[2J")).state
        #expect(opened.current.kind == .account(2), "the exact id wins, as the command line's")
        let line = Fixture.frame(opened)[22]
        #expect(line.contains("another account") && line.contains("c2"), "\(line)")
        #expect(TextWidth.of(line) <= 80 && !line.contains("\u{1B}"))
        // Wide, the note names the other account exactly.
        let wide = AppUpdate.update(Fixture.loadedState(size: TerminalSize(rows: 40, cols: 200), model: model), .run("open acct_A\\x1b[2J")).state
        #expect(wide.status.contains("--account-b64 \(ExactText("acct_A\u{1B}[2J").base64)"), "\(wide.status)")
        // An id that is no other account's escaped form opens with nothing said.
        #expect(AppUpdate.update(state, .run("open acct_9f3e21")).state.status.isEmpty)
    }
}
