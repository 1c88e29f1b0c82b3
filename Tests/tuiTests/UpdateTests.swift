import Foundation
import Investigate
import Testing
@testable import tui

@Suite struct UpdateTests {
    let base = Fixture.loadedState()

    @Test func moveClampsToRows() {
        let s = Fixture.press(base, .char("j"), .char("j"), .char("j"))
        #expect(s.current.cursor == 1)
        #expect(Fixture.press(s, .char("k"), .char("k"), .char("k")).current.cursor == 0)
        #expect(Fixture.press(base, .char("G")).current.cursor == 1)
    }

    @Test func enterPivotsAndBackspaceReturnsToTheSameRow() {
        let down = Fixture.press(base, .char("j"))
        let opened = Fixture.press(down, .enter)
        #expect(opened.current.kind == .cluster(2))
        let account = Fixture.press(opened, .enter)
        #expect(account.current.kind == .account(2))
        #expect(account.stack.count == 3)
        let back = Fixture.press(account, .backspace, .char("h"))
        #expect(back.stack.count == 1)
        #expect(back.current.cursor == 1)
        // The same rows and row; only the status line differs (a pivot clears it).
        #expect(Fixture.frame(back).dropLast(2) == Fixture.frame(down).dropLast(2))
    }

    @Test func forwardRedoesTheLastBack() {
        let s = Fixture.press(base, .enter, .enter, .backspace)
        #expect(s.forwardStack.count == 1)
        let again = Fixture.press(s, .char("]"))
        #expect(again.current.kind == .account(0))
        #expect(Fixture.press(again, .char("]")).status == "nothing to go forward to")
        #expect(Fixture.press(s, .enter).forwardStack.isEmpty)
    }

    @Test func marksSurvivePivots() {
        let s = Fixture.press(base, .enter, .char(" "))
        #expect(s.marks == [MarkKey.account(ExactText("acct_9f3e21"))])
        let pivoted = Fixture.press(s, .char("k"), .enter, .char("j"), .enter)
        #expect(pivoted.current.kind == .sharedValue(.ip, 0))
        #expect(pivoted.marks == [MarkKey.account(ExactText("acct_9f3e21"))])
        #expect(Fixture.frame(pivoted)[5].hasPrefix(">*acct_9f3e21"))
    }

    @Test func tagWritesTheAuditTrail() {
        var s = Fixture.press(base, .enter, .char(" "), .char(" "))
        s = AppUpdate.update(s, .clock("2026-06-01T00:00:00Z")).state
        s = Fixture.press(s, .char("t"), .char("r"), .char("i"), .char("n"), .char("g"), .enter)
        #expect(s.caseState.tags[MarkKey.account(ExactText("acct_9f3e21"))] == ["ring"])
        #expect(s.caseState.tags[MarkKey.account(ExactText("acct_a0b1c2"))] == ["ring"])
        #expect(s.caseState.audit.last?.command == "tag")
        #expect(s.caseState.audit.last?.user == s.user)
        #expect(s.caseState.audit.last?.time == "2026-06-01T00:00:00Z")
        #expect(ConsoleCommands.command(.tag).writes)
        #expect(!ConsoleCommands.command(.moveDown).writes)
    }

    @Test func commandLinePivotOpenAndCompletion() {
        var s = AppUpdate.update(base, .run("pivot ip 203.0.113.7")).state
        #expect(s.current.kind == .sharedValue(.ip, 0))
        s = AppUpdate.update(s, .run("open acct_c4c4c4")).state
        #expect(s.current.kind == .account(3))
        s = AppUpdate.update(s, .run("open c2")).state
        #expect(s.current.kind == .cluster(2))
        #expect(AppUpdate.update(s, .run("bogus")).state.status.contains("unknown command"))
        let typed = Fixture.press(base, .char(":"), .char("o"), .char("p"), .tab)
        #expect(typed.overlay == .commandLine(text: "open ", completions: []))
        let ids = Fixture.press(typed, .char("a"), .char("c"), .tab)
        #expect(ids.overlay == .commandLine(text: "open acct_", completions: ["acct_9f3e21", "acct_a0b1c2", "acct_b7d8e9", "acct_c4c4c4"]))
        let kinds = Fixture.press(base, .char(":"), .char("p"), .char("i"), .tab, .char("a"), .char("p"), .tab)
        if case .commandLine(let text, _)? = kinds.overlay { #expect(text == "pivot api_key ") } else { Issue.record("no overlay") }
    }

    @Test func searchAndFilterAreEffectsNotWork() {
        let s = Fixture.step(base, .char("/"), .char("a"), .char("s"), .char("n"))
        #expect(s.state.overlay == .search(text: "asn"))
        #expect(s.effects.contains(.search(query: "asn", from: 0, forward: true, generation: 3)))
        let f = Fixture.step(base, .char("f"), .char("x"), .enter)
        #expect(f.state.current.filter == "x")
        #expect(f.effects.contains(.computeOrder(depth: 0)))
    }

    @Test func searchResultsMoveTheCursorAndStaleOnesAreDropped() {
        var s = Fixture.press(base, .char("/"), .char("a"), .char("s"), .char("n"), .enter)
        let generation = s.search.generation
        s = AppUpdate.update(s, .searchResult(generation: generation - 1, position: 1)).state
        #expect(s.current.cursor == 0)
        s = AppUpdate.update(s, .searchResult(generation: generation, position: 1)).state
        #expect(s.current.cursor == 1)
    }

    @Test func copyAndDumpAreEffects() {
        let s = Fixture.step(base, .enter, .char("y"))
        #expect(s.effects.last == .copy("acct_9f3e21"))
        #expect(AppUpdate.update(base, .run("dump /tmp/x.txt")).effects == [.dump(path: "/tmp/x.txt")])
    }

    @Test func casePickerListsSwitchesAndStartsNewCases() {
        let pressed = Fixture.step(base, .char("c"))
        #expect(pressed.effects == [.listCases])
        #expect(pressed.state.overlay == nil)
        #expect(pressed.state.stack.count == 1)

        let picker = Fixture.casePicker(base)
        #expect(picker.overlay == .casePicker(cases: Fixture.cases, cursor: 1))
        #expect(picker.status == "3 cases")
        #expect(Fixture.press(picker, .char("j"), .char("j"), .char("j")).overlay == .casePicker(cases: Fixture.cases, cursor: 2))
        #expect(Fixture.press(picker, .char("k"), .char("k")).overlay == .casePicker(cases: Fixture.cases, cursor: 0))

        // Enter on another case switches to it by the same path as `:case open ID`.
        let switched = Fixture.casePickerStep(base).pressing(.char("k"), .enter)
        #expect(switched.state.overlay == nil)
        #expect(switched.effects == [.listCases, .persist(.openCase(id: "case-0003"))])
        #expect(AppUpdate.update(base, .run("case open case-0003")).effects == [.persist(.openCase(id: "case-0003"))])
        #expect(switched.state.stack.count == 1)

        // Enter on the open case shows the case sheet, as `:case` does.
        let sheet = Fixture.press(picker, .enter)
        #expect(sheet.overlay == nil)
        #expect(sheet.current.kind == .caseFile)
        #expect(AppUpdate.update(base, .run("case")).state.current.kind == .caseFile)

        // n starts `:case new ` on the command line; typing a title creates the case.
        let typing = Fixture.press(picker, .char("n"))
        #expect(typing.overlay == .commandLine(text: "case new ", completions: []))
        let created = Fixture.step(typing, .char("Z"), .enter)
        #expect(created.effects.last == .persist(.newCase(title: "Z")))
        #expect(created.state.caseState.title == "Z")

        // Esc closes without a write; other keys only hint; an empty store says so.
        let closed = Fixture.casePickerStep(base).pressing(.escape)
        #expect(closed.state.overlay == nil)
        #expect(closed.effects == [.listCases])
        #expect(Fixture.press(picker, .char("x")).status == CasePicker.hint)
        let empty = AppUpdate.update(base, .casesListed([])).state
        #expect(empty.overlay == .casePicker(cases: [], cursor: 0))
        #expect(Fixture.press(empty, .enter).overlay == nil)
        #expect(Fixture.step(empty, .enter).effects.isEmpty)
    }

    @Test func helpAndQuit() {
        let help = Fixture.press(base, .char("?"))
        #expect(help.overlay == .help(offset: 0))
        #expect(Fixture.press(help, .escape).overlay == nil)
        #expect(Fixture.press(base, .char("q")).quitting)
        #expect(!Fixture.press(base, .char(":"), .char("q")).quitting)
        #expect(Fixture.press(base, .char(":"), .char("q"), .enter).quitting)
    }

    @Test func loadingStateAcceptsKeysWithoutCrashing() {
        var s = AppState()
        s = Fixture.press(s, .char("j"), .enter, .char("G"), .backspace, .char("/"), .char("x"), .enter)
        #expect(s.stack.count == 1)
        s = AppUpdate.update(s, .loaded(ConsoleData(model: FixtureModel()))).state
        #expect(s.current.cursor == 0)
    }
}

@Suite struct RowQueryTests {
    let table = SheetTables.accounts(FixtureModel().accounts)

    @Test func filterExpressions() {
        #expect(RowQuery.order(table, filter: "risk>0.5", sortColumn: nil) == [0, 1])
        #expect(RowQuery.order(table, filter: "ctry=sg", sortColumn: nil) == [2])
        #expect(RowQuery.order(table, filter: "status!=active", sortColumn: nil) == [2])
        #expect(RowQuery.order(table, filter: "c4c4", sortColumn: nil) == [3])
        #expect(RowQuery.order(table, filter: nil, sortColumn: nil) == nil)
        let queries = SheetTables.queries(FixtureModel().queries(.account(0)).rows)
        #expect(RowQuery.order(queries, filter: "time>2026-05-31", sortColumn: nil) == [0, 1])
        #expect(RowQuery.order(queries, filter: "time<2026-06-01", sortColumn: nil) == [])
        #expect(RowQuery.order(queries, filter: "tokens>700", sortColumn: nil) == [0])
    }

    @Test func sortIsNumericAware() {
        #expect(RowQuery.order(table, filter: nil, sortColumn: 6) == [0, 1, 2, 3])
        #expect(RowQuery.order(table, filter: nil, sortColumn: 1) == [3, 2, 0, 1])
    }

    @Test func searchWraps() {
        #expect(RowQuery.search(table, order: nil, query: "RU", from: 1, forward: true) == 1)
        #expect(RowQuery.search(table, order: nil, query: "RU", from: 2, forward: true) == 0)
        #expect(RowQuery.search(table, order: nil, query: "RU", from: 3, forward: false) == 1)
        #expect(RowQuery.search(table, order: nil, query: "zzz", from: 0, forward: true) == nil)
    }
}

@Suite struct KeymapTests {
    @Test func rebindingAndConflictsAreReported() {
        var map = Keymap()
        map.apply("""
        # comment
        move-down = J
        search = n
        search-next = n
        bogus = x
        help = NoSuchKey
        """, source: "km")
        #expect(map.command(for: .char("J")) == .moveDown)
        #expect(map.command(for: .char("j")) == nil)
        #expect(map.command(for: .down) == nil)
        #expect(map.command(for: .char("n")) == .searchNext)
        #expect(map.problems.contains("km:3: key n taken from search-next for search"))
        #expect(map.problems.contains("km:4: key n bound to both search and search-next"))
        #expect(map.problems.contains("km:5: unknown command 'bogus'"))
        #expect(map.problems.contains("km:6: unknown key 'NoSuchKey'"))
        let state = ConsoleSetup.initialState(environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(state.keymap.command(for: .char("j")) == .moveDown)
    }

    @Test func keyScriptParses() throws {
        let steps = try KeyScript.parse("j j Enter Backspace ? q\n:open c1\nResize=80x24 Space C-f PgDn")
        #expect(steps.prefix(6) == [.key(.char("j")), .key(.char("j")), .key(.enter), .key(.backspace), .key(.char("?")), .key(.char("q"))])
        #expect(steps[6...12] == [":", "o", "p", "e", "n", " ", "c"].map { .key(.char(Character($0))) }[...])
        #expect(steps.suffix(4) == [.resize(TerminalSize(rows: 24, cols: 80)), .key(.char(" ")), .key(.ctrl("f")), .key(.pageDown)])
        #expect(throws: KeyScriptError.self) { try KeyScript.parse("Enterr") }
    }
}

@Suite struct FrameTests {
    @Test func cursorRowIsMarkedAndReversedNotOnlyColoured() {
        let frame = RootView.render(Fixture.loadedState(), size: TerminalSize(rows: 24, cols: 80), glyphs: .unicode)
        #expect(frame.line(4).hasPrefix("> c1"))
        #expect(frame[4, 0].style.contains(.reverse) && frame[4, 2].style.contains(.reverse))
        #expect(!frame[5, 2].style.contains(.reverse))
    }

    @Test func oneRowMoveTouchesFewCells() {
        let surface = MemorySurface(size: TerminalSize(rows: 40, cols: 120))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState(size: surface.size))
        runner.render()
        runner.handle(.char("j"))
        runner.render()
        #expect(surface.cellsTouched.last! <= 40)
        #expect(surface.lines()[5].hasPrefix("> c2"))
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let surface = MemorySurface(size: TerminalSize(rows: 40, cols: 120))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState(size: surface.size))
        runner.render()
        surface.resize(to: TerminalSize(rows: 24, cols: 80))
        runner.handle(surface.nextKey(timeoutMilliseconds: 0)!)
        runner.render()
        #expect(surface.lines().count == 24)
        #expect(surface.lines().allSatisfy { TextWidth.of($0) <= 80 })
        surface.resize(to: TerminalSize(rows: 20, cols: 70))
        runner.handle(surface.nextKey(timeoutMilliseconds: 0)!)
        runner.render()
        #expect(surface.lines()[0] == "terminal too small: 70x20, need 80x24")
    }

    @Test func copyGoesThroughOSC52() {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState())
        runner.handle(.enter)
        runner.handle(.char("y"))
        #expect(surface.clipboard == ["acct_9f3e21"])
        #expect(surface.clipboardSequences == ["\u{1B}]52;c;YWNjdF85ZjNlMjE=\u{07}"])
        #expect(OSC52.sequence(for: "a", tmux: true) == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;YQ==\u{07}\u{1B}\\")
    }

    @Test func dumpWritesTheWholeSheet() throws {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState())
        let path = "/tmp/investigate-dump-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        runner.dispatch(.run("dump \(path)"))
        #expect(runner.state.status == "writing \(path)...", "written off the input thread")
        runner.settle()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("Triage\ncluster\trisk"))
        #expect(text.contains("c2\t0.35"))
        #expect(runner.state.status == "wrote 2 rows to \(path) (owner-only, mode 0600)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a dump holds case data: owner-only")
    }

    @Test func expensiveSheetsBuildOffTheInputPath() {
        let model = FixtureModel()
        model.slowQueries = true
        var state = AppState()
        state = AppUpdate.update(state, .loaded(ConsoleData(model: model))).state
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: state)
        runner.handle(.enter)
        runner.handle(.char("H"))
        runner.render()
        #expect(surface.lines()[1] == "reading query history...")
        #expect(surface.lines()[4] == "  loading...")
        runner.settle()
        runner.render()
        #expect(surface.lines()[1] == "2 queries, newest first")
        #expect(surface.lines()[4].hasPrefix("> 2026-06-01 14:03"))
    }

    @Test func sessionReopensTheCaseBeingWorkedOn() {
        var walked = Fixture.press(Fixture.loadedState(), .enter)
        walked.caseState.id = "case-0007"
        let saved = Session.encode(walked)
        #expect(saved.hasPrefix("open-case case-0007\n"))
        var fresh = AppState()
        fresh.pendingRestore = saved
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: FixtureModel())))
        #expect(restored.effects.contains(.persist(.openCase(id: "case-0007"))))
        #expect(restored.state.stack.map(\.kind) == walked.stack.map(\.kind))
    }

    @Test func sessionRoundTrips() throws {
        let walked = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char("j"), .enter)
        let saved = Session.encode(walked)
        // A cluster is saved by its number, the hash of its members' ids and one member's id.
        let cluster = try #require(SessionClusterIdentity.encode(1, model: FixtureModel()))
        #expect(cluster.hasPrefix("1:") && cluster.hasSuffix(":" + ExactText("acct_9f3e21").base64))
        #expect(saved == "triage - 0\ncluster64 \(cluster) 1\naccount64 \(ExactText("acct_a0b1c2").base64) 0\nmark \(MarkKey.account(ExactText("acct_9f3e21")))\n")
        var fresh = AppState()
        fresh.pendingRestore = saved
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: FixtureModel()))).state
        #expect(restored.stack.map(\.kind) == walked.stack.map(\.kind))
        #expect(restored.stack[1].cursor == 1)
        #expect(restored.marks == walked.marks)
    }
}
