import Testing
@testable import Investigate

/// A trial (session 36): report.html named the tagged account `acct_LLLLLLLLLLLLLLLLLLLLLLL…`, a
/// cut that fits an untagged account of the same first characters just as well. A cut id now ends
/// with its length and a sha256 prefix.
@Suite struct ReportLongIDTests {
    @Test func twoLongIDsAlikeAtTheStartReadApart() {
        let head = "acct_" + String(repeating: "L", count: 2_500)
        let a = ReportText.cut(ExactText(head + "X" + head), 28)
        let b = ReportText.cut(ExactText(head + "Y" + head), 28)
        #expect(a != b)
        #expect(a.hasPrefix("acct_LLLLLLLLLLLLLLLLLLLLLLL… (5,011 bytes, #"), "\(a)")
        #expect(a.count == 28 + 1 + " (5,011 bytes, #".count + 16 + 1)
        #expect(ReportText.cut(ExactText("acct_short"), 28) == "acct_short")
    }
}
