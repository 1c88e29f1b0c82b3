import Testing
@testable import Investigate

/// A query line naming a known key twice (another case, or an escaped spelling) is ambiguous:
/// the row is skipped with the reason in lenient mode and stops a strict load, never resolved
/// silently to the last value.
@Suite struct DuplicateKeyTests {
    static let accounts = "account_id\nA1\nA2\n"

    @Test(arguments: [
        #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1","ACCOUNT_ID":"A2"}"#,
        #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1","account\u005fid":"A2"}"#,
        #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1","ip":"1.1.1.1","ip":"2.2.2.2"}"#,
        #"{"ts":"2026-03-01T00:00:00Z","ts":"2026-03-02T00:00:00Z","account_id":"A1"}"#,
    ])
    func aKnownKeyGivenTwiceSkipsTheRow(line: String) throws {
        let good = #"{"ts":"2026-03-01T00:00:01Z","account_id":"A2","ip":"3.3.3.3"}"#
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": line + "\n" + good + "\n"])
        let data = try source.load()
        #expect(data.queries.count == 1 && data.report.skippedCount == 1)
        let reason = try #require(data.report.skipped.first).description
        #expect(reason.hasPrefix("queries.jsonl:1: duplicate key"), "\(reason)")
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func anUnknownKeyTwiceAndANullKnownKeyAreNotDuplicatesOfOthers() throws {
        let line = #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1","note":"x","note":"y","ip":null}"#
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": line + "\n"])
        let data = try source.load(strict: true)
        #expect(data.queries.count == 1)
    }

    @Test func aCSVHeaderNamingAKnownColumnTwiceIsRefused() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,created_at,ACCOUNT_ID\nA1,2026-01-01T00:00:00Z,A2\n",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1"}"# + "\n",
        ])
        #expect {
            try source.load()
        } throws: { error in
            "\(error)".contains("accounts.csv") && "\(error)".contains("column 'account_id' appears more than once")
        }
    }
}
