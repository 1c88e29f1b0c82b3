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
