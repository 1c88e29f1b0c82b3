import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// The console's third pass (leftovers of a new-user trial), what keys do: label completion,
/// refused filters, Space, owner-only session files, truthful restore messages, and status
/// lines that clear.
@Suite struct ThirdPassBehaviourTests {
    // MARK: 4. Tab completes the case's labels in the tag prompt

    @Test func tabInTheTagPromptCompletesTheCasesLabels() {
        var s = Fixture.loadedState()
        s.caseState.tags = [MarkKey.cluster(2): ["ring-alpha", "refund"], MarkKey.cluster(1): ["ring-beta"]]
        s = Fixture.press(s, .char("t"), .char("r"), .char("i"), .tab)
        // The built-in labels are offered too (ring-infrastructure, ring-member).
        #expect(s.overlay == .commandLine(text: "tag ring-", completions: ["ring-alpha", "ring-beta", "ring-infrastructure", "ring-member"]))
        #expect(Fixture.frame(s)[23].contains("ring-alpha  ring-beta  ring-infrastructure  ring-member"))
        s = Fixture.press(s, .char("a"), .tab)
        #expect(s.overlay == .commandLine(text: "tag ring-alpha", completions: []))
        // T's prompt too; a label with spaces completes whole.
        s.caseState.tags[MarkKey.cluster(1)] = ["ring two"]
        s = Fixture.press(s, .escape, .char("T"), .char("r"), .char("i"), .char("n"), .char("g"), .char(" "), .tab)
        #expect(s.overlay == .commandLine(text: "tagcluster ring two", completions: []))
        // Nothing to complete: the text stays as typed.
        s = Fixture.press(s, .escape, .char("t"), .char("x"), .tab)
        #expect(s.overlay == .commandLine(text: "tag x", completions: []))
    }

    // MARK: 5. a filter that does not parse is refused, the prompt kept

    @Test func aFilterThatDoesNotParseIsRefusedWhereItFailsAndThePromptKept() {
        let typed = Fixture.step(Fixture.press(Fixture.loadedState(), .enter), .char("f")).typing("risk>>0.5")
        let refused = typed.pressing(.enter)
        #expect(refused.state.overlay == .filter(text: "risk>>0.5"), "the prompt stays, text intact")
        #expect(refused.state.current.filter == nil)
        #expect(!refused.effects.contains(.computeOrder(depth: 1)), "nothing was filtered")
        let why = refused.state.promptRefusal ?? ""
        #expect(why == "filter refused at character 6: '>' where a value should follow 'risk>'")
        let frame = Fixture.frame(refused.state)
        #expect(frame[22].hasPrefix("filter: risk>>0.5_"))
        #expect(frame[23] == " " + why)
        // Fixing it: the refusal goes with the first edit, and Enter applies the fixed filter.
        let fixed = refused.pressing(.ctrl("u")).typing("risk>0.5").pressing(.enter)
        #expect(fixed.state.promptRefusal == nil)
        #expect(fixed.state.overlay == nil)
        #expect(fixed.state.current.filter == "risk>0.5")
        #expect(fixed.effects.contains(.computeOrder(depth: 1)))
    }

    @Test func theColonFilterAndMarkAreRefusedTooWithTheLineKept() {
        var s = Fixture.press(Fixture.loadedState(), .enter)
        s = AppUpdate.update(s, .run("mark plan!free")).state
        #expect(s.overlay == .commandLine(text: "mark plan!free", completions: []))
        #expect(s.promptRefusal == "filter refused at character 5: '!' is not an operator (use != for not equal)")
        #expect(s.marks.isEmpty)
        s = Fixture.press(s, .escape)
        s = AppUpdate.update(s, .run("filter colour=red")).state
        #expect(s.promptRefusal?.hasPrefix("filter refused at character 1: 'colour' is not a column here (columns: account,") == true)
        #expect(s.current.filter == nil)
    }

    @Test func whatParsesAndWhatIsRefused() {
        let columns = ["account", "age", "ctry", "plan", "status", "queries", "out tok", "risk", "tags"]
        for good in ["", "risk>0.5 country=RU", "plain words", "plan!=free", "ua", "risk>=0.5", "account~acct_9", "age<30",
                     "out>1k", "tags~ring=2"] {
            #expect(FilterCheck.problem(good, columns: columns) == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("risk>>0.5", "at character 6"), ("risk>", "at character 6: no value after 'risk>'"),
            ("=RU", "at character 1: no column before '='"), ("ok risk=<3", "at character 9"),
            ("plan!free", "at character 5"), ("colour=red", "'colour' is not a column here"),
        ]
        for (text, expected) in bad {
            let why = FilterCheck.problem(text, columns: columns)
            #expect(why?.contains(expected) == true, "\(text): \(why ?? "accepted")")
        }
    }

    // MARK: 6. Space marks and moves down, and says so

    @Test func spaceMarksMovesDownAndHelpSaysSo() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .char(" "))
        #expect(s.marks == [MarkKey.account(.init("acct_9f3e21"))])
        #expect(s.current.cursor == 1, "Space moves down after marking")
        #expect(HelpOverlay.lines(s).contains { $0.contains("mark or unmark the row, then move down") })
    }

    // MARK: 7. the session file: owner-only, under XDG_STATE_HOME or ~/.local/state

    @Test func theSessionFileGoesUnderXDGStateHomeThenLocalState() {
        let xdg = Session.path(for: "/data/case", environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        #expect(xdg?.hasPrefix("/s/investigate/console-") == true)
        let home = Session.path(for: "/data/case", environment: ["XDG_STATE_HOME": "", "HOME": "/h"])
        #expect(home?.hasPrefix("/h/.local/state/investigate/console-") == true)
        #expect(Session.path(for: "/data/case", environment: [:]) == nil)
        #expect(xdg?.dropFirst(2) == home?.dropFirst(15), "one name per source folder")
    }

    @Test func theSessionFileIsWrittenOwnerOnly() throws {
        let root = TestScratch.root + "inv-session-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = Session.path(for: "/data/case", environment: ["XDG_STATE_HOME": root])!
        try Session.save("triage - 0\n", to: path)
        try Session.save("triage - 1\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "triage - 1\n")
        let file = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folder = try FileManager.default.attributesOfItem(atPath: root + "/investigate")[.posixPermissions] as? Int
        #expect(file == 0o600)
        #expect(folder == 0o700)
    }

    // MARK: 9. a restored session says only what is true

    @Test func aRestoredSessionDoesNotClaimToHaveSaved() throws {
        let folder = TestScratch.root + "inv-restore-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try CaseStore(path: folder + "/cases.sqlite", patience: 5)
        _ = try store.createCase(title: "earlier")
        var state = AppState()
        state.pendingRestore = "open-case case-0001\ntriage - 1\n"
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: state)
        runner.caseBackend = StoreCaseBackend(store: store, defaultTitle: "restore test")
        runner.dispatch(.loaded(ConsoleData(model: FixtureModel())))
        #expect(runner.state.status == "restored where you were (1 sheet); opening case-0001...")
        runner.settle()
        #expect(runner.state.status == "restored where you were (1 sheet); case-0001 open")
        #expect(runner.state.caseState.id == "case-0001")
        #expect(try store.snapshot(caseID: "case-0001").audit.count == 1, "nothing was written: only the creation")
        // Switching cases in the picker is no write either.
        _ = try store.createCase(title: "other")
        runner.handle(.char("c"))
        runner.settle()
        runner.handle(.char("k"))
        runner.handle(.enter)
        runner.settle()
        #expect(runner.state.status == "switched to case-0002 'other'")
        // A real write still says where it went.
        runner.dispatch(.run("note seen"))
        runner.settle()
        #expect(runner.state.status == "note added - saved in case-0002")
    }

    // MARK: 10. status messages clear on the next key

    @Test func marksClearedClearsOnTheNextKeyLikeEveryMessage() {
        var s = Fixture.press(Fixture.loadedState(), .char(" "), .escape, .escape)
        #expect(s.status == "marks cleared")
        s = Fixture.press(s, .char("j"))
        #expect(s.status.isEmpty, "a move says nothing, so the old message goes")
        s = Fixture.press(s, .char(" "), .escape, .escape, .enter)
        #expect(s.status.isEmpty, "a pivot too")
        s = Fixture.press(s, .char(" "))
        #expect(s.status == "1 marked", "a key that says something still says it")
    }
}
