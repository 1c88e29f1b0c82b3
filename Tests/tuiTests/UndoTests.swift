import Investigate
import Testing
@testable import tui

/// Issue 14, point 4: `u` takes back the session's last write as an audited retraction, after
/// its own Enter, and says what was undone.
@Suite struct UndoTests {
    @Test func undoRetractsTheLastTagAfterEnter() {
        var s = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        let asked = Fixture.step(s, .char("u"))
        #expect(asked.effects.isEmpty, "u alone writes nothing")
        s = asked.state
        #expect(Fixture.frame(s).last?.contains("tag 'ring' on 2 rows") == true)
        let undone = Fixture.step(s, .enter)
        s = undone.state
        let keys = [MarkKey.account(ExactText("acct_9f3e21")), MarkKey.account(ExactText("acct_a0b1c2"))]
        #expect(undone.effects == [.persist(.untag(label: "ring", keys: keys))])
        #expect(s.status.hasPrefix("undone: tag 'ring' on 2 rows (retracted, audited)"), "\(s.status)")
        #expect(s.caseState.tags.isEmpty)
        #expect(s.caseState.audit.map(\.command) == ["tag", "untag"])
        #expect(Fixture.press(s, .char("u")).status == "nothing to undo in this session")
    }

    @Test func undoOnlyTakesBackWhatTheWriteAdded() {
        var s = Fixture.press(Fixture.loadedState(), .enter, .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        s = Fixture.press(s, .char("*"), .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        let undone = Fixture.step(s, .char("u"), .enter)
        s = undone.state
        #expect(undone.effects == [.persist(.untag(label: "ring", keys: [MarkKey.account(ExactText("acct_a0b1c2"))]))])
        #expect(s.caseState.tags[MarkKey.account(ExactText("acct_9f3e21"))] == ["ring"])
    }

    @Test func undoRetractsANoteAndEscKeepsIt() {
        var s = Fixture.press(Fixture.loadedState(), .char("a"))
        s = Fixture.press(BulkWorkTests.type(s, "first seen on the 3rd"), .enter)
        let kept = Fixture.press(s, .char("u"), .escape)
        #expect(kept.caseState.notes == ["first seen on the 3rd"])
        let undone = Fixture.step(s, .char("u"), .enter)
        s = undone.state
        #expect(undone.effects == [.persist(.retractNote("first seen on the 3rd"))])
        #expect(s.caseState.notes.isEmpty)
        #expect(s.status.hasPrefix("undone: note 'first seen on the 3rd'"))
    }
}
