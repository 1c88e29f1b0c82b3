import Investigate
import Testing
@testable import tui

/// A new user's trial of session 18's build (blind source 16b at 80x24): the compare sheet's
/// shared values, `T`'s prompt, Home on a long note, the cursor across a sort, a long status
/// beside the marks counter.
@Suite struct TrialEighteenBTests {
    // MARK: 1. Every shared row of `=` says it is both's.

    @Test func everySharedValueRowOfACompareSaysSame() {
        for size in [TerminalSize(rows: 24, cols: 80), TerminalSize(rows: 40, cols: 120)] {
            let s = Fixture.press(Fixture.loadedState(size: size), .enter, .char(" "), .char(" "), .char("="))
            guard case .record? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
            let frame = Fixture.frame(s)
            // The pair shares payment pf_77aa, ip 203.0.113.7 and asn AS16509: each row says `(same)`.
            for value in ["payment pf_77aa", "ip 203.0.113.7", "asn AS16509"] {
                let row = frame.first { $0.contains(value) && !$0.contains("own ") } ?? ""
                #expect(row.hasSuffix("| (same)"), "\(size.cols) columns: \(row)")
            }
            #expect(frame.filter { $0.hasSuffix("| (same)") }.count == 3)
        }
    }

    @Test func aSharedValueThatWrapsKeepsItsSameBesideIt() {
        let a = AccountDetail(account: 0, id: "a", cluster: 1, risk: 0.5, attributes: [],
                              values: [ValueRow(kind: .userAgent, value: 0, text: String(repeating: "agent ", count: 12), sharedBy: 2, isHub: false),
                                       ValueRow(kind: .ip, value: 0, text: "10.0.0.1", sharedBy: 2, isHub: false)],
                              signals: [], timeline: [])
        var b = a
        b.id = "b"
        let lines = RecordOverlay.lines(RecordBuilder.compare(a, b), width: 78, ascii: false).map(\.text)
        // The ip's row, after the user agent's wrapped lines, still has its own `(same)`.
        let ip = lines.first { $0.contains("ip 10.0.0.1") } ?? ""
        #expect(ip.contains("| (same)"), "\(lines)")
    }

    // MARK: 2. `T`'s prompt keeps the rating and the bar at 80 columns.

    @Test func tsPromptShowsTheRatingAndTheBarWholeAt80() {
        // c2 (0.35): acct_c4c4c4 at 0.05 is rated below it on its own.
        let asked = Fixture.press(Fixture.loadedState(), .char("j"), .char("T"))
        let line = Fixture.frame(asked)[22]
        // c2 is under the flag line, said before what Enter does (session 30's trial).
        #expect(line.hasPrefix(":tagcluster _   1 of 2 rated below c2's 0.35 (under 0.50), lowest 0.05"), "\(line)")
        #expect(!line.contains("…"), "\(line)")
        // An operation's: the span and the bar whole beside the prompt, before and after the label.
        let model = FixtureModel()
        model.withOperation = true
        let op = Fixture.press(Fixture.loadedState(model: model), .char("T"))
        let opLine = Fixture.frame(op)[22]
        #expect(opLine.hasSuffix("   2 (1 cluster) of 4 rated 0.05-0.35, under 0.85 of op1's 0.91"), "\(opLine)")
        let held = Fixture.step(op).typing("distill-ring").pressing(.enter).state
        let heldLine = Fixture.frame(held)[22]
        #expect(heldLine.hasSuffix("2 of 4 rated 0.05-0.35, under 0.85 of op1's 0.91"), "\(heldLine)")
    }

    @Test func anOperationsShortestWordingDropsTheClusterCountBeforeTheBar() {
        // 16b's op2 at 80 columns: `7 (3 clusters) of 126 rated 0.38-0.41, under 0.85 of op2's 0…`.
        var scope = ClusterTagScope(clusterKeys: ["cluster:c4", "cluster:c14"])
        scope.strong = (0..<119).map { "a\($0)" }
        scope.weak = (0..<7).map { "b\($0)" }
        (scope.lowest, scope.highest, scope.clusterRisk, scope.weakClusters) = (0.38, 0.41, 0.52, 3)
        #expect(scope.shortPromptNote(owner: "op2's", asks: false) == "7 (3 clusters) of 126 rated 0.38-0.41, under 0.85 of op2's 0.52")
        #expect(scope.shortPromptNote(owner: "op2's", asks: false, clusters: false) == "7 of 126 rated 0.38-0.41, under 0.85 of op2's 0.52")
    }

    @Test func tsPromptKeepsItsFullWordingWhereItFits() {
        // Nobody rated below: what T tags is said as before.
        let even = Fixture.press(Fixture.loadedState(model: Fixture.evenModel()), .char("T"))
        #expect(even.status == "tags c1 and its 2 accounts (Esc cancels)", "\(even.status)")
        // Marks the prompt does not use: said shorter before being cut (hydra's c1 with 4 marks).
        let marked = Fixture.press(Fixture.loadedState(model: Fixture.evenModel()), .char(" "), .char(" "), .char("g"), .char("T"))
        #expect(marked.status == "tags c1 and its 2 accounts (2 marks not used)", "\(marked.status)")
        let wide = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 120), model: Fixture.evenModel()),
                                 .char(" "), .char(" "), .char("g"), .char("T"))
        #expect(wide.status == "tags c1 and its 2 accounts (2 marks not used: t tags marked rows) (Esc cancels)", "\(wide.status)")
        var narrow = Fixture.loadedState(model: Fixture.evenModel())
        narrow.marks = MarkSet((0..<1_000).map { MarkKey.account(ExactText("acct_\($0)")) })
        let many = Fixture.press(narrow, .char("T"))
        #expect(many.status == "tags c1 and its 2 accounts (1,000 marks not used)", "\(many.status)")
        #expect(!Fixture.frame(many)[22].contains("…"), "\(Fixture.frame(many)[22])")
    }

    // MARK: 3. Home on a long note shows the prompt's start.

    @Test func homeOnALongNoteShowsTheCommandWordWhole() {
        // Every length from one line to nearly three: paging left by halves had landed a few
        // characters past the start (`:…e c3 is a`) for some.
        for length in stride(from: 70, through: 220, by: 3) {
            let note = String(String(repeating: "c3 is a ring ", count: 20).prefix(length))
            var s = Fixture.press(Fixture.loadedState(), .char("a"))
            s = note.reduce(s) { Fixture.press($0, .char($1)) }
            s = Fixture.press(s, .home)
            let line = Fixture.frame(s)[22]
            #expect(line.hasPrefix(":note c3 is a"), "\(length): \(line)")
        }
    }

    @Test func theStartShowsWheneverItHoldsTheCursor() {
        let text = String((0..<150).map { Character(Unicode.Scalar(0x61 + $0 % 26)!) })
        for cursor in 0..<30 {
            let view = PromptLine.view(text, cursor: cursor, room: 40)
            #expect(!view.left && view.right, "cursor \(cursor)")
        }
    }

    // MARK: 4. A sort keeps the cursor on its row.

    @Test func sortingKeepsTheCursorOnItsCluster() {
        var s = Fixture.press(Fixture.loadedState(), .char("j"))
        func idUnderCursor(_ s: AppState) -> String {
            let t = AppUpdate.table(s, s.current)
            return t.ids[s.current.tableRow(at: s.current.cursor)]
        }
        #expect(idUnderCursor(s) == "c2")
        var moved = false
        for _ in 0..<6 {
            s = BulkWorkTests.settle(Fixture.step(s, .char("s")))
            #expect(idUnderCursor(s) == "c2", "sort \(s.current.sortColumn ?? -1) \(s.current.sortAscending)")
            moved = moved || s.current.cursor == 0
        }
        #expect(moved, "some sort put c2 first, and the cursor went with it")
        #expect(s.current.top == 0)
        // A filter still starts at the top.
        let filtered = BulkWorkTests.settle(Fixture.step(s, .char("f")).typing("risk>0").pressing(.enter))
        #expect(filtered.current.cursor == 0)
    }

    // MARK: 5. A status wins over the marks counter.

    @Test func aLongStatusIsNotCutForTheMarksCounter() {
        var s = Fixture.press(Fixture.loadedState(), .char(" "), .char(" "))
        #expect(s.marks.count == 2)
        s.status = "user_agent Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36: the one value containing 'x'"
        let line = Fixture.frame(s)[22]
        #expect(!line.contains("[2 marked]") && line.hasPrefix("user_agent Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36: the one v"),
                "\(line)")
        // A status that fits beside it keeps the counter.
        s.status = "2 marked"
        #expect(Fixture.frame(s)[22].contains("[2 marked]"))
    }

    @Test func pivotsOneValueStatusIsWholeAt80() throws {
        let agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) NoteWeave/3.2.0"
        let ids = ["p1", "p2", "o3"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.\(i)",
             "user_agent": i < 2 ? agent : "python-requests/2.\(i)", "prompt": "hello \(i)"]
        })
        var s = Fixture.press(source.loaded(), .char(":"))
        s = "pivot user_agent noteweave".reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.scanned(Fixture.step(s, .enter))
        guard case .sharedValue(.userAgent, _) = s.current.kind else { Issue.record("\(s.status)"); return }
        #expect(TextWidth.of(s.status) <= StatusFit.width && s.status.hasSuffix("the one value containing 'noteweave'"), "\(s.status)")
        #expect(Fixture.frame(s)[22].contains("the one value containing 'noteweave'"), "\(Fixture.frame(s)[22])")
    }
}
