import Foundation
import Testing
@testable import Investigate

/// Session 34's trial: one query dated 9999-12-31 made every account's age about 2.9 million
/// days. Ages are measured to the end of the activity window, which leaves outlying times out.
@Suite struct AgeReferenceTests {
    static let accounts = "account_id,created_at,email\nacct_a,2026-01-01T00:00:00Z,a@x.com\nacct_b,2026-03-01T00:00:00Z,b@x.com\n"
    static let rows = [
        #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a"}"#,
        #"{"ts":"2026-05-02T00:00:00Z","account_id":"acct_b"}"#,
        #"{"ts":"2026-05-03T00:00:00Z","account_id":"acct_a"}"#,
    ]

    static func investigation(_ queries: [String]) throws -> Investigation {
        let source = try TempSource(["accounts.csv": accounts, "queries.jsonl": queries.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        return Investigation(data: try CaseLoader().load(source.directory))
    }

    @Test func agesAreMeasuredToTheLastQueryOfTheWindow() throws {
        let inv = try Self.investigation(Self.rows)
        #expect(inv.ageReference == Timestamp.parseMillis("2026-05-03T00:00:00Z")!)
    }

    @Test func aQueryDatedNineThousandNineHundredNinetyNineMovesNoAge() throws {
        let outlying = #"{"ts":"9999-12-31T23:59:59Z","account_id":"acct_b","prompt":"x"}"#
        let inv = try Self.investigation(Self.rows + [outlying])
        #expect(inv.features.lastQuery.max() == Timestamp.parseMillis("9999-12-31T23:59:59Z")!, "the row is loaded")
        #expect(inv.ageReference == Timestamp.parseMillis("2026-05-03T00:00:00Z")!)
        let created = inv.data.accounts.createdAt[inv.data.accountIndex("acct_a")!]
        #expect((inv.ageReference - created) / 86_400_000 == 122)
    }

    @Test func anAccountCreatedAfterTheLastQueryStillCounts() throws {
        let later = Self.accounts + "acct_c,2026-06-01T00:00:00Z,c@x.com\n"
        let source = try TempSource(["accounts.csv": later, "queries.jsonl": Self.rows.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        #expect(inv.ageReference == Timestamp.parseMillis("2026-06-01T00:00:00Z")!)
    }
}
