import Foundation
import Testing
@testable import Investigate

/// A query file whose header lacks a required column but which holds no rows loses none: the
/// lenient load says so as a warning, and counts nothing skipped (a trial's load said "the file's
/// 0 rows were skipped" and counted 1). With rows, each is counted skipped, as before.
@Suite struct HeaderOnlyFileTests {
    @Test func aHeaderWithoutRowsIsAWarningNotASkip() throws {
        let source = try TempSource(["accounts.csv": "account_id\nA1\n", "queries.csv": "time,account_id\n"])
        let data = try source.load()
        #expect(data.report.skippedCount == 0)
        #expect(data.report.warnings.map(\.description) == [
            "queries.csv:1: missing required column 'ts' (found: time, account_id); the file holds no rows, so none were skipped"
        ])
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
        // With rows beside a readable part, each is counted skipped, as before; as the only query
        // file, it stops the load (`LoaderTests.missingRequiredColumnIsNamed`).
        let withRows = try TempSource([
            "accounts.csv": "account_id\nA1\n", "queries/a.csv": "time,account_id\n1,A1\n2,A1\n",
            "queries/b.csv": "ts,account_id\n2026-01-01T00:00:00Z,A1\n",
        ])
        let loaded = try withRows.load()
        #expect(loaded.report.skippedCount == 2 && loaded.report.warningCount == 0)
    }
}
