import Foundation
import Testing
@testable import Investigate

/// Session 35's trial: an accounts CSV whose header named `note` twice got one warning per row
/// (12 for 12 rows), and one naming `café` precomposed and decomposed got none while the console
/// and the bundle (which key extras by text) kept one of the two. Both are now said once per
/// file, with the count and the first line; a strict load stops at the first.
@Suite(.timeLimit(.minutes(1))) struct AccountKeysTwiceTests {
    static func accounts(header: String, cells: String, rows: Int) -> String {
        "account_id," + header + "\n" + (1...rows).map { "a\($0)," + cells + "\n" }.joined()
    }

    @Test func aHeaderNamingAKeyTwiceIsOneWarningForTheFile() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts(header: "note,note", cells: "first,second", rows: 12),
            "queries.jsonl": UntrustedSourceTests.row,
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.accounts.count == 12)
        let reason = "12 rows give a key twice, the first here (key 'note' given twice); the last value is kept"
        #expect(data.report.warnings == [LoadIssue(file: "accounts.csv", line: 2, reason: reason)])
        #expect(data.report.warningCount == 12, "each row counted once")
        #expect(throws: LoadFailure.strictRow(file: "accounts.csv", line: 2, reason: "key 'note' given twice; the last value is kept")) {
            try source.load(strict: true)
        }
    }

    @Test func namesThatReadAsOneAreSaid() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        #expect(nfc == nfd, "Swift compares them as one text")
        let source = try TempSource([
            "accounts.csv": Self.accounts(header: "\(nfc),\(nfd)", cells: "NFC-value,NFD-value", rows: 3),
            "queries.jsonl": UntrustedSourceTests.row,
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        let warning = try #require(data.report.warnings.first)
        #expect(data.report.warnings.count == 1)
        #expect(warning.file == "accounts.csv" && warning.line == 2)
        #expect(warning.reason.hasPrefix("3 rows give a key twice, the first here (keys 'caf"), "\(warning.reason)")
        #expect(warning.reason.contains("read as one name (Unicode canonical equivalence)"), "\(warning.reason)")
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func differentNamesAreNotWarned() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts(header: "caf\u{E9},cafe,note", cells: "1,2,3", rows: 2),
            "queries.jsonl": UntrustedSourceTests.row,
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        #expect(try source.load().report.warnings.isEmpty)
    }
}
