import Foundation
import Testing
@testable import Investigate

/// Session 39's trial: a ring member `00123`, written `'00123` in `enforcement.csv` (the formula
/// mark), read as the innocent account literally named `'00123` to Python's `csv`, unwarned.
@Suite struct MarkedIDCollisionTests {
    /// A source of three accounts (`00123`, `'00123`, `acct_1`), a case tagging `tagged`, and
    /// its export's warnings.
    static func exportWarnings(tagging tagged: [String]) throws -> [String] {
        let dir = casesTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/src", withIntermediateDirectories: true)
        try "account_id,created_at\n00123,2026-01-01T00:00:00Z\n'00123,2026-01-01T00:00:00Z\nacct_1,2026-01-01T00:00:00Z\n"
            .write(toFile: dir + "/src/accounts.csv", atomically: true, encoding: .utf8)
        let rows = ["00123", "'00123", "acct_1"].enumerated().map { i, id in
            #"{"ts":"2026-01-01T0\#(i):00:00Z","account_id":"\#(id)","prompt":"p"}"#
        }
        try (rows.joined(separator: "\n") + "\n").write(toFile: dir + "/src/queries.jsonl", atomically: true, encoding: .utf8)
        let inv = try Investigation.open(dir + "/src")
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let caseID = try store.createCase(title: "t", source: CaseSource(files: inv.data.files)).id
        try store.tag(caseID: caseID, label: "ring-member", kind: .account, targets: tagged.map { ExactText($0) })
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        return try CaseExporter(store: store, signingKey: key, redactor: nil)
            .export(caseID: caseID, investigation: inv, to: dir + "/b.zip").warnings
    }

    @Test func aMarkedIdThatReadsAsAnotherAccountIsWarnedOf() throws {
        let warnings = try Self.exportWarnings(tagging: ["00123"])
        let warning = try #require(warnings.first { $0.contains("formula mark") }, "\(warnings)")
        #expect(warning.hasPrefix("1 case account id's cell in accounts.csv and enforcement.csv carries the formula mark"))
        #expect(warning.contains("00123 is written '00123, the exact id of another account of the source"))
        #expect(warning.hasSuffix("match rows by account_id_b64"))
    }

    @Test func noWarningWhereTheMarkedTextIsNoAccountOrNoMarkIsWritten() throws {
        // `'00123` itself is written `''00123`, which is no account's id; `acct_1` has no mark.
        let warnings = try Self.exportWarnings(tagging: ["'00123", "acct_1"])
        #expect(!warnings.contains { $0.contains("formula mark") }, "\(warnings)")
        #expect(MarkedIDCollisions.warning([]) == nil)
    }
}
