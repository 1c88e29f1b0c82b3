import Investigate
import Testing
@testable import tui

/// Two new-user trials of session 16's builds: a shared value's `T` prompted `:tagcluster`, the
/// query history kept a column that was `-` on every row, sorted triage counted operation rows,
/// and other leftovers (see each test).
@Suite struct TrialSeventeenTests {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    func promptText(_ s: AppState) -> String? {
        if case .commandLine(let text, _)? = s.overlay { return text }
        return nil
    }

    @Test func tsPromptWordNamesWhatItTags() {
        let value = Fixture.press(Fixture.loadedState(), .enter, .enter, .enter)
        #expect(value.current.kind == .sharedValue(.payment, 0))
        let asked = Fixture.press(value, .char("T"))
        #expect(promptText(asked) == "tagvalue ")
        #expect(Fixture.frame(asked)[22].hasPrefix(":tagvalue _"), "\(Fixture.frame(asked)[22])")
        let tagged = Fixture.press(typed(asked, "ring"), .enter)
        #expect(tagged.caseState.tags.values.contains { $0.contains("ring") })
        #expect(tagged.status.hasPrefix("tagged "), "\(tagged.status)")
        // On a cluster's row it is still `tagcluster`; an operation's row says so.
        #expect(promptText(Fixture.press(Fixture.loadedState(), .char("T"))) == "tagcluster ")
        let model = FixtureModel()
        model.withOperation = true
        #expect(promptText(Fixture.press(Fixture.loadedState(model: model), .char("T"))) == "tagoperation ")
        // The word typed where it does not apply tags nothing in its place.
        let wrong = Fixture.press(typed(Fixture.press(Fixture.loadedState(), .char(":")), "tagvalue ring"), .enter)
        #expect(wrong.caseState.tags.isEmpty)
        #expect(wrong.status.hasPrefix("no shared value here"), "\(wrong.status)")
        // Tab completes the labels after the new words too.
        let tab = Fixture.press(typed(asked, "ring-"), .tab)
        guard case .commandLine(let text, let options)? = tab.overlay else { Issue.record("prompt closed"); return }
        #expect(text == "tagvalue ring-" && options.count > 1, "\(text) \(options)")
    }

    @Test func aColumnThatIsADashOnEveryRowIsNotDrawn() {
        let model = FixtureModel()
        model.queryCategory = "-"
        let history = Fixture.press(Fixture.loadedState(model: model), .enter, .enter, .char("H"))
        let table = AppUpdate.table(history, history.current)
        #expect(table.columns.first { $0.title == "category" }?.blank == true)
        let frame = Fixture.frame(history)
        let titles = frame[ViewLayout.tableTitleRow(history.current.kind)]
        #expect(!titles.contains("category"), "\(titles)")
        // The caption says why it is gone where it fits after the hidden columns' hint.
        var wide = history
        wide.size = TerminalSize(rows: 24, cols: 120)
        #expect(Fixture.frame(wide).contains { $0.contains("no category on any row") }, "\(Fixture.frame(wide).prefix(4))")
        #expect(!frame.contains { $0.contains("…") && $0.contains("per hour") }, "never cut: \(frame.prefix(4))")
        // The prompt has the room: wider than with the category shown.
        let widths = ViewLayout.columnWidths(table.columns, total: 80)
        let withCategory = Fixture.press(Fixture.loadedState(), .enter, .enter, .char("H"))
        let shownWidths = ViewLayout.columnWidths(AppUpdate.table(withCategory, withCategory.current).columns, total: 80)
        #expect(widths.last! > shownWidths.last!, "\(widths) \(shownWidths)")
        // The column cursor passes over it.
        var s = history
        for _ in 0..<8 { s = Fixture.press(s, .char(">")) }
        #expect(table.columns[s.current.column ?? 0].title == "prompt")
        #expect(!Fixture.frame(withCategory).contains { $0.contains("no category") })
    }

    @Test func sortedTriageListsAndCountsClustersOnly() {
        let model = FixtureModel()
        model.withOperation = true
        var s = Fixture.loadedState(model: model)
        let table = AppUpdate.table(s, s.current)
        #expect(table.count == 3, "op1's row and its two clusters")
        let size = table.columns.firstIndex { $0.title == "size" }!
        let order = RowQuery.order(table, filter: nil, sortColumn: size) ?? []
        #expect(order.count == 2 && !order.contains { RowQuery.isOperation(table, $0) })
        // Unsorted, the operation's row is listed (a filter alone keeps it too).
        #expect(RowQuery.order(table, filter: "c", sortColumn: nil)?.contains { RowQuery.isOperation(table, $0) } == true)
        s.current.sortColumn = size
        s = AppUpdate.update(s, .orderReady(depth: 0, kind: .triage, order: order)).state
        let frame = Fixture.frame(s)
        #expect(frame[22].hasSuffix("1/2"), "the counter counts clusters: \(frame[22])")
        #expect(s.status.hasPrefix("2 rows"), "\(s.status)")
        #expect(frame[2].contains("2 of 2 clusters shown; operations show unsorted"), "\(frame[2])")
        // Sorted by a column, the first line no longer says "likeliest first" (a trial saw both).
        #expect(frame[1].hasPrefix("clusters, sorted  "), "\(frame[1])")
        #expect(!frame.contains { $0.contains("op1") && $0.contains("operation") && $0.hasPrefix(">") })
        // Without operations nothing is said.
        var plain = Fixture.loadedState()
        plain.current.sortColumn = size
        plain = AppUpdate.update(plain, .orderReady(depth: 0, kind: .triage, order: [1, 0])).state
        #expect(!Fixture.frame(plain)[2].contains("operations"))
    }

    @Test func pivotOnPartOfAValueScansOffTheInputPath() {
        var s = Fixture.press(Fixture.loadedState(), .char(" "))  // a mark, which Esc must not clear
        s = typed(Fixture.press(s, .char(":")), "pivot ip 203.0")
        let asked = Fixture.step(s, .enter)
        guard case .scanValues(.ip, "203.0", let generation)? = asked.effects.last else {
            Issue.record("no scan asked for: \(asked.effects)"); return
        }
        #expect(asked.state.status.hasPrefix("pivot: reading the ip values for '203.0'... (Esc cancels)"), "\(asked.state.status)")
        #expect(asked.state.current.kind == .triage, "nothing opens before the scan answers")
        // The answer opens the one value containing it.
        let opened = AppUpdate.update(asked.state, .valuesFound(generation: generation, ids: [0], total: 1)).state
        #expect(opened.current.kind == .sharedValue(.ip, 0))
        #expect(opened.status.hasSuffix("the one value containing '203.0'"), "\(opened.status)")
        // Esc drops it: said, the marks kept, and the late answer opens nothing.
        let cancelled = Fixture.press(asked.state, .escape)
        #expect(cancelled.status.hasPrefix("pivot cancelled"), "\(cancelled.status)")
        #expect(cancelled.marks.count == 1 && !cancelled.clearMarksArmed)
        let late = AppUpdate.update(cancelled, .valuesFound(generation: generation, ids: [0], total: 1)).state
        #expect(late.current.kind == .triage)
        // A sheet opened meanwhile is not left for the answer's.
        let moved = Fixture.press(asked.state, .enter)
        let stale = AppUpdate.update(moved, .valuesFound(generation: generation, ids: [0], total: 1)).state
        #expect(stale.current.kind == moved.current.kind)
        // A whole value still opens at once, with no scan.
        let whole = Fixture.step(typed(Fixture.press(Fixture.loadedState(), .char(":")), "pivot ip 203.0.113.7"), .enter)
        #expect(whole.state.current.kind == .sharedValue(.ip, 0))
        #expect(!whole.effects.contains { if case .scanValues = $0 { return true } else { return false } })
        // Unless its lookup table would first be rebuilt: then it too is looked up off the input path.
        let cold = FixtureModel()
        cold.lookupReady = false
        let later = Fixture.step(typed(Fixture.press(Fixture.loadedState(model: cold), .char(":")), "pivot ip 203.0.113.7"), .enter)
        #expect(later.state.current.kind == .triage)
        #expect(later.effects.contains { if case .scanValues(.ip, "203.0.113.7", _) = $0 { return true } else { return false } })
        let opened2 = Fixture.scanned(later)
        #expect(opened2.current.kind == .sharedValue(.ip, 0))
        #expect(opened2.status.isEmpty, "a whole value opens as at once, with nothing to say: \(opened2.status)")
    }

    @Test func wideScreensWidenTriagesLinksColumnUpToItsWidestCell() {
        let long = ["payment", "ip", "user_agent", "template"]
        let rows = FixtureModel().clusters().map { row -> TriageRow in
            var r = row
            r.strongestKinds = long
            return r
        }
        let table = SheetTables.triage(rows)
        let links = table.columns.firstIndex { $0.title == "links" }!
        let want = TextWidth.of(long.joined(separator: ","))
        #expect(ViewLayout.columnWidths(table.columns, total: 80)[links] == 14, "80 columns: no width to spare")
        #expect(ViewLayout.columnWidths(table.columns, total: 160)[links] == want)
        // Never wider than its widest cell, and only from width the others would leave blank:
        // their cells stay whole.
        let widths = ViewLayout.columnWidths(table.columns, total: 240)
        #expect(widths[links] == want && widths.reduce(0, +) + 2 + widths.count - 1 == 240)
        for title in ["accounts", "signals"] {
            let index = table.columns.firstIndex { $0.title == title }!
            let widest = table.rows.map { TextWidth.of($0[index]) }.max()!
            #expect(ViewLayout.columnWidths(table.columns, total: 120)[index] >= widest, "\(title) stays whole at 120")
        }
        // Short cells: the column stays as it was.
        #expect(ViewLayout.columnWidths(SheetTables.triage(FixtureModel().clusters()).columns, total: 160)[links] == 14)
    }

    @Test func anAccountsValuesSayHowTheyAreOrdered() {
        let account = Fixture.press(Fixture.loadedState(), .enter, .enter)
        #expect(Fixture.frame(account)[3].hasSuffix("ordered by: shared, hubs, own"), "\(Fixture.frame(account)[3])")
        // The risk pane is not the values: no caption there.
        #expect(!Fixture.frame(Fixture.press(account, .tab))[3].contains("ordered by"))
    }

    @Test func theCaseSheetGroupsTagsByLabel() {
        var c = CaseState()
        c.tags[MarkKey.cluster(1)] = ["ring-member"]
        c.tags[MarkKey.cluster(2)] = ["decoy"]
        c.tags[MarkKey.cluster(3)] = ["ring-member"]
        c.tags[MarkKey.account(.init("acct_a"))] = ["decoy"]
        let rows = CaseTable.build(c).rows.map { $0[1] + " " + $0[2] }
        #expect(rows == ["c2 (cluster) decoy", "acct_a (account) decoy", "c1 (cluster) ring-member", "c3 (cluster) ring-member"], "\(rows)")
    }
}
