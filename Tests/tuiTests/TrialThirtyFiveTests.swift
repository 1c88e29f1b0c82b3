import Investigate
import Testing
@testable import tui

/// Session 35's console findings: a huge prompt's record, source columns named like the tool's
/// own fields, the pair view of two very long ids.
@Suite struct TrialThirtyFiveTests {
    /// A query record filled with a prompt of `bytes` bytes (one word repeated, no newline).
    func hugeRecord(bytes: Int) -> AppState {
        let s = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 30, cols: 100)), .char("H"), .enter)
        guard case .record(let record)? = s.overlay, let request = record.pending else { return s }
        let prompt = String(repeating: "step by ", count: bytes / 8)
        let fields = [RecordField("ts", "2025-10-09T10:00:00Z"), RecordField("prompt", prompt),
                      RecordField("request_id", "req_1")]
        return AppUpdate.update(s, .recordRead(request: request, fields: fields)).state
    }

    /// 14: the record's lines (built on every j/k/G) are as many for a 2 MB prompt as for a
    /// 200 KB one, and the cut says how much is left and where to read the row whole.
    @Test func aHugePromptsRecordIsCutAndSaysWhereTheRestIs() throws {
        var lineCounts: [Int] = []
        for bytes in [200_000, 2_000_000] {
            var s = hugeRecord(bytes: bytes)
            guard case .record(let record)? = s.overlay else { Issue.record("no record"); return }
            let lines = RecordOverlay.lines(record, width: 98, ascii: false)
            lineCounts.append(lines.count)
            #expect(lines.count < 1_000, "\(lines.count) lines for \(bytes) bytes")
            let more = bytes - RecordText.byteLimit
            let note = try #require(lines.firstIndex { $0.text.contains("more bytes not shown") })
            #expect(lines[note].text.contains("... \(Format.grouped(more)) more bytes not shown"))
            #expect(lines[note + 1].text.hasSuffix("jsonl` gives the row whole"))
            // The field after the prompt is still there, under the cut.
            #expect(lines.contains { $0.text.contains("req_1") })
            s = Fixture.press(s, .char("G"))
            #expect(Fixture.frame(s).contains { $0.contains("req_1") })
        }
        #expect(lineCounts[0] == lineCounts[1], "the record's size does not follow the prompt's")
    }

    /// 14: a value of newlines alone is cut by lines too; a value under both limits is whole.
    @Test func theCutCountsLinesAndKeepsCharactersWhole() {
        let newlines = [UInt8](repeating: 0x0A, count: 10_000)
        #expect(RecordText.cut(newlines) == RecordText.lineLimit - 1)
        #expect(RecordText.cut(Array("short\nvalue".utf8)) == nil)
        // A two-byte character across the limit is left out whole, never split.
        let bytes = [UInt8](repeating: 0x61, count: RecordText.byteLimit - 1) + Array("é".utf8) + [0x62]
        #expect(RecordText.cut(bytes) == RecordText.byteLimit - 1)
        let shown = RecordText.shown(String(decoding: bytes, as: UTF8.self), whole: nil)
        #expect(!shown.contains("\u{FFFD}"))
        #expect(shown.hasSuffix("... 3 more bytes not shown"))
    }

    /// 8: source columns named `risk`, `cluster`, `tags` show after `from the source:`, quoted,
    /// never as the tool's `risk 0.01` beside its own; the pair view keys them `source "risk"`.
    @Test func theSourcesOwnColumnsAreMarkedAsTheSources() {
        let model = FixtureModel()
        model.extraAttributes = [("risk", "0.01 ░░░░░░░░░░"), ("cluster", "c999"), ("tags", "benign")]
        let s = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 30, cols: 120), model: model), .enter, .enter)
        let header = Fixture.frame(s)[2]
        #expect(header == "country RU  plan payg  from the source: \"risk\" \"0.01 ░░░░░░░░░░\"  \"cluster\" c999  \"tags\" benign",
                "\(header)")
        // A name or a value cannot close its quotes and go on as the tool's fields.
        #expect(SourceColumns.quoted("x\" 0.01  cluster c1  risk 0.00  \"y") == "\"x\\\" 0.01  cluster c1  risk 0.00  \\\"y\"")
        #expect(SourceColumns.shownValue("x  cluster c1") == "\"x  cluster c1\"")
        #expect(SourceColumns.shownValue("c999") == "c999")
        #expect(!header.contains(" risk 0.01") && !header.contains(" cluster c999"))
        let pair = RecordBuilder.compare(model.account(0)!, model.account(1)!)
        let keys = pair.fields.map(\.key)
        #expect(keys.contains("source \"risk\"") && keys.contains("source \"cluster\""), "\(keys)")
        #expect(keys.filter { $0 == "risk" || $0 == "cluster" }.count == 2, "only the tool's own risk and cluster")
    }

    /// 16: two 5,000-character ids are cut in the pair view (head, tail and length), so why the
    /// two are linked is on the first screen and the counter counts the lines drawn.
    @Test func thePairViewCutsLongIDs() throws {
        let model = FixtureModel()
        model.accounts[0].id = "acct_0_" + String(repeating: "L", count: 5_000) + "_end0"
        model.accounts[1].id = "acct_1_" + String(repeating: "L", count: 5_000) + "_end1"
        let record = RecordBuilder.compare(model.account(0)!, model.account(1)!,
                                           why: ["evidence 34.1 bits; a link needs 15.9: linked"])
        let size = TerminalSize(rows: 30, cols: 100)
        let lines = RecordOverlay.lines(record, width: size.cols - 2, ascii: false)
        let why = try #require(lines.firstIndex { $0.text.hasPrefix("why linked") })
        #expect(why < RecordOverlay.height(rows: size.rows), "why linked at line \(why + 1)")
        #expect(lines.count < 40, "\(lines.count) lines")
        let text = lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("_end0") && text.contains("_end1"), "the tails, where look-alikes differ, are shown")
        #expect(text.contains("(5,012 characters)"))
        #expect(AppUpdate.compareStatus(record, size: size, ascii: false) == "comparing two accounts: j/k scroll, Esc closes")
        // The record's own id is the exact one: only what is shown is cut.
        #expect(model.account(0)!.id.count == 5_012)
    }

    /// 4: `pivot DIR user_agent hx-coll` named by a part says so first, never `0 accounts`.
    @Test func aPivotOnAPartSaysItIsAPart() {
        let line = PivotCommand.partLine(kind: .userAgent, given: "hx-coll", containing: 1)
        #expect(line == "user_agent hx-coll: no value is exactly this; 1 user_agent value contains it (give one whole):")
        #expect(!line.contains("0 accounts"))
        #expect(PivotCommand.partLine(kind: .ip, given: "10.", containing: 12).hasSuffix("12 ip values contain it (give one whole):"))
    }
}

/// Session 36: a query value of control bytes (four characters each once escaped) was cut at its
/// bytes, escaped, and cut again by the record: the first note (counting the value's bytes) fell
/// under the second cut, and the note drawn counted escaped characters, the first note's text
/// among them, not the bytes of the value left out.
@Suite struct RecordCutCountsTheValuesBytesTests {
    @Test func aValueOfControlBytesIsCutOnceAndCountsItsOwnBytes() throws {
        let count = 70_000
        let source = try TrialFourTests.Source(
            accounts: ["acct_a"], queries: [["account_id": "acct_a", "ts": "2026-01-02T00:00:00Z", "prompt": String(repeating: "\u{1b}", count: count)]])
        let row = try #require(source.model.queries(.account(try source.index("acct_a"))).rows.first)
        let prompt = try #require(source.model.queryRecord(row).first { $0.key == "prompt" }?.values.first)
        let drawn = RecordOverlay.inertLines(prompt, ascii: false, whole: RecordText.queryWhole)
        let notes = drawn.split(separator: "\n").filter { $0.contains("more bytes not shown") }
        #expect(notes.count == 1, "cut once: \(notes)")
        let shownBytes = try #require(drawn.split(separator: "\n").first).components(separatedBy: "\\x1b").count - 1
        #expect(shownBytes > 0 && shownBytes < count)
        #expect(notes.first?.hasPrefix("... \(Format.grouped(count - shownBytes)) more bytes not shown; ") == true, "\(notes)")
        #expect(drawn.utf8.count <= RecordText.byteLimit)
        #expect(!drawn.unicodeScalars.contains("\u{1b}"))
    }

    /// What `escaped` gives passes `shown` whole, for values under, at and over the limits.
    @Test func theEscapedCutIsNeverCutAgain() {
        let values: [[UInt8]] = [
            Array("short".utf8), [UInt8](repeating: 0x61, count: RecordText.byteLimit * 3), [UInt8](repeating: 0x0A, count: 10_000),
            [UInt8](repeating: 0x07, count: RecordText.byteLimit - 10), Array(String(repeating: "é\u{1b}\n", count: 40_000).utf8),
            [UInt8](repeating: 0xFF, count: 100_000),
        ]
        for value in values {
            let text = RecordText.escaped(value, whole: RecordText.queryWhole)
            #expect(RecordText.shown(text, whole: RecordText.queryWhole) == text, "\(value.count) bytes")
        }
        #expect(RecordText.escaped(Array("a\nb\u{1b}".utf8), whole: nil) == "a\nb\\x1b")
    }
}
