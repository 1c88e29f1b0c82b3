import Investigate
import Testing
@testable import tui

/// A new user's trial of session 15's build (blind source 12b at 80x24 and wider): a note longer
/// than the screen could not be read before Enter wrote it, the column cursor stopped on the
/// risk bar (no title; `s` then sorted by nothing visible), a sort left an operation's clusters
/// indented under rows not theirs, the operation overlay's hint turned into a plain record's on
/// a key it does not take, and the restore line lost "case-0001 open" at 80 columns.
@Suite struct TrialSixteenScreenTests {
    @Test func aLongPromptKeepsItsEndInView() {
        var s = Fixture.press(Fixture.loadedState(), .char("a"))
        let words = "This is a long note that goes beyond eighty columns so I can see whether it scrolls END"
        s = words.reduce(s) { Fixture.press($0, .char($1)) }
        let frame = Fixture.frame(s)
        let status = frame[frame.count - 2]
        #expect(status.contains("scrolls END_"), "\(status)")
        #expect(status.hasPrefix(":…"), "the cut start is marked: \(status)")
        #expect(TextWidth.of(status.trimmingCharacters(in: .whitespaces)) < 80)
        // Short text is drawn whole, as before.
        #expect(Chrome.typed(":", "note hi", width: 80) == ":note hi_")
        #expect(Chrome.typed("/", String(repeating: "x", count: 100), width: 20) == "/…" + String(repeating: "x", count: 16) + "_")
    }

    @Test func theColumnCursorPassesOverTheRiskBar() {
        var s = Fixture.loadedState(size: TerminalSize(rows: 24, cols: 120))
        var titles: [String] = []
        for _ in 0..<4 {
            s = Fixture.press(s, .char(">"))
            titles.append(AppUpdate.table(s, s.current).columns[s.current.column ?? 0].title)
        }
        #expect(titles == ["cluster", "risk", "size", "links"], "\(titles)")
        #expect(s.status.hasPrefix("column: links"))
        s = Fixture.press(s, .char("<"), .char("<"))
        #expect(AppUpdate.table(s, s.current).columns[s.current.column ?? 0].title == "risk")
    }

    @Test func sortedTriageDrawsAnOperationsClustersFlat() {
        let model = FixtureModel()
        model.withOperation = true
        var s = Fixture.loadedState(size: TerminalSize(rows: 40, cols: 120), model: model)
        #expect(Fixture.frame(s)[5].hasPrefix("    c1 "), "in triage order they sit beneath op1")
        let rows = AppUpdate.table(s, s.current).count
        s.current.sortColumn = AppUpdate.table(s, s.current).columns.firstIndex { $0.title == "size" }
        s.current.order = Array((0..<rows).reversed())
        let frame = Fixture.frame(s)
        #expect(!frame.contains { $0.hasPrefix("    c") }, "\(frame.prefix(10))")
        #expect(frame.contains { $0.hasPrefix("  c1 ") })
    }

    @Test func theOperationOverlayKeepsItsOwnHint() {
        let model = FixtureModel()
        model.withOperation = true
        let s = Fixture.press(Fixture.loadedState(model: model), .enter, .char("H"))
        guard case .record? = s.overlay else { Issue.record("the overlay stays open"); return }
        #expect(s.status.hasPrefix("operation: j/k select a tying value"), "\(s.status)")
    }

    @Test func triageCaptionFitsEightyColumnsWithLargeCounts() {
        let counts = TriageCounts(linked: 16, linkedShown: 16, singles: 17_686, singlesShown: 21)
        // Under a filter the caption follows `filter 'risk>0.5': `, so it has less than 80.
        let line = Captions.triage(counts, width: 66)
        #expect(TextWidth.of(line) <= 66, "\(line)")
        #expect(line.contains("(X: all)") && line.contains("17,665 hidden"))
        #expect(Captions.triage(counts).hasSuffix("press X to list them all"), "wide: the full wording")
    }

    @Test func comparedAccountsOwnValuesLineUpByKind() throws {
        let ids = ["left-1", "right-2", "third-3"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.11\(i).9", "asn": i == 0 ? "AS8075" : "AS14061",
             "user_agent": "ua-\(i)/1.0", "prompt": "hello \(i)"]
        })
        var s = source.loaded()
        s.marks = [MarkKey.account(ExactText("left-1")), MarkKey.account(ExactText("right-2"))]
        s = Fixture.press(s, .char("="))
        guard case .record(let record)? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
        // One row per kind, each side's values of that kind beside the other's.
        let asn = try #require(record.fields.first { $0.key == "own asn" })
        #expect(asn.values.count == 2)
        #expect(asn.values[0].hasPrefix("AS8075") && asn.values[1].hasPrefix("AS14061"), "\(asn.values)")
        let ip = try #require(record.fields.first { $0.key == "own ip" })
        #expect(ip.values[0].hasPrefix("203.0.110.9") && ip.values[1].hasPrefix("203.0.111.9"), "\(ip.values)")
        #expect(!record.fields.contains { $0.key == "own values" })
    }

    @Test func aDumpsBreadcrumbKeepsWholeIds() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .enter)
        guard case .account(let a) = s.current.kind else { Issue.record("an account sheet: \(s.current.kind)"); return }
        let id = s.data!.model.accountID(a)
        #expect(id.count > 10, "the fixture's ids are cut on screen")
        #expect(!Chrome.breadcrumb(s).contains(id), "on screen the id is shortened")
        #expect(Chrome.breadcrumb(s, full: true).hasSuffix(" > " + id))
    }

    @Test func pivotOnPartOfAValueOpensTheOneContainingIt() throws {
        let ids = ["plug-1", "plug-2", "other-3", "other-4"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.\(i)",
             "user_agent": i < 2 ? "NoteWeave-plugin/3.2.0" : "python-requests/2.\(i)", "prompt": "hello \(i)"]
        })
        func pivot(_ text: String) -> AppState {
            var s = Fixture.press(source.loaded(), .char(":"))
            s = ("pivot user_agent " + text).reduce(s) { Fixture.press($0, .char($1)) }
            return Fixture.scanned(Fixture.step(s, .enter))
        }
        let one = pivot("noteweave")
        guard case .sharedValue(.userAgent, _) = one.current.kind else { Issue.record("\(one.status)"); return }
        #expect(one.status == "user_agent NoteWeave-plugin/3.2.0: the one value containing 'noteweave'")
        let two = pivot("python")
        #expect(two.current.kind == .triage)
        #expect(two.status.hasPrefix("no user_agent 'python'; 2 contain it: j/k select, Enter opens"), "\(two.status)")
        let none = pivot("curl")
        #expect(none.status == "no user_agent 'curl', nor one containing it")
    }

    @Test func enterWithNoLabelKeepsThePromptOpen() {
        let asked = Fixture.press(Fixture.loadedState(), .char("T"), .enter)
        guard case .commandLine(let text, _)? = asked.overlay else { Issue.record("the prompt closed: \(asked.status)"); return }
        #expect(text == "tagcluster ")
        #expect(asked.promptRefusal == "type a label first (Tab lists them); Esc cancels")
        #expect(asked.caseState.tags.isEmpty)
        // A key after it is typed into the prompt, not run as a command.
        let typed = Fixture.press(asked, .char("o"))
        #expect(typed.overlay == .commandLine(text: "tagcluster o", completions: []))
        let note = Fixture.press(Fixture.loadedState(), .char("a"), .enter)
        #expect(note.promptRefusal == "type the note first; Esc cancels")
    }

    @Test func aRecordWrapsJSONBetweenItemsNotInsideIds() {
        let ids = ["u3493lswikon", "u31i24ows097", "u5oqhyrgfuq1", "u9a8b7c6d5e4"]
        let json = "{\"accounts\":[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "],\"label\":\"ring-member\"}"
        let lines = TextWrap.wrap(json, width: 34)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 34 }, "\(lines)")
        #expect(lines.joined() == json, "nothing lost or added")
        for id in ids { #expect(lines.contains { $0.contains(id) }, "\(id) whole on one line: \(lines)") }
        // Prose still breaks at spaces, the space dropped.
        #expect(TextWrap.wrap("one two three", width: 8) == ["one two", "three"])
    }
}
