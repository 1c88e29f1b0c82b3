import Foundation
import Testing
@testable import Investigate

/// A trial (session 37): ids holding line breaks were written into `enforcement.csv` as RFC 4180
/// allows (quoted, or bare for VT, FF, 0x1C-0x1E, NEL and U+2028), and readers that split lines
/// first named other accounts: Python's `csv.reader(text.splitlines())` read the tagged
/// `acct_evil\u{2028}acct_0aa73d0692` as a `ban` row for the real, untagged `acct_0aa73d0692`,
/// and a spreadsheet's round trip read the tagged `acct_lf\rZ` as the untagged `acct_lf\nZ`. No
/// CSV cell now holds a line break: the cell is empty and the id is read from `account_id_b64`.
@Suite struct LineBreakInCSVCellTests {
    /// Every separator `str.splitlines` splits on, each in an id.
    static let breaks: [String] = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test func cellTextLeavesOutEveryLineBreak() {
        for separator in Self.breaks {
            let id = ExactText("acct_evil" + separator + "acct_0aa73d0692")
            #expect(CSVValue.text(id) == "", "\(Array(separator.unicodeScalars))")
            #expect(CSVValue.nonUTF8([("org_id", id)]) == #"{"org_id":""# + id.base64 + #""}"#)
        }
        // Look-alikes that are not line breaks stay in their cells: a tab, U+0084, U+2027, U+202A.
        for text in ["a\tb", "a\u{84}b", "a\u{2027}b", "a\u{202A}b", "acct_\u{E9}"] {
            #expect(CSVValue.text(ExactText(text)) == text)
        }
        // A truncated sequence at the end is not valid UTF-8, and so not cell text either.
        #expect(CSVValue.text(ExactText(bytes: [0x61, 0xE2, 0x80])) == "")
    }

    @Test func aTaggedIdWithALineSeparatorNamesNoOtherAccount() throws {
        let evil = "acct_evil\u{2028}acct_0aa73d0692"
        let accounts = [evil, "acct_0aa73d0692", "acct_lf\rZ", "acct_lf\nZ"].map { id -> String in
            let escaped = id.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\r", with: "\\r")
                .replacingOccurrences(of: "\n", with: "\\n")
            return #"{"account_id":""# + escaped + #"","created_at":"2026-01-01T00:00:00Z","payment_fingerprint":"pm_1"}"#
        }.joined(separator: "\n") + "\n"
        let queries = #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_evil\u2028acct_0aa73d0692","prompt":"p"}"# + "\n"
        let source = try TempSource(["accounts.jsonl": accounts, "queries.jsonl": queries])
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "breaks", source: CaseSource(files: inv.data.files)).id
        let tagged = [ExactText(evil), ExactText("acct_lf\rZ")]
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: tagged)
        let key = try BundleKeys.signingKey(path: dir + "/k")
        _ = try CaseExporter(store: store, signingKey: key, redactor: nil).export(caseID: id, investigation: inv, to: dir + "/out")
        let report = try BundleVerifier.verify(
            path: dir + "/out", trust: BundleTrust(trusting: key.publicKey, reason: "the test's key"))
        #expect(report.ok, "\(report.problems)")
        for file in ["enforcement.csv", "accounts.csv", "edges.csv"] {
            let text = try String(contentsOfFile: dir + "/out/" + file, encoding: .utf8)
            // Every line a line-splitting reader sees is a whole row: the only breaks are the rows' CRLFs.
            let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
            for line in lines {
                #expect(!line.unicodeScalars.contains { "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) },
                    "\(file): \(line.debugDescription)")
            }
        }
        let enforcement = try String(contentsOfFile: dir + "/out/enforcement.csv", encoding: .utf8)
        let rows = enforcement.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 2)
        for id in tagged { #expect(rows.contains { $0.hasPrefix("," + id.base64 + ",") }, "\(enforcement)") }
        #expect(!rows.contains { $0.hasPrefix("acct_0aa73d0692,") || $0.hasPrefix("acct_lf") })
    }
}
