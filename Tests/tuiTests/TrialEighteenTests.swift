import Investigate
import Testing
@testable import tui

/// A new user's trial of session 17's build (blind source 15b at 80x24 over tmux).
@Suite struct TrialEighteenTests {
    /// An operation as 15b's op1 was: its riskiest cluster itself under 0.5 (c1 0.43), the other
    /// a little below it (c2 0.34, its members 0.34 and 0.30).
    static func weakOperation() -> FixtureModel {
        let model = FixtureModel()
        model.withOperation = true
        model.clusterRisks = [0.43, 0.34]
        for (i, risk) in [0.43, 0.42, 0.34, 0.30].enumerated() { model.accounts[i].risk = risk }
        return model
    }

    // MARK: 1. T on a weak operation says the gap as it is.

    @Test func aWeakOperationsChoiceSaysTheRatingsAndTheBarNotWellBelow() {
        let triage = Fixture.loadedState(model: Self.weakOperation())
        let asked = Fixture.press(triage, .char("T"))
        // op1 (0.43) is under the flag line: said before the weak cluster's count (session 30's trial).
        #expect(asked.status == "2 of 4 rated 0.30-0.34, under 0.85 of op1's 0.43 (under 0.50)", "\(asked.status)")
        let held = Fixture.step(asked).typing("ring").pressing(.enter)
        #expect(!held.state.status.contains("well below"), "\(held.state.status)")
        let frame = Fixture.frame(held.state)
        // At 80 columns the ratings and the bar show whole: 0.34 against 0.43 reads as the small gap it is.
        #expect(frame[22].hasPrefix(":tagoperation ring_   2 of 4 rated 0.30-0.34, under 0.85 of op1's 0.43"), "\(frame[22])")
        let only = Fixture.step(held.state, .char("o"), .enter)
        #expect(only.state.caseState.audit.last?.detail.contains(
            "only the 2 of 4 rated like the operation; 2 rated 0.30-0.34, under 0.85 of the operation's 0.43 or of their cluster's left untagged") == true,
                "\(only.state.caseState.audit.last?.detail ?? "")")
        #expect(only.state.status.hasPrefix("tagged 2 of op1's 4 accounts 'ring'"), "\(only.state.status)")
    }

    // MARK: 2. Triage's tags column has the room its labels need at 80 columns.

    static func tagged(_ state: AppState, _ keys: [String: [String]]) -> AppState {
        var s = state
        s.caseState.tags = keys
        return s
    }

    @Test func triagesTagsColumnShowsAMemberCountAndLabelWholeAt80() {
        // 15 cells: the flexible columns give; 22 (15b's `33/36 ring-member` is 17): the bar goes too.
        // Two labels, each counted (session 19): `1/2 benign,1 ring-member` is 24, wider than the
        // column's 21 here, so the label that does not fit is counted.
        for (labels, cell) in [(["ring-member"], "1/2 ring-member"), (["ring-member", "benign"], "1/2 benign,+1")] {
            let s = Self.tagged(Fixture.loadedState(), [MarkKey.account(ExactText("acct_9f3e21")): labels])
            let frame = Fixture.frame(s)
            let c1 = TrialSeventeenFixTests.row(frame, "c1")
            #expect(c1.hasSuffix(" " + cell), "\(c1)")
            #expect(frame.allSatisfy { TextWidth.of($0) <= 80 })
            // The risk figure stays; the sample accounts and signals still show a readable part.
            #expect(c1.contains("0.91") && c1.contains("acct_9f") && c1.contains("shared_"), "\(c1)")
            // Every row of the page is laid out alike: c2's size ends where c1's does.
            let c2 = TrialSeventeenFixTests.row(frame, "c2")
            #expect(c1.range(of: " 2 ")?.upperBound.utf16Offset(in: c1) == c2.range(of: " 2 ")?.upperBound.utf16Offset(in: c2))
        }
        // No tag: triage as before, the bar drawn.
        let plain = TrialSeventeenFixTests.row(Fixture.frame(Fixture.loadedState()), "c1")
        #expect(plain.contains("█"), "\(plain)")
    }

    @Test func theTagsColumnGrowsFromTheFlexibleColumnsThenTheDroppableOne() {
        let columns: [TableColumn] = [.init(title: "cluster", width: 7), .init(title: "", width: 6, droppable: true, isBar: true),
                                      .init(title: "accounts", width: 14, flexible: true), .init(title: "tags", width: 6)]
        // 7+6+14+6 and 2 markers and 3 spaces: 38. At 40, 2 spare: the tags column takes 8 alone.
        var wide = columns
        TagsColumnRoom.make(&wide, tags: 3, wanted: 8, total: 40, keep: nil)
        #expect(wide.map(\.width) == [7, 6, 14, 8] && !wide[1].blank)
        // 12 wanted: the accounts column gives 4 (down to 10), nothing is dropped.
        var flexible = columns
        TagsColumnRoom.make(&flexible, tags: 3, wanted: 12, total: 40, keep: nil)
        #expect(flexible.map(\.width) == [7, 6, 10, 12] && !flexible[1].blank)
        // 16 wanted: the accounts column gives 4, then the bar goes (7 with its space).
        var dropped = columns
        TagsColumnRoom.make(&dropped, tags: 3, wanted: 16, total: 40, keep: nil)
        #expect(dropped[1].blank && dropped[3].width == 16)
        // The column under the column cursor is never dropped.
        var kept = columns
        TagsColumnRoom.make(&kept, tags: 3, wanted: 16, total: 40, keep: 1)
        #expect(!kept[1].blank && kept[3].width == 12)
    }

    // MARK: 3. An ambiguous :pivot opens a picker with every value whole.

    @Test func anAmbiguousPivotListsEveryValueWholeAndEnterOpensOne() throws {
        let ids = (0..<14).map { "acct-\($0)" }
        let agents = ids.indices.map { "python-requests/2.\($0) (harvest-build \($0); linux x86_64)" }
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i % 9 + 1)T00:00:00Z", "ip": "203.0.113.\(i)", "user_agent": agents[i],
             "prompt": "hello \(i)"]
        })
        var s = AppState()
        s.size = TerminalSize(rows: 24, cols: 80)
        s = AppUpdate.update(s, .loaded(ConsoleData(model: source.model))).state
        s = Fixture.press(s, .char(":"))
        s = "pivot user_agent harvest".reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.scanned(Fixture.step(s, .enter))
        guard case .record(let picker)? = s.overlay else { Issue.record("no picker: \(s.status)"); return }
        #expect(picker.choices.count == 14)
        #expect(s.status == "no user_agent 'harvest'; 14 contain it: j/k select, Enter opens, Esc closes")
        let frame = Fixture.frame(s)
        #expect(frame.contains { $0.contains("pivot: 14 user_agent values contain 'harvest', most held first") })
        // Each value is drawn whole (at 80 columns, on one line).
        for agent in agents.prefix(8) { #expect(frame.contains { $0.contains(agent + " (1 account)") }, "\(agent): \(frame)") }
        // The page scrolls to the selection; Enter opens the chosen value's sheet.
        let last = Fixture.press(s, .end)
        // Each held by one account: in byte order (session 19), `2.9` last after `2.10`-`2.13`.
        #expect(Fixture.frame(last).contains { $0.contains("> " + agents[9]) })
        let opened = Fixture.press(s, .char("j"), .enter)
        guard case .sharedValue(.userAgent, let value) = opened.current.kind else { Issue.record("\(opened.current.kind)"); return }
        #expect(source.model.valueText(.userAgent, value) == agents[1])
        #expect(opened.overlay == nil)
    }

    /// A hostile value of 100 KB is cut in its middle in the picker (its start and end kept),
    /// so a list of such values stays a few thousand lines; a real value is drawn whole.
    @Test func aHugeValueIsCutInThePickerAndARealOneIsNot() throws {
        let ids = ["acct-0", "acct-1"]
        let huge = "harvest-" + String(repeating: "x", count: 100_000) + "-end"
        let agents = [huge, "python-requests/2.31 (harvest-build 7)"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 1)T00:00:00Z", "ip": "203.0.113.\(i)", "user_agent": agents[i], "prompt": "hello"]
        })
        let picker = AppUpdate.pivotPicker(kind: .userAgent, typed: "harvest", ids: [0, 1], total: 2, model: source.model)
        let texts = picker.choices.map(\.text)
        let cut = try #require(texts.first { $0.hasPrefix("harvest-x") })
        #expect(cut.count < AppUpdate.pickerValueColumns + 20)
        #expect(cut.contains("…") && cut.hasSuffix("x-end (1 account)"))
        #expect(texts.contains("python-requests/2.31 (harvest-build 7) (1 account)"))
    }

    @Test func aPickerCutAtItsLimitSaysHowManyMoreAndHowToNarrow() {
        let picker = AppUpdate.pivotPicker(kind: .ip, typed: "10.", ids: [0, 1], total: 1_412, model: FixtureModel())
        #expect(picker.fields.first { $0.key == "listed" }?.values == ["the 2 most held of 1,412: type more of one to narrow"])
    }

    // MARK: 6. A long note scrolled in the prompt.

    @Test func aLongNoteScrolledShowsAnEllipsisOnlyWhereTextIsHidden() {
        let note = String(repeating: "the ring rotates cards weekly ", count: 5)
        var s = Fixture.press(Fixture.loadedState(), .char("a"))
        s = note.reduce(s) { Fixture.press($0, .char($1)) }
        for moved in 0..<150 {
            guard case .commandLine(let text, _)? = s.overlay else { Issue.record("the prompt closed"); return }
            let view = PromptLine.view(text, cursor: PromptEditing.cursor(text, tail: s.promptTail), room: 78)
            let line = Fixture.frame(s)[22]
            // The status beside the prompt is not squeezed into a lone `…` after the text (a trial
            // read it as a second ellipsis, as if more text were hidden there).
            #expect(line.filter { $0 == "…" }.count == (view.left ? 1 : 0) + (view.right ? 1 : 0), "after \(moved) Left: \(line)")
            s = Fixture.press(s, .left)
        }
        // A short note keeps what it writes to beside it.
        let short = Fixture.press(Fixture.loadedState(), .char("a"), .char("x"))
        #expect(Fixture.frame(short)[22].contains("   "), "\(Fixture.frame(short)[22])")
    }

    // MARK: 8. `=` compares the two accounts in the order they were marked.

    @Test func compareListsTheAccountsInTheOrderMarked() throws {
        // On c1's sheet: mark acct_a0b1c2 (second row) first, then acct_9f3e21.
        let s = Fixture.press(Fixture.loadedState(), .enter, .down, .char(" "), .up, .up, .char(" "), .char("="))
        guard case .record(let record)? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
        #expect(record.fields.first { $0.key == "account" }?.values == ["acct_a0b1c2", "acct_9f3e21"])
        // The other way round, the other order.
        let other = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("="))
        guard case .record(let second)? = other.overlay else { Issue.record("no comparison: \(other.status)"); return }
        #expect(second.fields.first { $0.key == "account" }?.values == ["acct_9f3e21", "acct_a0b1c2"])
        var marks = MarkSet(["b", "a", "c"])
        marks.remove("a")
        marks.insert("a")
        #expect(Array(marks) == ["b", "c", "a"] && marks == ["a", "b", "c"])
    }

    // MARK: 7. A re-export's line at 80 columns.

    @Test func aReExportOfAChangedCaseNamesTheKeptBundleWithin80Columns() {
        let done = "exported case-0001 as case-0001-3.zip: 11 files, signed; in /home/investigator/.local/share/investigate/exports"
        let line = ExportLine.line(done: done, file: "case-0001-3.zip", earlier: "case-0001-2.zip", sameBytes: false)
        let s = AppUpdate.update(Fixture.loadedState(), .status(line)).state
        #expect(Fixture.frame(s)[22].hasPrefix("exported case-0001 as case-0001-3.zip (case-0001-2.zip kept): 11 files"),
                "\(Fixture.frame(s)[22])")
    }

    // MARK: 4. A cluster's header says how its members are ordered, unless a column sort is in force.

    @Test func aClustersHeaderSaysItsMembersAreRiskiestFirstUnlessSorted() {
        let cluster = Fixture.press(Fixture.loadedState(), .enter)
        #expect(Fixture.frame(cluster)[1].hasSuffix("2 accounts  riskiest first, to 4 places"), "\(Fixture.frame(cluster)[1])")
        let sorted = Fixture.press(cluster, .char(">"), .char("s"))
        #expect(sorted.current.sortColumn != nil)
        #expect(Fixture.frame(sorted)[1].hasSuffix("2 accounts"), "\(Fixture.frame(sorted)[1])")
    }

    @Test func aOneAccountClustersHeaderSaysNoOrder() throws {
        let source = try TrialFourTests.Source(accounts: ["lone-1", "lone-2"], queries: [
            ["account_id": "lone-1", "ts": "2026-01-02T00:00:00Z", "ip": "203.0.113.1", "prompt": "hello"],
            ["account_id": "lone-2", "ts": "2026-01-03T00:00:00Z", "ip": "198.51.100.2", "prompt": "other"],
        ])
        var s = AppState()
        s.size = TerminalSize(rows: 24, cols: 80)
        s = AppUpdate.update(s, .loaded(ConsoleData(model: source.model))).state
        let cluster = try #require(source.model.account(try source.index("lone-1"))?.cluster)
        s.stack.append(Sheet(.cluster(cluster)))
        let header = Fixture.frame(s)[1]
        #expect(header.hasSuffix("1 account"), "\(header)")
    }

    // MARK: Trial. A cluster's query history cut 12-character ids at 80 columns.

    @Test func aClustersHistoryShowsIdsWholeWhereTheWidthAllowsAndThePromptKeeps40() {
        func widths(_ account: String, _ total: Int) -> (account: Int, prompt: Int) {
            let row = QueryRow(time: "2026-09-27 23:29", account: account, key: "sk-1", ip: "203.0.113.7", model: "m",
                               tokens: 1882, category: "reasoning", prompt: String(repeating: "p", count: 200))
            let w = ViewLayout.columnWidths(SheetTables.queries([row], scope: .cluster(1)).columns, total: total)
            return (w[1], w[7])
        }
        // 15b's ids at 80 columns: whole, the prompt at its 40.
        #expect(widths("un7q96jeuzv2", 80) == (12, 40))
        // Longer ids: the prompt keeps its 40; a wide screen shows them whole; a hostile id grows to 24 at most.
        #expect(widths("acct_0197424deb", 80) == (12, 40))
        #expect(widths("acct_0197424deb", 160).account == 15)
        #expect(widths(String(repeating: "x", count: 60), 200).account == 24)
    }
}
