import Foundation
import Testing
@testable import Investigate

/// Session 34's trial: `accounts.jsonl:2: duplicate account_id 'acct_a' (first at line 2)` when
/// the first copy is in accounts.csv: the message names the other file.
@Suite struct DuplicateAccountMessageTests {
    @Test func aDuplicateInAnotherFileNamesThatFile() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,created_at,email\nacct_a,2026-01-01T00:00:00Z,a@x.com\nacct_b,2026-01-01T00:00:00Z,b@x.com\n",
            "accounts.jsonl": #"{"account_id":"acct_z"}"# + "\n" + #"{"account_id":"acct_a","email":"evil@x.com"}"# + "\n"
                + #"{"account_id":"acct_z"}"# + "\n",
            "queries.jsonl": #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a"}"# + "\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try CaseLoader().load(source.directory)
        #expect(data.report.skipped.map(\.description) == [
            "accounts.jsonl:2: duplicate account_id 'acct_a' (first at accounts.csv:2)",
            "accounts.jsonl:3: duplicate account_id 'acct_z' (first at line 1)",
        ], "\(data.report.skipped)")
    }
}
