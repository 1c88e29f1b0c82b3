import Testing
@testable import tui

/// Issue 14, point 11: status messages do not linger across sheets, the row counter never
/// collides with the column titles, and counts read "1 account", not "1 accounts".
@Suite struct SmallThingsTests {
    @Test func statusMessagesDoNotLingerAcrossSheets() {
        var s = Fixture.press(Fixture.loadedState(), .char("y"))
        #expect(!s.status.isEmpty)
        s = Fixture.press(s, .enter)
        #expect(s.status.isEmpty, "a pivot starts with an empty status line")
        s = Fixture.press(s, .char("<"), .backspace)
        #expect(s.status.isEmpty, "back too")
    }

    @Test func theRowCounterIsNeverOnTheColumnTitles() {
        // 30 rows of the title row's width: the counter goes to the status line's right end.
        let s = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 80)), .enter)
        let frame = Fixture.frame(s)
        #expect(frame[4].hasPrefix("  account"))
        #expect(!frame[4].contains("/2"))
        #expect(frame[22].hasSuffix("1/2"))
    }

    @Test func countsAreSingularForOne() {
        let s = Fixture.press(Fixture.loadedState(), .char("j"), .enter, .enter, .enter)
        // acct_b7d8e9's only value is asn AS16509, shared by 3 in the fixture: plural there;
        // the phrase comes from Format.plural, which says "1 account" for one.
        #expect(Fixture.frame(s)[2].hasPrefix("shared by 3 accounts"))
        #expect(Format.plural(1, "account") == "1 account")
        #expect(Format.plural(1, "file") + ", " + Format.plural(2, "file") == "1 file, 2 files")
    }
}
