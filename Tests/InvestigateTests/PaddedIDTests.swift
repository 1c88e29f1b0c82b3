import Testing
@testable import Investigate

/// Ids are read without surrounding spaces; one written with them joins the account written
/// without them, and the load says so (a warning per row, which stops a strict load).
@Suite struct PaddedIDTests {
    @Test func anIDWithSpacesAroundItIsReadTrimmedAndWarned() throws {
        let lines = [
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1"}"#,
            #"{"ts":"2026-03-01T00:00:01Z","account_id":" A1"}"#,
            #"{"ts":"2026-03-01T00:00:02Z","account_id":"A1\t"}"#,
        ]
        let source = try TempSource(["accounts.csv": "account_id\nA1\n A2 \n", "queries.jsonl": lines.joined(separator: "\n") + "\n"])
        let data = try source.load()
        #expect(data.queries.count == 3 && data.accountCount == 2)
        #expect(data.report.warnings.map(\.description) == [
            "accounts.csv:3: account_id '\\x20A2\\x20' has spaces around it; read as 'A2', the same account as one written without them",
            "queries.jsonl:2: account_id '\\x20A1' has spaces around it; read as 'A1', the same account as one written without them",
            "queries.jsonl:3: account_id 'A1\\t' has spaces around it; read as 'A1', the same account as one written without them",
        ])
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }
}
