import Testing
@testable import tui

/// Issue 14, point 1: Enter on a query, note or audit row opens the whole record, wrapped,
/// scrollable and sanitised; `=` compares two marked accounts side by side.
@Suite struct RecordViewTests {
    /// Triage > queries of cluster c1, cursor on the first (hostile) query.
    func queryHistory() -> AppState {
        Fixture.press(Fixture.loadedState(), .char("H"))
    }

    @Test func enterOnAQueryOpensItsRecordAndReadsTheWholeRow() throws {
        let opened = Fixture.step(queryHistory(), .enter)
        let s = opened.state
        guard case .record(let record)? = s.overlay, let request = record.pending else {
            Issue.record("no pending record: \(String(describing: s.overlay))")
            return
        }
        #expect(opened.effects.contains(.readQuery(scope: .cluster(1), row: 0, request: request)))
        let long = String(repeating: "harvest the reasoning of the model step by step ", count: 8)
        let fields = [RecordField("ts", "2026-06-01T14:03:00Z"), RecordField("prompt", long + "\u{1B}[2J"),
                      RecordField("request_id", "req_544da876b239")]
        let filled = AppUpdate.update(s, .recordRead(request: request, fields: fields)).state
        let frame = Fixture.frame(filled)
        #expect(frame.contains { $0.contains("request_id") && $0.contains("req_544da876b239") })
        #expect(frame.filter { $0.contains("harvest the reasoning") }.count >= 4, "the prompt is wrapped, not cut")
        #expect(frame.allSatisfy { !$0.unicodeScalars.contains { $0.value == 0x1B } })
        #expect(frame.joined().contains("\\x1b[2J"))
        // A late answer for another record is dropped.
        let stale = AppUpdate.update(s, .recordRead(request: "other", fields: fields)).state
        #expect(stale.overlay == s.overlay)
    }

    @Test func aLongRecordScrollsAndEscCloses() throws {
        var s = Fixture.press(queryHistory(), .enter)
        guard case .record(let record)? = s.overlay else { Issue.record("no record"); return }
        let fields = (0..<60).map { RecordField("key\($0)", "value \($0)") }
        s = AppUpdate.update(s, .recordRead(request: record.pending!, fields: fields)).state
        s = Fixture.press(s, .char("j"), .char("j"), .char("j"))
        guard case .record(let scrolled)? = s.overlay else { Issue.record("closed"); return }
        #expect(scrolled.offset == 3)
        // The title stays on the first row with the counter; the lines under it scroll.
        #expect(Fixture.frame(s)[1].contains("lines 5-"))
        #expect(Fixture.frame(s)[1].hasPrefix(" query by"))
        s = Fixture.press(s, .char("G"))
        guard case .record(let bottom)? = s.overlay else { Issue.record("closed"); return }
        #expect(Fixture.frame(s).contains { $0.contains("value 59") })
        #expect(bottom.offset == RecordOverlay.maxOffset(bottom, size: s.size, ascii: false))
        s = Fixture.press(s, .escape)
        #expect(s.overlay == nil)
        #expect(s.current.kind == .queries(.cluster(1)), "Esc closes the record, not the sheet")
    }

    @Test func notesAndAuditEntriesOpenAsRecords() {
        var s = Fixture.press(Fixture.loadedState(), .char(":"))
        for c in "note a long note about the refund ring that runs past the edge of the screen for sure, twice over" {
            s = Fixture.press(s, .char(c))
        }
        s = Fixture.press(s, .enter, .char(":"), .char("c"), .char("a"), .char("s"), .char("e"), .enter)
        #expect(s.current.kind == .caseFile)
        s = Fixture.press(s, .enter)
        guard case .record(let note)? = s.overlay else { Issue.record("note did not open"); return }
        #expect(note.fields.first?.values.first?.hasSuffix("twice over") == true)
        s = Fixture.press(s, .escape, .char("j"), .enter)
        guard case .record(let audit)? = s.overlay else { Issue.record("audit entry did not open"); return }
        #expect(audit.fields.map(\.key) == ["time", "who", "action", "detail"])
    }

    @Test func twoMarkedAccountsCompareSideBySide() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("="))
        guard case .record(let record)? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
        #expect(record.sides?.count == 2)
        let frame = Fixture.frame(s)
        #expect(frame.contains { $0.contains("acct_9f3e21") && $0.contains("acct_a0b1c2") && $0.contains("|") })
        #expect(frame.contains { $0.contains("shared values") && $0.contains("payment pf_77aa") })
        let one = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char("="))
        #expect(one.overlay == nil)
        #expect(one.status.contains("mark exactly two accounts"))
    }

    @Test(arguments: [10, 17, 33])
    func wrappedLinesNeverPassTheWidth(width: Int) {
        let text = "日本語のプロンプト 😀 ok " + String(repeating: "word ", count: 30) + String(repeating: "x", count: 50)
        let lines = TextWrap.wrap(text, width: width)
        #expect(lines.allSatisfy { TextWidth.of($0) <= width })
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}

/// The runner reads a query record off the input path and fills the open record.
@Suite struct RecordRunnerTests {
    @Test func theRunnerFillsTheRecordInTheBackground() {
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState(size: surface.size))
        runner.handle(.char("H"))
        runner.handle(.enter)
        runner.settle()
        guard case .record(let record)? = runner.state.overlay else { Issue.record("no record"); return }
        #expect(record.pending == nil)
        #expect(record.fields.map(\.key).contains("prompt"))
    }
}
