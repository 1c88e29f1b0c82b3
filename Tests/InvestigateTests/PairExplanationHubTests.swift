import Foundation
import Testing
@testable import Investigate

/// What `why` calls a hub is what the clustering did not find pairs by, and a pair that shares
/// dozens of values worth nothing says them in one line (a session-28 trial: two accounts of one
/// proxy pool printed some 60 "both connect from IP ... (+0 bits)" lines, and IPs held by 13 of
/// 5,000 accounts were called "a hub: too common to find pairs by" while the evidence graph paired
/// their holders).
@Suite struct PairExplanationHubTests {
    typealias S = SignalTestSource

    /// A background of 200; thirteen accounts on one office IP; two accounts cycling through the
    /// same 40 proxy IPs (each also held by nobody else), on one rare client.
    static func source() -> S {
        var s = S()
        s.addBackground(count: 200)
        var rng = SeededRandom(seed: 9)
        for i in 0..<13 {
            s.account(.init(id: "office\(i)", payment: "card-office\(i)"))
            for _ in 0..<6 {
                s.query("office\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "93.4.5.6")
            }
        }
        for id in ["pool-a", "pool-b"] {
            s.account(.init(id: id, payment: "card-\(id)"))
            for k in 0..<80 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "45.142.214.\(k % 40 + 10)", agent: "pool-runner/2.1")
            }
        }
        return s
    }

    @Test func aHubIsWhatTheEvidenceGraphDoesNotPairBy() throws {
        let inv = try Self.source().investigate()
        let office = try #require(inv.index.valueID(.ip, "93.4.5.6"))
        #expect(inv.index.shareCount(.ip, value: office) == 13)
        // The legacy clusterer's merge limit for an IP is 12 holders; the evidence graph's rule is
        // a weight under a quarter of a link, which 13 of 215 accounts are far from.
        #expect(inv.index.isHub(.ip, value: office))
        #expect(!inv.weights.isHub(.ip, sharedBy: 13))
        #expect(inv.isHub(.ip, value: office) == inv.weights.isHub(.ip, sharedBy: 13))
        let a = try #require(inv.data.accountIndex("office0")), b = try #require(inv.data.accountIndex("office1"))
        let lines = inv.explainPair(a, b)
        let line = try #require(lines.first { $0.hasPrefix("both connect from IP 93.4.5.6") })
        #expect(!line.contains("hub"))
    }

    @Test func valuesWorthNothingAreSaidAFewToAKindThenCounted() throws {
        let inv = try Self.source().investigate()
        let a = try #require(inv.data.accountIndex("pool-a")), b = try #require(inv.data.accountIndex("pool-b"))
        let evidence = inv.why(a, b)
        let ips = evidence.shared.filter { $0.kind == .ip }
        #expect(ips.count == 40)
        let silent = ips.filter { $0.counted == 0 }.count
        #expect(silent > PairExplanation.zeroLinesPerKind + 10)
        let lines = inv.explainPair(a, b)
        let ipLines = lines.filter { $0.hasPrefix("both connect from IP ") }
        #expect(ipLines.count == ips.count - silent + PairExplanation.zeroLinesPerKind)
        let accounts = PairExplanation.grouped(inv.data.accountCount)
        let rest = silent - PairExplanation.zeroLinesPerKind
        #expect(lines.contains { $0 == "and \(rest) more ip values they both hold (each held by 2 of \(accounts) accounts), adding 0 bits each" })
        // The spread line still says why they add nothing.
        #expect(lines.contains { $0.hasPrefix("they hold more ip values than a typical holder (40 and 40") })
    }
}
