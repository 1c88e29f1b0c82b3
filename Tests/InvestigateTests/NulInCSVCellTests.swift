import Foundation
import Testing
@testable import Investigate

/// A trial (session 36): the source holds `acct_A` and `acct_A\0B`, and only `acct_A\0B` is
/// tagged. `enforcement.csv` held a raw NUL in its cell, and `sqlite3 .import --csv` read it as
/// `acct_A`: the ban landed on the untagged account, in a bundle that verified. No CSV cell now
/// holds a NUL: the cell is left empty and the id read from `account_id_b64`, as for an id that is
/// not valid UTF-8.
@Suite struct NulInCSVCellTests {
    static let accounts =
        #"{"account_id":"acct_A","created_at":"2026-01-01T00:00:00Z","payment_fingerprint":"pm_1"}"# + "\n"
        + #"{"account_id":"acct_A\u0000B","created_at":"2026-01-01T00:00:00Z","payment_fingerprint":"pm_1","org_id":"org\u0000x"}"# + "\n"
    static let queries = #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_A\u0000B","prompt":"p"}"# + "\n"

    @Test func noCellHoldsANulAndTheBundleVerifies() throws {
        let source = try TempSource(["accounts.jsonl": Self.accounts, "queries.jsonl": Self.queries])
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "nul", source: CaseSource(files: inv.data.files)).id
        let tagged = ExactText(bytes: Array("acct_A\u{0}B".utf8))
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [tagged])
        let key = try BundleKeys.signingKey(path: dir + "/k")
        _ = try CaseExporter(store: store, signingKey: key, redactor: nil).export(caseID: id, investigation: inv, to: dir + "/out")
        let report = try BundleVerifier.verify(
            path: dir + "/out", trust: BundleTrust(trusting: key.publicKey, reason: "the test's key"))
        #expect(report.ok, "\(report.problems)")
        for file in ["enforcement.csv", "accounts.csv", "edges.csv"] {
            let bytes = try #require(FileManager.default.contents(atPath: dir + "/out/" + file), "\(file)")
            #expect(!bytes.contains(0), "\(file) holds a NUL")
        }
        let enforcement = try String(contentsOfFile: dir + "/out/enforcement.csv", encoding: .utf8)
        let rows = enforcement.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 1)
        #expect(rows.first?.hasPrefix("," + tagged.base64 + ",") == true, "\(enforcement)")
        // The org id with a NUL travels in non_utf8_b64, exactly.
        let accountsCSV = try String(contentsOfFile: dir + "/out/accounts.csv", encoding: .utf8)
        let org = ExactText(bytes: Array("org\u{0}x".utf8)).base64
        #expect(accountsCSV.contains(org), "\(accountsCSV)")
    }

    @Test func cellTextLeavesOutNulAndInvalidUTF8() {
        #expect(CSVValue.text(ExactText("acct_A")) == "acct_A")
        #expect(CSVValue.text(ExactText(bytes: [0x61, 0x00, 0x62])) == "")
        #expect(CSVValue.text(ExactText(bytes: [0x61, 0xFF])) == "")
        #expect(CSVValue.nonUTF8([("org_id", ExactText(bytes: [0x61, 0x00]))]) == #"{"org_id":"YQA="}"#)
        #expect(CSVValue.nonUTF8([("org_id", ExactText("fine"))]) == "")
    }
}
