import Foundation
import Testing
@testable import Investigate

@Suite struct LoaderTests {
    static let accounts = #"""
        account_id,created_at,email,org_id,country,plan,status,payment_fingerprint,signup_ip,Nickname
        a1,2026-01-02T03:04:05Z,x@Example.COM,o1,US,payg,active,pf1,10.0.0.1,"hello, ""world"""
        a2,1767225600,y@example.com,o1,de,team,active,pf1,10.0.0.2,"multi
        line"
        a3,2026-01-02T03:04:05.250+02:00,z@gmail.com,,fr,payg,banned,pf2,10.0.1.9,
        """#

    @Test func csvQuotingNewlinesAndExtras() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": ""])
        let data = try source.load()
        #expect(data.accountCount == 3)
        #expect(data.report.skippedCount == 0)
        let a1 = data.accountIndex("a1")!
        let extras = data.accounts.extras(of: a1).map { (data.pools.extraKeys.string($0.key), data.pools.extraValues.string($0.value)) }
        #expect(extras.first?.0 == "Nickname")
        #expect(extras.first?.1 == "hello, \"world\"")
        let a2 = data.accountIndex("a2")!
        #expect(data.pools.extraValues.string(data.accounts.extras(of: a2)[0].value) == "multi\nline")
        #expect(data.pools.emailDomains.string(data.accounts.emailDomain[a1]) == "example.com")
        #expect(data.accounts.createdAt[a2] == 1_767_225_600_000)
        #expect(data.accounts.createdAt[data.accountIndex("a3")!] == Timestamp.parseMillis("2026-01-02T01:04:05.250Z"))
    }

    @Test func jsonEscapesAndUnknownKeys() throws {
        let queries =
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","prompt":"tab\there \u00e9 \ud83d\ude00 \u001b[2J","x_custom":{"k":[1,2]},"output_tokens":12}"#
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": queries + "\n"])
        let data = try source.load()
        #expect(data.queries.count == 1)
        #expect(data.queries.outputTokens(0) == 12)
        let row = try QueryRowFetcher(data: data).rows([0])[0]
        let prompt = row.first { $0.key == "prompt" }!.value
        #expect(prompt == "tab\there é 😀 \u{1B}[2J")
        #expect(row.contains { $0.key == "x_custom" && $0.value == #"{"k":[1,2]}"# })
    }

    @Test func badRowsAreSkippedWithFileAndLine() throws {
        let lines = [
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"#,
            #"{"ts":"not a time","account_id":"a1"}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"ghost"}"#,
            "\u{1}\u{2}garbage\u{7F}",
            #"{"ts":"2026-03-01T00:00:01Z","account_id":"a2"}"#,
            #"{"ts":"2026-03-01T00:00:02Z","acc"#,
        ]
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": lines.joined(separator: "\n")])
        let data = try source.load()
        #expect(data.queries.count == 2)
        #expect(data.report.skippedCount == 4)
        let where_ = data.report.skipped.map { "\($0.file):\($0.line)" }
        #expect(where_ == ["queries.jsonl:2", "queries.jsonl:3", "queries.jsonl:4", "queries.jsonl:6"])
        #expect(data.report.skipped[1].reason.contains("unknown account"))
        #expect(data.report.skipped[0].reason.contains("bad timestamp"))
    }

    @Test func strictModeStopsAtFirstBadRow() throws {
        let lines = [#"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"#, #"{"ts":"2026-03-01T00:00:00Z","account_id":"zz"}"#]
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": lines.joined(separator: "\n") + "\n"])
        #expect(throws: LoadFailure.strictRow(file: "queries.jsonl", line: 2, reason: "query for unknown account 'zz'")) {
            try source.load(strict: true)
        }
    }

    @Test func missingRequiredColumnIsNamed() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts,
            "queries.csv": "time,account_id\n2026-01-01T00:00:00Z,a1\n2026-01-01T00:00:01Z,a2\n",
        ])
        // The only query file cannot be read: lenient mode stops as strict does (a trial's load
        // said "queries 0" and exit 0), as for a missing file.
        for strict in [false, true] {
            do {
                _ = try source.load(strict: strict)
                Issue.record("expected a failure")
            } catch let failure as LoadFailure {
                #expect(failure.description.contains("missing required column 'ts'"))
                #expect(failure.description.hasPrefix("queries.csv:1"))
            }
        }
        // Beside a readable part, the part is skipped whole and counted.
        let parts = try TempSource([
            "accounts.csv": Self.accounts,
            "queries/a.csv": "time,account_id\n2026-01-01T00:00:00Z,a1\n2026-01-01T00:00:01Z,a2\n",
            "queries/b.csv": "ts,account_id\n2026-01-01T00:00:00Z,a1\n",
        ])
        let lenient = try parts.load()
        #expect(lenient.queries.count == 1)
        #expect(lenient.report.skippedCount == 2)
        #expect(lenient.report.skipped.first?.file == "queries/a.csv")
        #expect(lenient.report.skipped.first?.line == 1)
        #expect(lenient.report.skipped.first?.reason.contains("missing required column 'ts'") == true)
    }

    @Test func gzipAndTruncatedGzip() throws {
        let text = #"{"ts":1767225600123,"account_id":"a1","ip":"203.0.113.7","asn":"16509"}"# + "\n"
        let source = try TempSource(["accounts.csv": Self.accounts])
        let gz = try gzipped(Array(text.utf8))
        try source.write("queries.jsonl.gz", bytes: gz)
        let data = try source.load()
        #expect(data.queries.count == 1)
        #expect(data.queries.timestamp(0) == 1_767_225_600_123)
        #expect(data.pools.asns.string(data.queries.contexts.asn[0]) == "AS16509")
        try source.write("queries.jsonl.gz", bytes: Array(gz.prefix(gz.count - 6)))
        let truncated = try source.load()
        #expect(truncated.report.skipped.contains { $0.reason.contains("truncated gzip") })
    }

    @Test func invalidUTF8NeverCrashesAndStaysRaw() throws {
        let source = try TempSource(["queries.jsonl": ""])
        var bytes = Array("account_id,email\nbad\u{1}id,".utf8)
        bytes += [0xFF, 0xFE, 0x41, 0x0A]
        try source.write("accounts.csv", bytes: bytes)
        let data = try source.load()
        #expect(data.accountCount == 1)
        #expect(TextEscaping.visible(AccountRowFetcher(data: data).email(0)!) == "\\xff\\xfeA")
        #expect(TextEscaping.visible(data.accountID(0)) == "bad\\x01id")
    }
}

@Suite struct HostileFileNameTests {
    @Test func fileNamesInMessagesAreInert() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\na1\n",
            "queries/part\u{1B}]0;x\u{07}.jsonl": "{\"ts\":\"bad\",\"account_id\":\"a1\"}\n",
        ])
        let data = try source.load()
        let issue = try #require(data.report.skipped.first)
        #expect(issue.file == "queries/part\\x1b]0;x\\x07.jsonl")
        #expect(!issue.description.unicodeScalars.contains { $0.value < 0x20 })
    }
}
