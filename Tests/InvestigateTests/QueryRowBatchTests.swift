import Foundation
import Testing
@testable import Investigate

/// Rows are resolved in batches (`QueryRowBatch`): values far larger than a batch's arena limit,
/// time-ordered rows and numeric ASNs must load exactly as written, each row with its own values.
@Suite struct QueryRowBatchTests {
    @Test func hugeValuesStayExactAcrossEarlyFlushes() throws {
        var lines: [String] = []
        // 3 accounts interleaved; every row carries a distinct 300 KB client string, so the
        // arena passes its limit every few rows.
        for i in 0..<40 {
            let client = String(repeating: Character(UnicodeScalar(UInt8(97 + i % 26))), count: 300_000) + "\(i)"
            lines.append(#"{"ts":\#(1_772_323_200 + i),"account_id":"acct\#(i % 3)","ip":"10.0.0.\#(i % 3)","asn":"\#(64_500 + i % 3)","user_agent":"\#(client)"}"#)
        }
        let source = try TempSource([
            "accounts.csv": "account_id,created_at\nacct0,2026-01-01T00:00:00Z\nacct1,2026-01-01T00:00:00Z\nacct2,2026-01-01T00:00:00Z\n",
            "queries.jsonl": lines.joined(separator: "\n") + "\n",
        ])
        let data = try ParallelLoadTests.load(source, sliceBytes: 1 << 30, workers: 1)
        let q = data.queries
        #expect(q.count == 40)
        #expect(data.pools.userAgents.count == 40)
        var seen = Set<Int>()
        for row in 0..<q.count {
            let context = Int(q.context[row])
            let client = data.pools.userAgents.string(q.contexts.userAgent[context])
            let i = Int(client.drop { !$0.isNumber }) ?? -1
            seen.insert(i)
            #expect(client.count == 300_000 + "\(i)".count)
            #expect(data.pools.ips.string(q.contexts.ip[context]) == "10.0.0.\(i % 3)")
            #expect(data.pools.asns.string(q.contexts.asn[context]) == "AS\(64_500 + i % 3)")
        }
        #expect(seen == Set(0..<40))
    }

    /// Within one batch an account's rows switch between two tuples and back, next to another
    /// account's: each row keeps its own values, and a tuple seen before gets its earlier context
    /// (an earlier row of the batch moving the account's last context must not leak into a
    /// later row's).
    @Test func anAccountSwitchingContextsInsideOneBatchKeepsEachRowsOwn() throws {
        var lines: [String] = []
        var expected: [(ip: String, client: String)] = []
        let pattern = [0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0]
        for (i, which) in pattern.enumerated() {
            let ip = which == 0 ? "10.0.0.1" : "10.0.0.2"
            let client = which == 0 ? "alpha/1" : "beta/2"
            lines.append(#"{"ts":\#(1_772_323_200 + 2 * i),"account_id":"acct0","ip":"\#(ip)","asn":"64500","user_agent":"\#(client)"}"#)
            expected.append((ip, client))
            // The other account repeats the first account's *other* tuple, so a stale guess
            // taken from it would be wrong.
            let otherIP = which == 0 ? "10.0.0.2" : "10.0.0.1"
            lines.append(#"{"ts":\#(1_772_323_201 + 2 * i),"account_id":"acct1","ip":"\#(otherIP)","asn":"64500","user_agent":"\#(client)"}"#)
            expected.append((otherIP, client))
        }
        let source = try TempSource([
            "accounts.csv": "account_id,created_at\nacct0,2026-01-01T00:00:00Z\nacct1,2026-01-01T00:00:00Z\n",
            "queries.jsonl": lines.joined(separator: "\n") + "\n",
        ])
        let data = try ParallelLoadTests.load(source, sliceBytes: 1 << 30, workers: 1)
        let q = data.queries
        #expect(q.count == lines.count)
        var contextOf: [String: Int32] = [:]
        for row in 0..<q.count {
            let line = q.source(ofRow: row).line - 1
            let context = q.context[row]
            let ip = data.pools.ips.string(q.contexts.ip[Int(context)])
            let client = data.pools.userAgents.string(q.contexts.userAgent[Int(context)])
            #expect(ip == expected[line].ip && client == expected[line].client, "line \(line + 1)")
            let key = ip + " " + client
            if let earlier = contextOf[key] { #expect(earlier == context, "one tuple, one context") }
            contextOf[key] = context
        }
        #expect(q.contexts.count == contextOf.count)
    }
}
