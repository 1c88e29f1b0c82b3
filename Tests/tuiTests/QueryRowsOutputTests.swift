import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// `queries` printed a row its file no longer held as loaded (the file changed since the load)
/// as `{"ts_utc":...}` alone in jsonl, and as a line with no prompt in text: a partial row
/// passed off as the row. Such rows are now left out and the command fails, exit 4, naming the
/// file and how many rows, as `export` does.
@Suite struct QueryRowsOutputTests {
    static let queries = [
        #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a","prompt":"first","input_tokens":3}"#,
        #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_b","prompt":"second","input_tokens":4}"#,
        #"{"ts":"2026-05-01T00:01:00Z","account_id":"acct_a","prompt":"third","input_tokens":5}"#,
    ].joined(separator: "\n") + "\n"

    /// A loaded source of two accounts, its folder, and `acct_a`'s rows.
    static func loaded() throws -> (dir: String, data: CaseData, rows: [Int]) {
        let dir = TestScratch.root + "inv-queries-out-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "account_id,email\nacct_a,a@x.com\nacct_b,b@x.com\n".write(toFile: dir + "/accounts.csv", atomically: true, encoding: .utf8)
        try queries.write(toFile: dir + "/queries.jsonl", atomically: true, encoding: .utf8)
        let data = try CaseLoader().load(dir)
        return (dir, data, data.queries.rows(of: data.accountIndex("acct_a")!).map { $0 })
    }

    static func printed(_ c: (dir: String, data: CaseData, rows: [Int]), _ format: OutputFormat) -> (lines: [String], error: CLIFailure?) {
        var lines: [String] = []
        do {
            try QueryRowsOutput.write(c.rows, of: c.data, format: format) { lines.append($0) }
            return (lines, nil)
        } catch {
            return (lines, error as? CLIFailure)
        }
    }

    @Test(arguments: [OutputFormat.text, .jsonl])
    func unchangedRowsPrintInFull(format: OutputFormat) throws {
        let result = Self.printed(try Self.loaded(), format)
        #expect(result.error == nil)
        #expect(result.lines.count == 2)
        #expect(result.lines[0].contains("first") && result.lines[1].contains("third"), "\(result.lines)")
    }

    @Test(arguments: [OutputFormat.text, .jsonl])
    func aRowChangedSinceTheLoadFailsWithExitFour(format: OutputFormat) throws {
        let c = try Self.loaded()
        // Same size, same line count: the first line now holds acct_b's row.
        let path = c.dir + "/queries.jsonl"
        let changed = Self.queries.replacingOccurrences(of: #""acct_a","prompt":"first""#, with: #""acct_b","prompt":"first""#)
        #expect(changed.utf8.count == Self.queries.utf8.count)
        try changed.write(toFile: path, atomically: false, encoding: .utf8)
        let result = Self.printed(c, format)
        // The row still held as loaded is printed whole; the other is not printed at all.
        #expect(result.lines.count == 1)
        #expect(result.lines.allSatisfy { $0.contains("third") }, "\(result.lines)")
        let error = try #require(result.error)
        #expect(error.code == 4)
        #expect(error.message.hasPrefix("the source changed since it was loaded: 1 row of queries.jsonl could not be read again;"), "\(error.message)")
    }

    @Test func aLineThatNoLongerParsesIsNotPrintedAsAnErrorRow() throws {
        let c = try Self.loaded()
        let path = c.dir + "/queries.jsonl"
        var bytes = Array(Self.queries.utf8)
        bytes[0] = UInt8(ascii: "[")  // the first line is no longer an object
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = Self.printed(c, .jsonl)
        #expect(result.lines.count == 1)
        #expect(!result.lines.contains { $0.contains("\"error\"") })
        #expect(result.error?.code == 4)
    }
}
