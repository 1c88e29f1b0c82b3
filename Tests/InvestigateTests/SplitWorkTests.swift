import ByteCore
import Foundation
import Testing
@testable import Investigate

/// The cluster phase's work split for speed gives the answers of the work done whole: timing
/// candidates counted in ranges of accounts side by side, paired prompts counted in many passes,
/// and the pair scan reading its partners' lists ahead.
@Suite struct SplitWorkTests {
    /// A ring firing together on a schedule, a ring sharing cards and templates, and a
    /// background: timing proposes pairs and shared values make links.
    static func source() -> SignalTestSource {
        var s = CrowdBlenderTests.ringSource()
        var rng = SeededRandom(seed: 21)
        for i in 0..<6 {
            s.account(.init(id: "t\(i)", created: "2026-01-02T08:00:00Z", email: "t\(i)@mailbox.org", payment: "pf-t\(i / 2)"))
            for q in 0..<20 {
                s.query(
                    "t\(i)", at: SignalTestSource.base + Int64(q) * 3_600_000 + Int64(rng.int(0...600)) * 1000,
                    prompt: "Solve step by step and show your reasoning: \(PromptMaker.human(&rng))", output: 1200,
                    ip: "45.9.\(i / 3).7", model: "m-large")
            }
        }
        return s
    }

    @Test func timingCandidatesInPartsProposeWhatOnePassDoes() throws {
        let inv = try Self.source().investigate()
        let n = inv.data.accountCount
        let whole = TimingCandidates(coActivity: inv.coActivity, accountCount: n, blockSize: 48, parts: 1)
        #expect(whole.keys.count >= 28)
        for parts in [2, 3, 7, n, n + 5] {
            let split = TimingCandidates(coActivity: inv.coActivity, accountCount: n, blockSize: 48, parts: parts)
            #expect(split.keys == whole.keys)
            #expect(split.bucketSeconds == whole.bucketSeconds)
            #expect(split.sampledOccupancy == whole.sampledOccupancy)
        }
        // The ranges cover every account once, in order.
        for (count, parts) in [(0, 2), (1, 2), (5, 2), (10, 3), (1_000, 7)] {
            let ranges = TimingCandidates.ranges(count, count: parts)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.count == max(1, min(parts, count)))
        }
    }

    @Test func pairedPromptsCountedInManyPassesCountWhatOnePassDoes() throws {
        var s = SignalTestSource()
        PairedPromptsTests.people(&s, count: 40, hi: 6, hiSeconds: 2)
        PairedPromptsTests.pairRing(&s)
        let source = try s.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load(strict: true)
        let one = PairedPrompts(queries: data.queries, accountCount: data.accountCount)
        #expect(one.pairedAccounts >= 16)
        for rows in [1, 7, 100] {
            let many = PairedPrompts(queries: data.queries, accountCount: data.accountCount, partitionRows: rows)
            #expect(many.pairedAccounts == one.pairedAccounts)
            #expect((0..<data.accountCount).allSatisfy { many.count(of: $0) == one.count(of: $0) })
            #expect(many.populationShare == one.populationShare)
        }
    }

    @Test func aSketchsPassIsInRangeAndThePassesShareTheSketches() {
        var rng = SeededRandom(seed: 4)
        for parts in [1, 2, 3, 20, 1_000] as [UInt64] {
            var used = Set<UInt64>()
            for _ in 0..<20_000 {
                let sketch = UInt64(rng.int(1...Int.max)) &* 0x9E37_79B9_7F4A_7C15
                let pass = PairedPrompts.partition(sketch, of: parts)
                #expect(pass < parts)
                used.insert(pass)
            }
            #expect(used.count == Int(parts))
        }
    }

    @Test func warmingRowsReadsTheirFirstItemAndChangesNothing() {
        // Inline form: key 0 none, 1 one item, 2 three items, 3 one item.
        let inline = CompactRows(start: [0, 0, 1, 4, 5], items: [7, 3, 8, 9, 11])
        #expect(!inline.sparse)
        #expect(inline.warm(0) == -1 && inline.warm(1) == 7 && inline.warm(2) == 3 && inline.warm(3) == 11)
        #expect(inline.warm(-1) == 0 && inline.warm(4) == 0)
        #expect(Array(inline.items(of: 2)) == [3, 8, 9])
        // Sparse form: not read ahead.
        var start = [Int32](repeating: 0, count: 101)
        for k in 50...100 { start[k] = 2 }
        let sparse = CompactRows(start: start, items: [4, 6])
        #expect(sparse.sparse)
        #expect(sparse.warm(49) == 0 && sparse.warm(500) == 0)
        #expect(Array(sparse.items(of: 49)) == [4, 6])
    }

    @Test func aWarmedPairScanGivesEveryVerdictAColdOneGives() throws {
        let inv = try Self.source().investigate()
        let clusterer = EvidenceClusterer()
        let timing = clusterer.timingKeys(accountCount: inv.data.accountCount, coActivity: inv.coActivity, linkBits: inv.weights.threshold)
        let pairs = clusterer.candidates(index: inv.index, weights: inv.weights, timing: timing)
        #expect(pairs.count > 20)
        func verdicts(warmed: Bool) -> [String] {
            var scan = PairScan(index: inv.index, weights: inv.weights, coActivity: inv.coActivity, timingPairs: timing)
            var out: [String] = []
            for a in 0..<(pairs.start.count - 1) {
                let run = Int(pairs.start[a])..<Int(pairs.start[a + 1])
                if warmed && !run.isEmpty { scan.warm(a, partners: pairs.partners, run) }
                for position in run {
                    switch scan.verdict(a, Int(pairs.partners[position])) {
                    case .linked: out.append("linked")
                    case .near(let bits): out.append("near \(bits)")
                    case .apart: out.append("apart")
                    }
                }
            }
            return out
        }
        let cold = verdicts(warmed: false)
        #expect(cold.contains("linked"))
        #expect(verdicts(warmed: true) == cold)
    }
}
