import Foundation
import Testing
@testable import Investigate

/// The parallel load (slices parsed apart, merged in file order, rows grouped by account) must
/// give exactly what one slice on one thread gives: same rows, same order, same ids, same
/// reported lines.
@Suite struct ParallelLoadTests {
    /// 40 accounts; 600 query rows in shuffled time order, interleaving accounts, with a bad
    /// timestamp, unknown accounts, garbage and an escaped prompt sprinkled in.
    static func source() throws -> TempSource {
        var accounts = "account_id,created_at,email,payment_fingerprint,signup_ip\n"
        for a in 0..<40 { accounts += "acct\(a),2026-01-01T00:00:00Z,u\(a)@example.com,pf\(a % 7),10.0.\(a % 3).\(a)\n" }
        var lines: [String] = []
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for i in 0..<600 {
            let account = i % 9 == 0 ? Int(next() % 40) : (i / 15) % 40
            let second = Int(next() % 5000)
            switch i {
            case 97: lines.append(#"{"ts":"yesterday","account_id":"acct1"}"#)
            case 250, 251, 480: lines.append(#"{"ts":"2026-03-01T00:00:00Z","account_id":"ghost\#(i)"}"#)
            case 333: lines.append("\u{1}\u{2}garbage")
            default:
                lines.append(
                    #"{"ts":\#(1_772_323_200 + second),"account_id":"acct\#(account)","api_key":"k\#(account % 5)","ip":"10.1.\#(account % 4).\#(i % 3)","category":"c\#(i % 6)","prompt":"Explain step \#(i) \"quoted\" \\u00e9 thing","input_tokens":\#(i),"output_tokens":\#(i * 2),"extra":[1,2]}"#
                )
            }
        }
        return try TempSource(["accounts.csv": accounts, "queries/part-a.jsonl": lines.joined(separator: "\n") + "\n"])
    }

    static func load(_ source: TempSource, sliceBytes: Int, workers: Int, strict: Bool = false) throws -> CaseData {
        var options = LoadOptions(strict: strict)
        options.sliceBytes = sliceBytes
        options.workers = workers
        return try CaseLoader(options: options).load(source.directory)
    }

    /// Every row as text, in table order.
    static func rows(_ data: CaseData) -> [String] {
        let q = data.queries
        return (0..<q.count).map { row in
            let c = Int(q.context[row])
            return [
                data.pools.accountIDs.string(Int32(q.account(ofRow: row))), String(q.timestamp(row)),
                data.pools.apiKeys.string(q.contexts.apiKey[c]), data.pools.ips.string(q.contexts.ip[c]),
                data.pools.categories.string(q.category(row)), String(q.inputTokens(row)), String(q.outputTokens(row)),
                String(q.promptSketch[row]), String(q.promptFlags(row)), String(q.line[row]),
            ].joined(separator: "|")
        }
    }

    @Test func slicesAndThreadsGiveTheSameTable() throws {
        let source = try Self.source()
        let whole = try Self.load(source, sliceBytes: 1 << 30, workers: 1)
        let sliced = try Self.load(source, sliceBytes: 2_000, workers: 2)
        #expect(whole.queries.count == 595)
        #expect(sliced.queries.count == whole.queries.count)
        #expect(Self.rows(sliced) == Self.rows(whole))
        #expect(sliced.report.skipped == whole.report.skipped)
        #expect(sliced.report.skippedCount == 5)
        #expect(whole.report.skipped.map(\.line) == [98, 251, 252, 334, 481])
        #expect(whole.report.skipped[1].reason == "query for unknown account 'ghost250'")
        #expect(whole.pools.ips.count == sliced.pools.ips.count)
        for id in 0..<whole.pools.ips.count {
            #expect(whole.pools.ips.string(Int32(id)) == sliced.pools.ips.string(Int32(id)))
        }
    }

    @Test func rowsAreGroupedByAccountOldestFirst() throws {
        let data = try Self.load(try Self.source(), sliceBytes: 2_000, workers: 2)
        let q = data.queries
        var seen = 0
        for account in 0..<data.accountCount {
            let rows = q.rows(of: account)
            seen += rows.count
            for row in rows {
                #expect(q.account(ofRow: row) == account)
                if row > rows.lowerBound {
                    // Oldest first; equal times keep file order.
                    #expect(
                        q.timestamp(row - 1) < q.timestamp(row)
                            || (q.timestamp(row - 1) == q.timestamp(row) && q.line[row - 1] < q.line[row]))
                }
            }
        }
        #expect(seen == q.count)
    }

    @Test func strictStopsAtTheFirstBadLineWhicheverSliceHasIt() throws {
        let source = try Self.source()
        for (slice, workers) in [(1 << 30, 1), (2_000, 2), (700, 2)] {
            #expect(throws: LoadFailure.strictRow(file: "queries/part-a.jsonl", line: 98, reason: "bad timestamp 'yesterday' in 'ts'")) {
                try Self.load(source, sliceBytes: slice, workers: workers, strict: true)
            }
        }
    }

    @Test func anAccountAcrossAColumnChunkIsSortedToo() throws {
        // a0's 65,000 rows fill most of the first 65,536-row chunk, so a1's 2,000 rows (newest
        // first in the file) straddle the chunk boundary.
        var lines: [String] = []
        lines.reserveCapacity(67_000)
        for i in 0..<65_000 { lines.append(#"{"ts":\#(1_772_323_200 + i),"account_id":"a0"}"#) }
        for i in 0..<2_000 { lines.append(#"{"ts":\#(1_772_400_000 - i / 2),"account_id":"a1","output_tokens":\#(i)}"#) }
        let source = try TempSource([
            "accounts.csv": "account_id\na0\na1\n", "queries.jsonl": lines.joined(separator: "\n") + "\n",
        ])
        let data = try Self.load(source, sliceBytes: 1 << 30, workers: 1)
        let q = data.queries
        let rows = q.rows(of: data.accountIndex("a1")!)
        #expect(rows == 65_000..<67_000)
        for row in rows.dropFirst() {
            #expect(q.timestamp(row - 1) <= q.timestamp(row))
            // Equal times keep file order: the row written first (smaller token count) first.
            if q.timestamp(row - 1) == q.timestamp(row) { #expect(q.outputTokens(row - 1) < q.outputTokens(row)) }
        }
        #expect(q.outputTokens(rows.lowerBound) == 1_998)
    }

    @Test func wideTokenCountsAndCategoriesSurviveSlicingAndTheTimeSort() throws {
        // 70,000 distinct categories push ids past the 2-byte column; every 1,000th row has
        // token counts past 65,535; rows come newest first, with an unknown account between.
        var lines: [String] = []
        lines.reserveCapacity(70_001)
        for i in 0..<70_000 {
            let wide = i % 1_000 == 7
            let input = wide ? 100_000 + i : i % 65_535
            let output = wide ? 4_000_000_000 - UInt32(i) : UInt32(65_534)
            lines.append(
                #"{"ts":\#(1_772_400_000 - i),"account_id":"a\#(i % 3)","category":"cat\#(i)","input_tokens":\#(input),"output_tokens":\#(output)}"#)
            if i == 35_000 { lines.append(#"{"ts":1,"account_id":"ghost","category":"cat-ghost","input_tokens":99999}"#) }
        }
        let source = try TempSource([
            "accounts.csv": "account_id\na0\na1\na2\n", "queries.jsonl": lines.joined(separator: "\n") + "\n",
        ])
        for (slice, workers) in [(1 << 30, 1), (300_000, 2)] {
            let data = try Self.load(source, sliceBytes: slice, workers: workers)
            let q = data.queries
            #expect(q.count == 70_000)
            #expect(data.report.skippedCount == 1)
            var seen = 0
            for row in 0..<q.count {
                let category = data.pools.categories.string(q.category(row))
                let i = Int(category.dropFirst(3))!
                #expect(q.account(ofRow: row) == data.accountIndex("a\(i % 3)")!)
                #expect(q.timestamp(row) == Int64(1_772_400_000 - i) * 1000)
                let wide = i % 1_000 == 7
                #expect(q.inputTokens(row) == (wide ? UInt32(100_000 + i) : UInt32(i % 65_535)))
                #expect(q.outputTokens(row) == (wide ? 4_000_000_000 - UInt32(i) : 65_534))
                seen += 1
            }
            #expect(seen == 70_000)
            #expect(data.pools.categories.count == 70_001)
        }
    }

    @Test func timesBefore1970AndAfter2106KeepTheirMillisecondsAndOrder() throws {
        // Times outside the 4-byte seconds column are kept aside; they still sort with the rest,
        // and prompt flags ride with every row.
        let times = [
            "2200-01-01T00:00:00.250Z", "1969-12-31T23:59:59.500Z", "2026-03-01T12:00:00.999Z", "1900-06-01T00:00:00Z",
            "2106-02-07T06:28:15Z", "2106-02-07T06:28:14.001Z", "1970-01-01T00:00:00.000Z",
        ]
        var lines: [String] = []
        for (i, time) in times.enumerated() {
            let prompt = i % 2 == 0 ? #","prompt":"think step by step""# : ""
            lines.append(#"{"ts":"\#(time)","account_id":"a1","output_tokens":\#(i)\#(prompt)}"#)
        }
        let source = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": lines.joined(separator: "\n") + "\n"])
        for (slice, workers) in [(1 << 30, 1), (200, 2)] {
            let data = try Self.load(source, sliceBytes: slice, workers: workers)
            let q = data.queries
            let expected = times.enumerated().map { (Timestamp.parseMillis($0.element)!, $0.offset) }.sorted { $0 < $1 }
            #expect(q.count == times.count)
            for (row, (millis, index)) in expected.enumerated() {
                #expect(q.timestamp(row) == millis)
                #expect(q.outputTokens(row) == UInt32(index))
                let flags = q.promptFlags(row)
                #expect((flags & PromptDigest.Flags.reasoning != 0) == (index % 2 == 0))
                #expect((flags & PromptDigest.Flags.hasPrompt != 0) == (index % 2 == 0))
            }
        }
        #expect(Timestamp.parseMillis("1969-12-31T23:59:59.500Z") == -500)
    }
}

