import Investigate
import Testing
@testable import tui

/// Issue 14, point 4: `u` takes back the session's last write as an audited retraction, after
/// its own Enter, and says what was undone.
@Suite struct UndoTests {
    @Test func undoRetractsTheLastTagAfterEnter() {
        var s = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        s.effects.removeAll()
        s = Fixture.press(s, .char("u"))
        #expect(s.effects.isEmpty, "u alone writes nothing")
        #expect(Fixture.frame(s).last?.contains("tag 'ring' on 2 rows") == true)
        s = Fixture.press(s, .enter)
        let keys = [MarkKey.account(ExactText("acct_9f3e21")), MarkKey.account(ExactText("acct_a0b1c2"))]
        #expect(s.effects == [.persist(.untag(label: "ring", keys: keys))])
        #expect(s.status.hasPrefix("undone: tag 'ring' on 2 rows (retracted, kept in the audit trail)"))
        #expect(s.caseState.tags.isEmpty)
        #expect(s.caseState.audit.map(\.command) == ["tag", "untag"])
        #expect(Fixture.press(s, .char("u")).status == "nothing to undo in this session")
    }

    @Test func undoOnlyTakesBackWhatTheWriteAdded() {
        var s = Fixture.press(Fixture.loadedState(), .enter, .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        s = Fixture.press(s, .char("*"), .char("t"))
        s = Fixture.press(BulkWorkTests.type(s, "ring"), .enter)
        s.effects.removeAll()
        s = Fixture.press(s, .char("u"), .enter)
        #expect(s.effects == [.persist(.untag(label: "ring", keys: [MarkKey.account(ExactText("acct_a0b1c2"))]))])
        #expect(s.caseState.tags[MarkKey.account(ExactText("acct_9f3e21"))] == ["ring"])
    }

    @Test func undoRetractsANoteAndEscKeepsIt() {
        var s = Fixture.press(Fixture.loadedState(), .char("a"))
        s = Fixture.press(BulkWorkTests.type(s, "first seen on the 3rd"), .enter)
        let kept = Fixture.press(s, .char("u"), .escape)
        #expect(kept.caseState.notes == ["first seen on the 3rd"])
        s.effects.removeAll()
        s = Fixture.press(s, .char("u"), .enter)
        #expect(s.effects == [.persist(.retractNote("first seen on the 3rd"))])
        #expect(s.caseState.notes.isEmpty)
        #expect(s.status.hasPrefix("undone: note 'first seen on the 3rd'"))
    }
}
