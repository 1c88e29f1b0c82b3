import Foundation
import Testing
@testable import Investigate

/// Full rows are read again from the query files by line number: across several files and
/// slices, through CSV records that span lines, and never as another row once a file changed.
@Suite struct QueryRowFetcherTests {
    static let accounts = "account_id\na1\na2\n"

    /// A JSONL file with blank and bad lines between rows, a CSV file whose prompts hold
    /// quoted newlines, and a second JSONL file.
    static func source() throws -> TempSource {
        var first: [String] = []
        for i in 0..<300 {
            if i % 50 == 3 { first.append("") }
            if i % 70 == 5 { first.append("not json") }
            first.append(#"{"ts":\#(1_772_323_200 + i),"account_id":"a\#(i % 2 + 1)","prompt":"first \#(i)"}"#)
        }
        var csv = "ts,account_id,prompt\n"
        for i in 0..<40 { csv += "\(1_772_400_000 + i),a\(i % 2 + 1),\"line one \(i)\nline two, \"\"quoted\"\"\"\n" }
        var second: [String] = []
        for i in 0..<100 { second.append(#"{"ts":\#(1_772_500_000 + i),"account_id":"a2","prompt":"second \#(i)"}"#) }
        return try TempSource([
            "accounts.csv": accounts, "queries/a.jsonl": first.joined(separator: "\n") + "\n",
            "queries/b.csv": csv, "queries/c.jsonl": second.joined(separator: "\n") + "\n",
        ])
    }

    static func load(_ source: TempSource, sliceBytes: Int) throws -> CaseData {
        var options = LoadOptions()
        options.sliceBytes = sliceBytes
        options.workers = 2
        return try CaseLoader(options: options).load(source.directory)
    }

    static func prompt(_ row: [(key: String, value: String, isRaw: Bool)]) -> String? {
        row.first { $0.key == "prompt" }?.value
    }

    @Test func everyRowComesBackWhole() throws {
        let source = try Self.source()
        for slice in [1 << 30, 900] {
            let data = try Self.load(source, sliceBytes: slice)
            let q = data.queries
            #expect(q.count == 440)
            let fetched = try QueryRowFetcher(data: data).rows(Array(0..<q.count))
            var prompts = Set<String>()
            for row in 0..<q.count {
                let prompt = Self.prompt(fetched[row])
                #expect(prompt != nil)
                prompts.insert(prompt ?? "")
                // The row read is the row loaded: its time matches.
                let ts = fetched[row].first { $0.key == "ts" }?.value ?? ""
                #expect(Int64(ts).map { $0 * 1000 } == q.timestamp(row))
            }
            #expect(prompts.count == 440)
            #expect(prompts.contains("line one 7\nline two, \"quoted\""))
        }
    }

    @Test func rowsOfAGzipFileComeBackToo() throws {
        let source = try Self.source()
        let path = source.directory + "/queries/a.jsonl"
        try source.write("queries/a.jsonl.gz", bytes: try gzipped(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        try FileManager.default.removeItem(atPath: path)
        let data = try Self.load(source, sliceBytes: 900)
        let q = data.queries
        #expect(q.count == 440)
        let fetched = try QueryRowFetcher(data: data).rows(Array(0..<q.count))
        let firstFile = (0..<q.count).filter { q.source(ofRow: $0).file == 0 }
        #expect(firstFile.count == 300)
        #expect(firstFile.allSatisfy { row in
            let ts = fetched[row].first { $0.key == "ts" }?.value ?? ""
            return Self.prompt(fetched[row])?.hasPrefix("first ") == true && Int64(ts).map { $0 * 1000 } == q.timestamp(row)
        })
    }

    @Test func aChangedFileGivesEmptyRowsNotOthers() throws {
        let source = try Self.source()
        let data = try Self.load(source, sliceBytes: 1 << 30)
        // Rewrite the second JSONL file with its lines in reverse order.
        let path = source.directory + "/queries/c.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try (lines.reversed().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let q = data.queries
        let rows = Array(0..<q.count)
        let fetched = try QueryRowFetcher(data: data).rows(rows)
        // Every row of c.jsonl now finds another row (another time) on its line: empty. The other
        // files' rows are untouched.
        var empty = 0
        for row in rows {
            guard let prompt = Self.prompt(fetched[row]) else {
                empty += 1
                #expect(data.queries.source(ofRow: row).file == 2)
                continue
            }
            #expect(!prompt.hasPrefix("second"))
        }
        #expect(empty == 100)
    }
}

/// Emails are not kept in memory: they are read again from the accounts files by line.
@Suite struct AccountRowFetcherTests {
    @Test func emailsComeBackFromEachAccountsFileAndNotFromAChangedLine() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,email,nickname\na1, one@example.com ,\"multi\nline\"\na2,,x\na3,three@Example.COM,y\n",
            "accounts.jsonl": #"{"account_id":"b1","email":"b\u00e9@example.org"}"# + "\n" + #"{"account_id":"b2"}"# + "\n",
            "queries.jsonl": "",
        ])
        let data = try CaseLoader().load(source.directory)
        #expect(data.accountCount == 5)
        let fetcher = AccountRowFetcher(data: data)
        let ids = ["a1", "a2", "a3", "b1", "b2"].map { data.accountIndex($0)! }
        let (emails, unreadable) = try fetcher.emails(ids)
        #expect(unreadable == 0)
        #expect(emails.map { $0.map { String(decoding: $0, as: UTF8.self) } } == [
            "one@example.com", nil, "three@Example.COM", "bé@example.org", nil,
        ])
        #expect(data.pools.emailDomains.string(data.accounts.emailDomain[ids[2]]) == "example.com")
        // The CSV file changes after the load: a line holding another account gives no email.
        try "account_id,email,nickname\na3,three@Example.COM,y\na1,one@example.com,\na2,,x\n".write(
            toFile: source.directory + "/accounts.csv", atomically: true, encoding: .utf8)
        let after = try fetcher.emails(ids)
        // a1 (line 2) now finds a3, a3 (line 5) finds no line; a2 is still on line 4.
        #expect(after.emails[0] == nil && after.emails[2] == nil && after.unreadable == 2)
        #expect(after.emails[3].map { String(decoding: $0, as: UTF8.self) } == "bé@example.org")
    }

    @Test func theAccountReportShowsTheEmailReadAgain() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,email\na1,\"first, last@example.com\"\na2,\n", "queries.jsonl": "",
        ])
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        let one = Reports.account(inv.data.accountIndex("a1")!, in: inv).pretty()
        #expect(one.contains("first, last@example.com"))
        let two = Reports.account(inv.data.accountIndex("a2")!, in: inv).pretty()
        #expect(two.contains("\"email\": null"))
    }
}
