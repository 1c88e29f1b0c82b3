import Testing
@testable import tui

/// Issue 14, point 7: the case's status, severity, assignee and disposition set from the
/// console (each after its own Enter), and "exported" marked stale after later writes.
@Suite struct CaseFieldsTests {
    func set(_ text: String, on state: AppState = Fixture.loadedState()) -> Step {
        Fixture.step(state, .char("S")).typing(text).pressing(.enter)
    }

    @Test func capitalSSetsEachFieldAfterEnter() {
        let asked = Fixture.step(Fixture.loadedState(), .char("S"))
        #expect(asked.effects.isEmpty)
        #expect(Fixture.frame(asked.state).last?.contains("status open|triage|confirmed|dismissed|closed") == true)
        let first = set("status triage")
        #expect(first.effects == [.persist(.setStatus("triage"))])
        var s = first.state
        #expect(s.status == "status set to 'triage' in a new case")
        s = set("severity high", on: s).state
        s = set("assignee alice", on: s).state
        let last = set("disposition confirmed ring, refer to abuse", on: s)
        s = last.state
        #expect(s.caseState.severity == "high" && s.caseState.assignee == "alice")
        #expect(last.effects.last == .persist(.setField(field: "disposition", value: "confirmed ring, refer to abuse")))
        #expect(s.caseState.audit.map(\.command) == ["status.set", "severity.set", "assignee.set", "disposition.set"])
        s = Fixture.press(s, .char(":"), .char("c"), .char("a"), .char("s"), .char("e"), .enter)
        #expect(Fixture.frame(s)[2].hasPrefix("status triage  severity high  assignee alice  disposition confirmed ring"))
    }

    @Test func badValuesAreRefusedWithTheChoices() {
        // The prompt stays open with the text as typed and the reason beneath it.
        let s = set("status maybe")
        #expect(s.state.promptRefusal == "unknown status 'maybe' (open triage confirmed dismissed closed)")
        #expect(s.state.overlay == .commandLine(text: "set status maybe", completions: []))
        #expect(s.effects.isEmpty)
        #expect(set("severity urgent").state.promptRefusal?.hasPrefix("unknown severity 'urgent' (low medium high critical)") == true)
        #expect(set("colour red").state.promptRefusal?.hasPrefix("no case field 'colour'") == true)
    }

    @Test func undoSetsTheFieldBack() {
        let undone = Fixture.step(set("status confirmed").state, .char("u"), .enter)
        #expect(undone.effects == [.persist(.setStatus("open"))])
        #expect(undone.state.caseState.status == "open")
    }

    @Test func exportGoesStaleAfterLaterWrites() {
        var c = CaseState()
        #expect(ExportStatus.line(c) == "not exported")
        c.audit = [CaseAuditLine(user: "a", time: "t1", command: "tag.add", detail: ""),
                   CaseAuditLine(user: "a", time: "t2", command: "export", detail: "")]
        #expect(ExportStatus.line(c) == "exported t2 (up to date)")
        c.audit.append(CaseAuditLine(user: "a", time: "t3", command: "note.add", detail: ""))
        #expect(ExportStatus.line(c) == "exported t2 (stale: 1 write since; e exports again)")
    }
}
