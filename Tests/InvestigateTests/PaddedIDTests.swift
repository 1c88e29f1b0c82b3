import Testing
@testable import Investigate

/// Ids are exact bytes: one written with spaces around it is another account than the one
/// written without them, and the accounts file says so (a warning per such account, naming the
/// look-alike when it is loaded already; a strict load stops). A trial's ring account `acct_X `
/// used to be read as the innocent `acct_X`, whose row came first: the ring's queries went to it,
/// and a bundle proposed its suspension.
@Suite struct PaddedIDTests {
    @Test func anIDWithSpacesAroundItIsAnotherAccount() throws {
        let lines = [
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1"}"#,
            #"{"ts":"2026-03-01T00:00:01Z","account_id":"A1 "}"#,
            #"{"ts":"2026-03-01T00:00:02Z","account_id":"A1 "}"#,
            #"{"ts":"2026-03-01T00:00:03Z","account_id":" A2 "}"#,
            #"{"ts":"2026-03-01T00:00:04Z","account_id":"A2"}"#,
        ]
        let source = try TempSource([
            "accounts.csv": "account_id,email\nA1,a@innocent.example\nA1 ,x@ring.example\n A2 ,y@ring.example\n",
            "queries.jsonl": lines.joined(separator: "\n") + "\n",
        ])
        let data = try source.load()
        #expect(data.accountCount == 3)
        let innocent = try #require(data.accountIndex("A1")), ring = try #require(data.accountIndex("A1 "))
        #expect(innocent != ring)
        #expect(data.queries.queryCount(of: innocent) == 1)
        #expect(data.queries.queryCount(of: ring) == 2)
        #expect(data.queries.queryCount(of: try #require(data.accountIndex(" A2 "))) == 1)
        #expect(data.accountIndex("A2") == nil)
        #expect(data.report.warnings.map(\.description) == [
            "accounts.csv:3: account_id 'A1\\x20' has spaces around it; kept as written, another account than 'A1', "
                + "which is an account of this source too: take care not to act on one for the other",
            "accounts.csv:4: account_id '\\x20A2\\x20' has spaces around it; kept as written, another account than 'A2'",
        ])
        // The query for `A2`, which no accounts file lists, is skipped and counted.
        #expect(data.report.skipped.map(\.description) == ["queries.jsonl:5: query for unknown account 'A2'"])
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func theBareIDAfterItsPaddedLookAlikeIsSaidToo() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\nacct_X \nacct_X\n",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"acct_X"}"# + "\n",
        ])
        let data = try source.load()
        #expect(data.accountCount == 2)
        #expect(data.report.warnings.map(\.description) == [
            "accounts.csv:2: account_id 'acct_X\\x20' has spaces around it; kept as written, another account than 'acct_X'",
            "accounts.csv:3: account_id 'acct_X' is written with spaces around it too, as another account (accounts.csv:2): "
                + "take care not to act on one for the other",
        ])
    }

    @Test func paymentsAndLinksNameTheExactAccount() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\nA1\nA1 \n",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"A1"}"# + "\n",
            "payments.csv": "account_id,payment_fingerprint\nA1 ,fp-ring\n",
            "links.csv": "account_a,account_b,kind\nA1,A1 ,manual\n",
        ])
        let data = try source.load()
        let innocent = try #require(data.accountIndex("A1")), ring = try #require(data.accountIndex("A1 "))
        #expect(data.payments.account == [Int32(ring)])
        #expect(data.upstream.accountA == [Int32(innocent)] && data.upstream.accountB == [Int32(ring)])
    }

    @Test func anIDOfSpacesAloneIsMissing() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,plan\nA1,x\n ,y\n",
            "queries.jsonl": #"{"ts":"2026-03-01T00:00:00Z","account_id":"  "}"# + "\n",
        ])
        let data = try source.load()
        #expect(data.accountCount == 1)
        #expect(data.report.skipped.map(\.description) == ["accounts.csv:3: missing account_id", "queries.jsonl:1: query for unknown account ''"])
    }
}
