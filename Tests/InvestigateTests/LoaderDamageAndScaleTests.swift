import Foundation
import Testing

@testable import Investigate

/// A damaged gzip file keeps every complete row before the damage and counts the row it cut;
/// many tiny query files load in parts sized by their data; token counts too wide for the table
/// are reported; full rows stream back in batches.
@Suite(.timeLimit(.minutes(1))) struct LoaderDamageAndScaleTests {
    static let accounts = Array("account_id\na1\na2\n".utf8)

    static func rows(_ count: Int) -> [UInt8] {
        Array((0..<count).map { #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","prompt":"row \#($0) padding"}"# + "\n" }.joined().utf8)
    }

    static func load(_ files: [String: [UInt8]], strict: Bool = false, sliceBytes: Int? = nil) throws -> CaseData {
        let source = try TempSource([:])
        for (name, bytes) in files {
            try FileManager.default.createDirectory(
                atPath: ((source.directory + "/" + name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try source.write(name, bytes: bytes)
        }
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        var options = LoadOptions(strict: strict)
        if let sliceBytes { options.sliceBytes = sliceBytes }
        options.workers = 2
        return try CaseLoader(options: options).load(source.directory)
    }

    @Test func truncatedGzipKeepsEveryCompleteRow() throws {
        let data = Self.rows(600)
        // Stored blocks: a cut after k bytes decodes exactly the data's first k - 15 bytes.
        let member = LoaderFuzzTests.gzip(data)
        for cut in [member.count - 6, member.count * 3 / 4, 400] {
            let decoded = data.prefix(cut - 15)
            let complete = decoded.filter { $0 == 0x0A }.count
            let loaded = try Self.load(["accounts.csv": Self.accounts, "queries.jsonl.gz": Array(member.prefix(cut))])
            #expect(loaded.queries.count == complete)
            let partial = decoded.last != 0x0A
            #expect(loaded.report.skippedCount == 1)
            let issue = try #require(loaded.report.skipped.first)
            #expect(issue.file == "queries.jsonl.gz" && issue.line == complete + 1)
            #expect(issue.reason.hasPrefix("gzip stream damaged after \(cut) bytes (truncated gzip stream"))
            #expect(
                issue.reason.hasSuffix(
                    (partial ? "line \(complete + 1) cut short and nothing after it read" : "nothing after line \(complete) read")
                        + " (how many rows followed is unknown)"))
            // The rows past the cut cannot be counted: the file is named as cut short, and said.
            #expect(loaded.report.filesWithUncountedLoss == ["queries.jsonl.gz"])
            #expect(loaded.report.issueSummary == ["1 row skipped", "an unknown number of rows lost in 1 file"])
            #expect(throws: LoadFailure.strictRow(file: "queries.jsonl.gz", line: complete + 1, reason: issue.reason)) {
                try Self.load(["accounts.csv": Self.accounts, "queries.jsonl.gz": Array(member.prefix(cut))], strict: true)
            }
        }
        // Compressed by gzip itself and cut at two thirds: most rows come back.
        let real = try gzipped(Self.rows(20_000))
        let cut = try Self.load(["accounts.csv": Self.accounts, "queries.jsonl.gz": Array(real.prefix(real.count * 2 / 3))])
        #expect(cut.queries.count > 10_000 && cut.report.skippedCount == 1)
    }

    @Test func garbageAfterAMemberKeepsItsRows() throws {
        let first = try gzipped(Self.rows(464)), second = try gzipped(Self.rows(10))
        let loaded = try Self.load(["accounts.csv": Self.accounts, "queries.jsonl.gz": first + second + Array("GARBAGE\n".utf8)])
        #expect(loaded.queries.count == 474)
        #expect(loaded.report.skippedCount == 1)
        #expect(loaded.report.skipped.first?.reason.hasPrefix("gzip stream damaged after \(first.count + second.count) bytes (not gzip data after the last complete member") == true)
        #expect(loaded.report.skipped.first?.line == 475)
        let members = try Self.load(["accounts.csv": Self.accounts, "queries.jsonl.gz": first + second])
        #expect(members.queries.count == 474 && members.report.skippedCount == 0)
        #expect(members.report.filesWithUncountedLoss.isEmpty && members.report.issueSummary.isEmpty)
    }

    @Test func manyTinyFilesShareParts() throws {
        var files: [String: [UInt8]] = ["accounts.csv": Self.accounts]
        for i in 0..<1_200 {
            let account = i == 1_100 ? "ghost" : "a\(i % 2 + 1)"
            files[String(format: "queries/q%05d.jsonl", i)] = Array(#"{"ts":\#(1_772_323_200 + i),"account_id":"\#(account)"}"#.utf8) + [0x0A]
        }
        files["queries/q01000.jsonl"] = Array("{\"ts\":\"yesterday\",\"account_id\":\"a1\"}\n".utf8)
        files["queries/q00999.csv"] = Array("when,who\n1,a1\n".utf8)
        let units = ParallelQueryLoad(files: try Self.entries(files), options: LoadOptions()).plan()
        #expect(units.count == 1 && units[0].segments.count == 1_201)
        for slice in [1 << 20, 300] {
            let data = try Self.load(files, sliceBytes: slice)
            #expect(data.queries.count == 1_198)
            #expect(data.report.skipped.map(\.description) == [
                "queries/q00999.csv:1: missing required column 'ts' (found: when, who); the file's 1 row was skipped",
                "queries/q01000.jsonl:1: bad timestamp 'yesterday' in 'ts'",
                "queries/q01100.jsonl:1: query for unknown account 'ghost'",
            ])
            #expect(data.report.files.filter { $0.name.hasPrefix("queries/") && $0.rows == 1 }.count == 1_198)
            // Every row knows its file and line: the row at 1_772_323_200 + i comes from file i.
            let q = data.queries
            for row in stride(from: 0, to: q.count, by: 97) {
                let source = q.source(ofRow: row)
                let i = Int(q.timestamp(row) / 1000 - 1_772_323_200)
                #expect(data.files.queries[source.file].name == String(format: "queries/q%05d.jsonl", i) && source.line == 1)
            }
        }
    }

    static func entries(_ files: [String: [UInt8]]) throws -> [SourceFiles.Entry] {
        files.keys.filter { $0.hasPrefix("queries/") }.sorted().map { SourceFiles.Entry(path: "/x/" + $0, name: $0, bytes: files[$0]!.count) }
    }

    @Test func tokenCountsPastUInt32AreKeptAtTheLimitAndReported() throws {
        let lines = [
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","input_tokens":5000000000,"output_tokens":7}"#,
            #"{"ts":"2026-03-01T00:00:01Z","account_id":"a1","input_tokens":4294967295,"output_tokens":"4294967296"}"#,
        ]
        let files = ["accounts.csv": Self.accounts, "queries.jsonl": Array((lines.joined(separator: "\n") + "\n").utf8)]
        let data = try Self.load(files)
        #expect(data.queries.count == 2 && data.report.warningCount == 2)
        #expect(data.report.warnings.map(\.description) == [
            "queries.jsonl:1: input_tokens 5000000000 is over 4294967295; kept as 4294967295",
            "queries.jsonl:2: output_tokens 4294967296 is over 4294967295; kept as 4294967295",
        ])
        #expect((0..<2).map { data.queries.inputTokens($0) } == [UInt32.max, UInt32.max])
        #expect(throws: LoadFailure.self) { try Self.load(files, strict: true) }
    }

    /// A token count is optional: one that is not a whole number keeps its row (warned), and one
    /// of any number of digits past UInt32 is kept at the limit (warned), never the row dropped.
    @Test func oddTokenCountsKeepTheirRows() throws {
        let values = ["9223372036854775807", "123456789012345678901234", "-1", "1e3", "\"12x\"", "3.0"]
        let lines = values.enumerated().map { i, v in
            #"{"ts":"2026-03-01T00:00:0\#(i)Z","account_id":"a1","output_tokens":\#(v)}"#
        }
        let files = ["accounts.csv": Self.accounts, "queries.jsonl": Array((lines.joined(separator: "\n") + "\n").utf8)]
        let data = try Self.load(files)
        #expect(data.queries.count == values.count && data.report.skippedCount == 0)
        #expect(data.report.warnings.map(\.description) == [
            "queries.jsonl:1: output_tokens '9223372036854775807' is over 4294967295; kept as 4294967295",
            "queries.jsonl:2: output_tokens '123456789012345678901234' is over 4294967295; kept as 4294967295",
            "queries.jsonl:3: output_tokens '-1' is not a whole number; the row is kept without it",
            "queries.jsonl:4: output_tokens '1e3' is not a whole number; the row is kept without it",
            "queries.jsonl:5: output_tokens '12x' is not a whole number; the row is kept without it",
        ])
        let rows = (0..<values.count).sorted { data.queries.timestamp($0) < data.queries.timestamp($1) }
        #expect(rows.map { data.queries.outputTokens($0) } == [UInt32.max, UInt32.max, 0, 0, 0, 3])
        #expect(throws: LoadFailure.self) { try Self.load(files, strict: true) }
    }

    @Test func rowsStreamInBatchesAsTheyWouldWhole() throws {
        let source = try QueryRowFetcherTests.source()
        for slice in [1 << 30, 900] {
            let data = try QueryRowFetcherTests.load(source, sliceBytes: slice)
            let fetcher = QueryRowFetcher(data: data)
            // In order, reversed, and an account's rows in time order.
            for rows in [Array(0..<data.queries.count), Array((0..<data.queries.count).reversed()), Array(data.queries.rows(of: 1))] {
                let whole = try fetcher.exactRows(rows)
                for batch in [1, 7, 4096] {
                    var streamed: [(Int, [(key: String, value: [UInt8], isRaw: Bool)])] = []
                    try fetcher.forEachRow(rows, batchSize: batch) { streamed.append(($0, $1)) }
                    #expect(streamed.map(\.0) == rows)
                    #expect(zip(streamed, whole).allSatisfy { $0.1.map(\.key) == $1.map(\.key) && $0.1.map(\.value) == $1.map(\.value) })
                }
            }
        }
    }
}
