import ByteCore
import Foundation
import Testing
@testable import Investigate

/// The loader accepts a row's nested value up to `JSONNesting.limit` deep; the exporter copied
/// one only up to 64 deep and wrote a deeper one as a string of its text. Both read one limit.
@Suite struct DeepExtraValueTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"k":["#, count: depth / 2) + (depth % 2 == 1 ? "[7]" : "7")
            + String(repeating: "]}", count: depth / 2)
    }

    @Test func theReaderAcceptsWhatTheLoaderAccepts() throws {
        #expect(RawJSONCheck.isValid(Array(Self.nested(100).utf8)))
        #expect(RawJSONCheck.isValid(Array(Self.nested(JSONNesting.limit).utf8)))
        #expect(!RawJSONCheck.isValid(Array(Self.nested(JSONNesting.limit + 1).utf8)))
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Self.nested(JSONNesting.limit + 1)) }
        // Scalars inside the deepest container do not count.
        #expect(RawJSONCheck.isValid(Array((String(repeating: "[", count: JSONNesting.limit) + "1" + String(repeating: "]", count: JSONNesting.limit)).utf8)))
    }

    @Test func aHundredDeepValueIsExportedAsJSONAndVerifies() throws {
        let deep = Self.nested(100), tooDeep = Self.nested(JSONNesting.limit + 1)
        let accounts = "account_id,created_at,email\nacct_a,2026-01-01T00:00:00Z,a@x.com\n"
        let queries = [
            #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a","prompt":"p1","deep":"# + deep + "}",
            #"{"ts":"2026-05-01T00:01:00Z","account_id":"acct_a","prompt":"p2","edge":"# + Self.nested(JSONNesting.limit) + "}",
            #"{"ts":"2026-05-01T00:02:00Z","account_id":"acct_a","prompt":"p3","over":"# + tooDeep + "}",
        ].joined(separator: "\n") + "\n"
        let source = try TempSource(["accounts.csv": accounts, "queries.jsonl": queries])
        let data = try CaseLoader().load(source.directory)
        // The loader keeps the first two rows and skips the third, naming its line.
        #expect(data.queries.count == 2)
        #expect(data.report.skipped.contains { "\($0)".contains("queries.jsonl:3") && $0.reason.contains("nesting too deep") }, "\(data.report.skipped)")
        let inv = Investigation(data: data)
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "deep", source: CaseSource(files: inv.data.files)).id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [ExactText("acct_a")])
        let key = try BundleKeys.signingKey(path: dir + "/k")
        _ = try CaseExporter(store: store, signingKey: key, redactor: nil).export(caseID: id, investigation: inv, to: dir + "/bundle")
        let rows = try String(contentsOfFile: dir + "/bundle/queries.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].contains(#""deep":"# + deep), "the value is copied as JSON, not quoted")
        #expect(rows[1].contains(#""edge":"# + Self.nested(JSONNesting.limit)))
        let report = try BundleVerifier.verify(path: dir + "/bundle", trust: BundleTrust(trusting: key.publicKey, reason: "test key"))
        #expect(report.ok, "\(report.problems)")
    }
}
