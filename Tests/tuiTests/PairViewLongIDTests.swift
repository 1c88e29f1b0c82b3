import Testing
@testable import tui

/// The pair view's cut of long ids never shows two different accounts alike.
@Suite struct PairViewLongIDTests {
    /// Two 5,000-character ids of one length, alike at both ends and different in the middle: each
    /// side says where they first differ and shows the characters around it.
    @Test func idsDifferentOnlyInTheMiddleReadApart() {
        let head = "acct_" + String(repeating: "L", count: 2_500)
        let tail = String(repeating: "L", count: 2_500) + "_end"
        let (a, b) = RecordBuilder.shownIDs(head + "X" + tail, head + "Y" + tail)
        #expect(a != b)
        #expect(a.contains("from character 2,506: …LLLLLLLLXLLLLLLLL…)"), "\(a)")
        #expect(b.contains("from character 2,506: …LLLLLLLLYLLLLLLLL…)"), "\(b)")
        #expect(a.hasPrefix(RecordBuilder.shownID(head + "X" + tail).dropLast()))
    }

    /// Ids that differ in their cut, or are short, are shown as before; the same id twice too.
    @Test func otherIDsAreShownAsBefore() {
        let long = "acct_" + String(repeating: "L", count: 200)
        #expect(RecordBuilder.shownIDs("acct_1", "acct_2") == ("acct_1", "acct_2"))
        #expect(RecordBuilder.shownIDs(long + "1", long + "2") == (RecordBuilder.shownID(long + "1"), RecordBuilder.shownID(long + "2")))
        #expect(RecordBuilder.shownIDs(long, long) == (RecordBuilder.shownID(long), RecordBuilder.shownID(long)))
    }

    /// An NFC and an NFD spelling are different ids (bytes), even though Swift's `==` calls them equal.
    @Test func canonicallyEquivalentLongIDsAreTold() {
        let pad = String(repeating: "L", count: 100)
        let (a, b) = RecordBuilder.shownIDs(pad + "caf\u{E9}" + pad, pad + "cafe\u{301}" + pad)
        #expect(a.contains("from character"), "\(a)")
        #expect(b.contains("from character"), "\(b)")
    }
}

/// A trial (session 36): the account sheet's header cut a 5,006-character id at the screen's edge
/// with no length, so two ids alike at the start showed alike. It shows head, tail and length.
@Suite struct AccountHeaderLongIDTests {
    @Test func theHeaderShowsTheTailAndLength() {
        let model = FixtureModel()
        model.accounts[0].id = "acct_" + String(repeating: "L", count: 5_000) + "_end0"
        let frame = Fixture.frame(Fixture.press(Fixture.loadedState(model: model), .enter, .enter))
        let header = frame.first { $0.hasPrefix("acct_") } ?? ""
        #expect(header.contains("_end0 (5,010 characters)"), "\(header)")
    }
}
