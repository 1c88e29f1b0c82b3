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

    /// Hundreds of accounts interleaved in each batch, each switching IPs now and then, on one
    /// worker and on two sharing slices: every row gets its own values, and the loaded contexts
    /// and IPs are numbered in the order of their first row in the file, as a row-by-row load
    /// numbers them (whatever order a worker met them in).
    @Test func idsFollowTheFileWhateverOrderTheBatchResolvesIn() throws {
        var state: UInt64 = 777
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var lines: [String] = []
        var expected: [(account: String, ip: String, key: String)] = []
        for i in 0..<3_000 {
            let account = next(400)
            let ip = "10.\(account % 7).\(account).\(next(5) == 0 ? 1 : 0)"
            let key = "k\(account % 50)"
            lines.append(#"{"ts":\#(1_772_323_200 + i),"account_id":"acct\#(account)","api_key":"\#(key)","ip":"\#(ip)","asn":"64500"}"#)
            expected.append(("acct\(account)", ip, key))
        }
        var accounts = "account_id,created_at\n"
        for a in 0..<400 { accounts += "acct\(a),2026-01-01T00:00:00Z\n" }
        let source = try TempSource(["accounts.csv": accounts, "queries.jsonl": lines.joined(separator: "\n") + "\n"])
        for workers in [1, 2] {
            let data = try ParallelLoadTests.load(source, sliceBytes: workers == 1 ? 1 << 30 : 40_000, workers: workers)
            let q = data.queries
            #expect(q.count == lines.count)
            // Each row's values, and its context and IP, by line.
            var contextOfLine = [Int32](repeating: -1, count: lines.count)
            var ipOfLine = [Int32](repeating: -1, count: lines.count)
            for row in 0..<q.count {
                let line = q.source(ofRow: row).line - 1
                let context = q.context[row]
                let ip = q.contexts.ip[Int(context)]
                #expect(data.pools.accountIDs.string(Int32(q.account(ofRow: row))) == expected[line].account, "line \(line + 1)")
                #expect(data.pools.ips.string(ip) == expected[line].ip, "line \(line + 1)")
                #expect(data.pools.apiKeys.string(q.contexts.apiKey[Int(context)]) == expected[line].key, "line \(line + 1)")
                contextOfLine[line] = context
                ipOfLine[line] = ip
            }
            // Contexts and IPs numbered by first use in the file.
            var nextContext: Int32 = 0, nextIP: Int32 = 0
            var seenContexts = Set<Int32>(), seenIPs = Set<Int32>()
            for line in 0..<lines.count {
                if seenContexts.insert(contextOfLine[line]).inserted {
                    #expect(contextOfLine[line] == nextContext, "workers \(workers), line \(line + 1)")
                    nextContext += 1
                }
                if seenIPs.insert(ipOfLine[line]).inserted {
                    #expect(ipOfLine[line] == nextIP, "workers \(workers), line \(line + 1)")
                    nextIP += 1
                }
            }
            #expect(Int(nextContext) == q.contexts.count)
        }
    }
}
