import Foundation
import Testing
@testable import Investigate

/// Each loading thread interns into its own pools, shared by all the slices it parses; the merge
/// must still number every value and context as a one-thread load does (first use in file
/// order), whichever thread parsed which slice.
@Suite struct WorkerValuesTests {
    /// Every value of every pool a query row refers to, in id order.
    static func pools(_ data: CaseData) -> [[String]] {
        let p = data.pools
        return [p.apiKeys, p.ips, p.asns, p.userAgents, p.models, p.categories, p.subnets].map { pool in
            (0..<pool.count).map { pool.string(Int32($0)) }
        }
    }

    /// Every context tuple, in id order, and every row's context and category ids.
    static func ids(_ data: CaseData) -> [String] {
        let q = data.queries, c = q.contexts
        let tuples = (0..<c.count).map { "\(c.apiKey[$0]) \(c.ip[$0]) \(c.asn[$0]) \(c.userAgent[$0]) \(c.model[$0])" }
        let rows = (0..<q.count).map { "\(q.account(ofRow: $0)) \(q.context[$0]) \(q.category($0)) \(q.line[$0])" }
        return tuples + ["--"] + rows
    }

    /// 30 accounts whose rows interleave (time order), each with a key, a few IPs, ASNs, clients,
    /// models and categories, some values missing, two unknown accounts.
    static func source() throws -> TempSource {
        var accounts = "account_id,created_at,signup_ip\n"
        for a in 0..<30 { accounts += "a\(a),2026-01-01T00:00:00Z,10.9.\(a % 4).\(a)\n" }
        var lines: [String] = []
        for i in 0..<900 {
            let a = (i * 7) % 31
            let account = a == 30 ? "ghost\(i % 2)" : "a\(a)"
            var fields = [#""ts":\#(1_772_323_200 + i)"#, #""account_id":"\#(account)""#]
            if i % 11 != 0 { fields.append(#""api_key":"k\#(a)""#) }
            fields.append(#""ip":"10.\#(a % 5).\#(i % 3).\#(a)""#)
            if i % 13 != 0 { fields.append(#""asn":"AS\#(100 + a % 6)""#) }
            fields.append(#""user_agent":"ua/\#((a + i / 300) % 4)""#)
            fields.append(#""model":"m\#(i % 3)""#)
            if i % 5 != 0 { fields.append(#""category":"cat\#((a * 3 + i) % 9)""#) }
            fields.append(#""prompt":"h\u00e9llo \u4f60\u597d \#(i % 4)""#)
            lines.append("{" + fields.joined(separator: ",") + "}")
        }
        return try TempSource(["accounts.csv": accounts, "queries.jsonl": lines.joined(separator: "\n") + "\n"])
    }

    @Test func everyPoolAndContextIsNumberedAsOneThreadDoes() throws {
        let source = try Self.source()
        let whole = try ParallelLoadTests.load(source, sliceBytes: 1 << 30, workers: 1)
        #expect(whole.queries.count == 871)
        for (slice, workers) in [(1_500, 2), (4_000, 2), (700, 3)] {
            let sliced = try ParallelLoadTests.load(source, sliceBytes: slice, workers: workers)
            #expect(Self.pools(sliced) == Self.pools(whole))
            #expect(Self.ids(sliced) == Self.ids(whole))
            #expect(sliced.report.skipped == whole.report.skipped)
            #expect(sliced.report.skippedCount == whole.report.skippedCount)
        }
    }

    @Test func escapedAndPlainPromptsLoadAlike() throws {
        let plain = #"{"ts":1772323200,"account_id":"a0","prompt":"Explain step by step: héllo 你好 👋"}"#
        let escaped = #"{"ts":1772323200,"account_id":"a0","prompt":"Explain step by step: h\u00e9llo \u4f60\u597d \ud83d\udc4b"}"#
        let accounts = "account_id,created_at\na0,2026-01-01T00:00:00Z\n"
        let one = try TempSource(["accounts.csv": accounts, "queries.jsonl": plain + "\n"])
        let other = try TempSource(["accounts.csv": accounts, "queries.jsonl": escaped + "\n"])
        let a = try CaseLoader().load(one.directory), b = try CaseLoader().load(other.directory)
        #expect(a.queries.count == 1 && b.queries.count == 1)
        #expect(a.queries.promptSketch[0] == b.queries.promptSketch[0])
        #expect(a.queries.promptFlags(0) == b.queries.promptFlags(0))
        #expect(a.queries.promptSketch[0] != 0)
    }
}
