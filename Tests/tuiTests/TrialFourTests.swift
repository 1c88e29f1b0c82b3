import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Trial 4 (a new user's own case source): the console findings fixed on branch h-trial4.
@Suite struct TrialFourTests {
    /// A real source on disk (accounts, then query rows), built through the engine
    /// (`Investigation.open`) as the console does; removed when released.
    final class Source {
        let folder = TestScratch.root + "inv-trial4-\(UUID().uuidString)"
        let model: EngineModel

        init(accounts ids: [String], queries: [[String: Any]]) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let accounts = "account_id,created_at\n" + ids.map { "\"\($0)\",2026-01-01T00:00:00Z\n" }.joined()
            try accounts.write(toFile: folder + "/accounts.csv", atomically: true, encoding: .utf8)
            let rows = try queries.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) + "\n" }
            try rows.joined().write(toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
            model = EngineModel(try Investigation.open(folder))
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func index(_ id: String) throws -> Int { try #require(model.accountIndex(exact: ExactText(id))) }

        /// A loaded console state on this source.
        func loaded() -> AppState { AppUpdate.update(AppState(), .loaded(ConsoleData(model: model))).state }
    }

    /// Ids and values as hostile accounts write them: a bidi override, a space, and a
    /// look-alike whose real id is another's escaped form.
    enum Hostile {
        static let bidi = "u\u{202E}evil-gnp.exe"
        /// Plain text that reads like the escaped form of `bidi`.
        static let lookAlike = "u\\u{202E}evil-gnp.exe"
        static let spaced = "acct with space"
        static let agent = "Mozilla/5.0 (Macintosh) chat-web/4.1"

        static func source() throws -> Source {
            let ids = [bidi, lookAlike, spaced, "plain-1"]
            return try Source(accounts: ids, queries: ids.enumerated().map { i, id in
                ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.7", "user_agent": agent,
                 "prompt": "hello \(i)"]
            })
        }
    }

    /// Finding 2: the session kept the escaped display form of an id and the restore stopped
    /// at it, saying nothing of the sheets it dropped.
    @Test func aSessionRestoresIdsAndValuesByTheirExactBytes() throws {
        let source = try Hostile.source()
        let agent = try #require(source.model.valueID(.userAgent, exact: ExactText(Hostile.agent)))
        var walked = source.loaded()
        walked.stack = [Sheet(.triage), Sheet(.account(try source.index(Hostile.bidi))),
                        Sheet(.sharedValue(.userAgent, agent)),
                        Sheet(.account(try source.index(Hostile.spaced))),
                        Sheet(.queries(.account(try source.index(Hostile.bidi))))]
        let saved = Session.encode(walked)
        #expect(!saved.contains("\u{202E}") && !saved.contains("u\\u{202E}"), "no raw or escaped id in the file")
        var fresh = AppState()
        fresh.pendingRestore = saved
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: source.model))).state
        #expect(restored.stack.map(\.kind) == walked.stack.map(\.kind))
        #expect(restored.status.hasPrefix("restored where you were (5 sheets)"))
        // The look-alike (whose real id is the escaped text) is never what comes back.
        #expect(restored.stack[1].kind != .account(try source.index(Hostile.lookAlike)))
    }

    /// A sheet that is no longer in the source ends the restore, and the status line says how
    /// many of the saved sheets came back instead of passing the loss over.
    @Test func aRestoreThatStopsSaysHowManySheetsCameBack() throws {
        let source = try Hostile.source()
        let gone = ExactText("not-in-this-source").base64
        let plain = ExactText("plain-1").base64
        var fresh = AppState()
        fresh.pendingRestore = "triage - 0\naccount64 \(plain) 0\naccount64 \(gone) 0\naccount64 \(plain) 0\n"
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: source.model))).state
        #expect(restored.stack.count == 2)
        #expect(restored.status.hasPrefix("restored where you were (2 of 4 sheets; the next is not in this source)"))
    }

    /// Finding 4: two builds of one harvester (`... dg/1`, `... dg/2`) read alike once cut, in
    /// the connect pane and in the graph's legend; now each names its own value.
    @Test func valuesThatDifferAtTheirEndStayApartWhenCut() throws {
        let one = "python-requests/2.31.0 dg/1", two = "python-requests/2.31.0 dg/2"
        let ids = ["r1", "r2", "r3", "r4"]
        let source = try Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "user_agent": i < 2 ? one : two, "prompt": "q \(i)"]
        })
        let members = try ids.map { Int32(try source.index($0)) }
        let agents = EngineSketch.lines(members: members, model: source.model).filter { $0.kind == .userAgent }
        #expect(agents.count == 2)
        let shown = agents.map { $0.text.components(separatedBy: " == ")[0] }
        #expect(Set(shown) == ["user_agent python-requ..2.31.0 dg/1", "user_agent python-requ..2.31.0 dg/2"])
        let legend = GraphPane.legendNames(shown, glyphs: Glyphs.unicode)
        #expect(legend == shown.map { "user_agent pytho… " + $0.suffix(4) })
        #expect(Set(legend).count == 2 && legend.allSatisfy { TextWidth.of($0) <= GraphPane.legendValueWidth })
        // Values that stay apart when cut at their end keep the usual cut.
        #expect(GraphPane.legendNames(["email_domain mailnesia.example", "email_domain quickbox.example"], glyphs: Glyphs.unicode)
            == ["email_domain mailnesi…", "email_domain quickbox…"])
    }

    @Test func aMiddleCutKeepsBothEndsAndFitsItsWidth() {
        #expect(TextFit.truncateMiddle("python-requests/2.31.0 dg/2", to: 11) == "pytho… dg/2")
        #expect(TextFit.truncateMiddle("short", to: 11) == "short")
        #expect(TextFit.truncateMiddle("日本語のユーザーエージェント", to: 9) == "日本…ント")
        #expect(TextWidth.of(TextFit.truncateMiddle("日本語のユーザーエージェント", to: 9)) <= 9)
        #expect(TextFit.distinct(["abcdefgh-1", "abcdefgh-2", "zzz"], to: 6) == ["abc…-1", "abc…-2", "zzz"])
    }

    /// Finding 5: `/` typed while a sheet was still being built (query history, the single
    /// accounts) searched the empty table and said "no match" of rows listed a moment later.
    @Test func aSearchOnAListStillBeingBuiltRunsWhenItArrives() {
        let model = FixtureModel()
        model.slowQueries = true
        let state = AppUpdate.update(AppState(), .loaded(ConsoleData(model: model))).state
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: state)
        runner.handle(.enter)
        runner.handle(.char("H"))
        runner.handle(.char("/"))
        for c in "13:58" { runner.handle(.char(c)) }
        runner.handle(.enter)
        #expect(runner.state.status == "/13:58: this list is still being built; the search runs when it shows")
        runner.settle()
        #expect(runner.state.status.hasPrefix("/13:58: match 1 of 1"), "not 'no match': \(runner.state.status)")
        #expect(runner.state.current.cursor == 1)
        #expect(runner.state.search.waitingFor == nil)
    }

    /// Finding 6: scrolled, a long record's first visible line lay under the line counter (words
    /// of a 12,000-word prompt hidden) and its title (whose query it is) scrolled away.
    @Test func aScrolledRecordKeepsItsTitleAndNoLineUnderTheCounter() throws {
        var s = Fixture.press(Fixture.loadedState(), .char("H"), .enter)
        guard case .record(let opened)? = s.overlay, let request = opened.pending else { Issue.record("no record"); return }
        let words = (0..<3_000).map { "w\($0)" }.joined(separator: " ")
        s = AppUpdate.update(s, .recordRead(request: request, fields: [RecordField("prompt", words)])).state
        s = Fixture.press(s, .char("G"))
        guard case .record(let record)? = s.overlay else { Issue.record("closed"); return }
        let frame = Fixture.frame(s)
        #expect(frame[1].hasPrefix(" " + record.title), "the title stays on the first row")
        #expect(frame[1].contains(" of "), "beside the line counter")
        let all = RecordOverlay.lines(record, width: s.size.cols - 2, ascii: false)
        let start = RecordOverlay.maxOffset(record, size: s.size, ascii: false)
        let height = RecordOverlay.height(rows: s.size.rows)
        for (row, line) in all[(start + 1)..<(start + height)].enumerated() {
            let shown = frame[2 + row]
            #expect(shown.trimmingCharacters(in: .whitespaces) == line.text.trimmingCharacters(in: .whitespaces),
                    "every line under the title is whole")
        }
        #expect(frame.joined().contains("w2999"))
        #expect(frame[1].contains("lines \(start + 2)-\(all.count) of \(all.count)"))
    }

    /// Finding 7: the tags column was 6 (triage) and 8 (members) wide: `ring-member` read
    /// `ring-…` at 120 columns beside 60 blank columns of account ids.
    @Test func theTagsColumnGrowsToShowTheLabels() {
        for size in [TerminalSize(rows: 40, cols: 120), TerminalSize(rows: 24, cols: 80)] {
            // Every member rated as its cluster: T asks nothing (TrialSixteenTests has the question).
            var s = Fixture.loadedState(size: size, model: Fixture.evenModel())
            s = Fixture.press(s, .char("T"))
            s = "ring-member".reduce(s) { Fixture.press($0, .char($1)) }
            s = Fixture.press(s, .enter)
            let triage = Fixture.frame(s).first { $0.hasPrefix("> c1") } ?? ""
            if size.cols == 120 { #expect(triage.hasSuffix("ring-member"), "triage at 120: \(triage)") }
            #expect(triage.contains("ring-"), "triage: \(triage)")
            let cluster = Fixture.frame(Fixture.press(s, .enter))
            let member = cluster.first { $0.hasPrefix("> acct_") } ?? ""
            #expect(member.hasSuffix("ring-member"), "members at \(size.cols): \(member)")
            #expect(cluster.allSatisfy { TextWidth.of($0) <= size.cols })
        }
        // With no tags, triage draws no tags column (session 22: an empty one sat beside a cut
        // signals column at 80); its width goes to the flexible ones.
        let plain = Fixture.frame(Fixture.loadedState(size: TerminalSize(rows: 40, cols: 120)))
        #expect(plain.contains { $0.contains("signals") && !$0.contains("tags") })
    }

    /// Finding 8: on a case of another source the case sheet's third line ended in the folder
    /// and then the export state, which was cut off (`export: exported 2026-1…` at 120 columns).
    @Test func aCaseOfAnotherSourceStillSaysWhetherItsExportIsStale() {
        var s = Fixture.loadedState(size: TerminalSize(rows: 40, cols: 120))
        s.caseState.id = "case-0001"
        s.caseState.source = .other(path: "/tmp/trial4/a-rather-long/folder/name/of/the/source/it/was/made/on")
        s.caseState.audit = [CaseAuditLine(user: "root", time: "2026-12-02T00:43:31Z", command: "case.new", detail: ""),
                             CaseAuditLine(user: "root", time: "2026-12-02T00:44:03Z", command: "export", detail: ""),
                             CaseAuditLine(user: "root", time: "2026-12-02T00:45:31Z", command: "tag.add", detail: "")]
        s = Fixture.press(s, .char(":"))
        s = "case".reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.press(s, .enter)
        let line = Fixture.frame(s)[3]
        #expect(line.hasPrefix("SOURCE: from another source: its cluster tags listed apart, writes ask first; export: stale (1 write since) (/tmp/trial"),
                "\(line)")
        #expect(ExportStatus.short(CaseState()) == "not exported")
    }

    /// Finding 3: `T r i Tab` completed to `ring-` and listed `ring-infrastructure ring-member`;
    /// Enter then tagged c1 and its members `ring-`. Enter right after such a Tab is held once.
    @Test func enterRightAfterATabThatListedLabelsIsHeldOnce() {
        var s = Fixture.press(Fixture.loadedState(model: Fixture.evenModel()), .char("T"), .char("r"), .char("i"), .tab)
        guard case .commandLine(let text, let options)? = s.overlay else { Issue.record("no prompt"); return }
        #expect(text == "tagcluster ring-" && options == ["ring-infrastructure", "ring-member"])
        let held = Fixture.step(s, .enter)
        s = held.state
        #expect(s.caseState.tags.isEmpty && !held.effects.contains { if case .persist = $0 { true } else { false } },
                "nothing tagged, nothing written")
        #expect(s.promptRefusal == "Enter again tags 'ring-' as typed, Esc cancels; or type the rest of ring-infrastructure, ring-member (Tab completes)")
        #expect(s.overlay == .commandLine(text: "tagcluster ring-", completions: []))
        // Typing the rest writes the whole label; Enter again writes the typed one as it is.
        let completed = Fixture.press(s, .char("m"), .tab, .enter)
        #expect(completed.caseState.tags[MarkKey.cluster(1)] == ["ring-member"])
        let again = Fixture.press(s, .enter)
        #expect(again.caseState.tags[MarkKey.cluster(1)] == ["ring-"])
        // A Tab that completes one label never holds Enter.
        let direct = Fixture.press(Fixture.loadedState(model: Fixture.evenModel()), .char("T"), .char("b"), .char("e"), .tab, .enter)
        #expect(direct.caseState.tags[MarkKey.cluster(1)] == ["benign"])
    }

    /// Finding 9: `S` then `st` Tab did nothing; the fields and the values they take complete.
    @Test func theSetPromptCompletesFieldsAndTheirValues() {
        var s = Fixture.press(Fixture.loadedState(), .char("S"), .char("s"), .char("t"), .tab)
        #expect(s.overlay == .commandLine(text: "set status ", completions: []))
        s = Fixture.press(s, .char("c"), .char("o"), .tab)
        #expect(s.overlay == .commandLine(text: "set status confirmed ", completions: []))
        s = Fixture.press(s, .enter)
        #expect(s.caseState.status == "confirmed")
        let fields = Fixture.press(Fixture.loadedState(), .char("S"), .char("s"), .tab)
        #expect(fields.overlay == .commandLine(text: "set s", completions: ["severity", "status"]))
        let levels = Fixture.press(Fixture.loadedState(), .char("S"), .char("s"), .char("e"), .tab, .tab)
        #expect(levels.overlay == .commandLine(text: "set severity ", completions: ["low", "medium", "high", "critical"]))
    }

    /// Finding 13: the breadcrumb cut an escaped id inside its escape (`u\u{202E..`).
    @Test func aShortIdNeverEndsInsideAnEscape() {
        #expect(Chrome.short("u\\u{202E}evil-gnp.exe") == "u\\u{202E}..")
        #expect(Chrome.short("acct_A\\x1bBCDEF") == "acct_A\\x1b..")
        #expect(Chrome.short("acct_2e11482dc0") == "acct_2e1..")
        #expect(Chrome.short("ab\\\\cdefghijk") == "ab\\\\cdef..")
        #expect(Chrome.short("acct_\\u{1F}") == "acct_\\u{1F}")
        #expect(Chrome.short("u04771-x90") == "u04771-x90")
    }
}

/// A trial (session 36): a query row of 200,000 extra keys made each j/k in its record take
/// 1.1-1.45 s. The record now shows its first `RecordText.fieldLimit` fields and says how many
/// keys it leaves out, and where the row is read whole.
@Suite struct ManyKeysRecordTests {
    @Test func aRowOfManyKeysIsCutAndSaysHowManyAreLeftOut() throws {
        var row: [String: Any] = ["ts": "2026-05-01T00:00:00Z", "account_id": "acct_a", "prompt": "p"]
        for k in 0..<3_000 { row["k\(k)"] = "v\(k)" }
        let source = try TrialFourTests.Source(accounts: ["acct_a"], queries: [row])
        let detail = source.model.queries(.account(try source.index("acct_a")))
        let query = try #require(detail.rows.first)
        let fields = source.model.queryRecord(query)
        #expect(fields.count == RecordText.fieldLimit + 1)
        let last = try #require(fields.last)
        #expect(last.key == "...")
        #expect(last.values == ["2,503 more keys not shown; " + RecordText.queryWhole], "\(last.values)")
    }
}
