import Testing

@testable import Investigate

/// A quoted field spanning lines is valid CSV and stays one field; when the lines it holds read
/// as records of their own (two stray quotes around them), the load warns at the record's line,
/// so that the accounts they held do not vanish unsaid (a strict load stops).
@Suite struct CSVSwallowedLinesTests {
    @Test func linesThatReadAsRecordsInsideAQuotedFieldAreWarned() throws {
        let accounts = "account_id,note\na0,ok\na1,\"hi\na2,x\na3,bye\"\na4,ok\n"
        let source = try TempSource([
            "accounts.csv": accounts,
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"a0"}"# + "\n",
        ])
        let data = try source.load()
        #expect(data.accountCount == 3)
        #expect(data.report.warnings.map(\.description) == [
            "accounts.csv:3: " + CSVRecordReader.swallowedLinesReason(2, from: 3, to: 5)
        ])
        #expect(CSVRecordReader.swallowedLinesReason(2, from: 3, to: 5).hasPrefix("a quoted field runs over lines 3-5, and 2 of the lines"))
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func classicMacLineEndsToo() throws {
        // The record's lines are joined with `\r` there: both the warning and the stray-quote
        // recovery (which reads the held lines again) must split on it.
        let swallowed = try TempSource([
            "accounts.csv": "account_id,note\ra0,ok\ra1,\"hi\ra2,x\ra3,bye\"\ra4,ok\r",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"a0"}"# + "\n",
        ]).load()
        #expect(swallowed.accountCount == 3)
        #expect(swallowed.report.warnings.map(\.description).contains("accounts.csv:3: " + CSVRecordReader.swallowedLinesReason(2, from: 3, to: 5)))
        let stray = try TempSource([
            "accounts.csv": "account_id,note\ra0,ok\ra1,\"never closed\ra2,x\ra3,y\r",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"a0"}"# + "\n",
        ]).load()
        #expect(stray.accountCount == 3)
        #expect(stray.accountIndex("a2") != nil && stray.accountIndex("a3") != nil)
        #expect(stray.report.skipped.map(\.line) == [3])
    }

    @Test func aPromptSpanningLinesIsNotWarned() throws {
        let queries = "ts,account_id,prompt,model\n"
            + "2026-03-01T00:00:00Z,a0,\"first line\nsecond, with a comma\nthe end\",m1\n"
            + "2026-03-01T00:00:01Z,a0,\"quoted \"\"a, b, c\"\" inside\nlast\",m1\n"
        let source = try TempSource(["accounts.csv": "account_id\na0\n", "queries.csv": queries])
        let data = try source.load(strict: true)
        #expect(data.queries.count == 2)
        #expect(data.report.warnings.isEmpty)
    }

    @Test func separatorsAreCountedUpToTheClosingQuote() {
        #expect(CSVSwallowedLines.separatorsInsideField(Array("a,b\",c,d,e".utf8).span) == 1)
        #expect(CSVSwallowedLines.separatorsInsideField(Array("a,\"\"b,\"\",c".utf8).span) == 3)
        #expect(CSVSwallowedLines.separatorsInsideField(Array("no separator".utf8).span) == 0)
    }
}
