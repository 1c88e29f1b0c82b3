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

    /// 40 people (each sending "hi" in the same two seconds of six days) and a ring of pairs,
    /// loaded; the folder removed after `body`.
    static func withPairedSource(_ body: (CaseData) throws -> Void) throws {
        var s = SignalTestSource()
        PairedPromptsTests.people(&s, count: 40, hi: 6, hiSeconds: 2)
        PairedPromptsTests.pairRing(&s)
        let source = try s.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try body(try source.load(strict: true))
    }

    @Test func pairedPromptsCountedInManyPassesCountWhatOnePassDoes() throws {
        try Self.withPairedSource { data in
            let one = PairedPrompts(queries: data.queries, accountCount: data.accountCount)
            #expect(one.pairedAccounts >= 16)
            for rows in [1, 7, 100] {
                let many = PairedPrompts(queries: data.queries, accountCount: data.accountCount, partitionRows: rows)
                #expect(many.pairedAccounts == one.pairedAccounts)
                #expect((0..<data.accountCount).allSatisfy { many.count(of: $0) == one.count(of: $0) })
                #expect(many.populationShare == one.populationShare)
            }
        }
    }

    /// The count drops lone sketches before sorting a pass (`sortRepeatedSketches`): read the rule
    /// row by row instead, with no sort and no pass, and it must give every account the same
    /// count (a crowd of "hi" senders, a ring of pairs and 40 people's own prompts; partitions of
    /// 7 rows too, where lone sketches share the bit tables' slots often).
    @Test func pairedPromptsCountWhatTheRuleReadRowByRowCounts() throws {
        try Self.withPairedSource { data in
            let q = data.queries
            var rows: [(account: Int, row: Int)] = []
            for account in 0..<data.accountCount {
                for row in q.accountStart[account]..<q.accountStart[account + 1] where q.promptSketch[row] != 0 {
                    rows.append((account, row))
                }
            }
            func model(_ row: Int) -> Int32 { q.contexts.model[Int(q.context[row])] }
            func exact(_ row: Int) -> UInt8 { q.promptFlags(row) & PromptDigest.Flags.exactBits }
            var expected = [Int](repeating: 0, count: data.accountCount)
            for (account, row) in rows where model(row) >= 0 {
                let near = rows.filter { other in
                    other.account != account && q.promptSketch[other.row] == q.promptSketch[row]
                        && abs(q.timestamp(other.row) - q.timestamp(row)) <= PairedPrompts.windowMillis
                }
                let matched = near.contains { exact($0.row) == exact(row) && model($0.row) >= 0 && model($0.row) != model(row) }
                if matched && near.count <= PairedPrompts.crowdLimit { expected[account] += 1 }
            }
            #expect(expected.filter { $0 > 0 }.count >= 16)
            for rows in [PairedPrompts.partitionRows, 7] {
                let counted = PairedPrompts(queries: q, accountCount: data.accountCount, partitionRows: rows)
                #expect((0..<data.accountCount).map { counted.count(of: $0) } == expected)
            }
        }
    }

    /// A ranking scores its clusters with one `EvidenceColumns` shared by all: each cluster's
    /// risk and every signal's words are those of the scorer given the features and baseline.
    @Test func scoringWithSharedColumnsGivesWhatScoringWithTheColumnsGives() throws {
        let inv = try Self.source().investigate()
        let ranking = inv.clusters.ranking
        let columns = EvidenceColumns(features: ranking.features, population: ranking.population)
        #expect(ranking.count >= 10)
        for rank in 0..<ranking.count {
            let members = Array(ranking.members(of: rank))
            let links = Clusterer.linkCounts(members: members, index: inv.index)
            let shared = ranking.scorer.score(
                members: members, links: links, columns: columns, index: inv.index, coActivity: inv.coActivity,
                familyReach: ranking.familyReach)
            let given = ranking.scorer.score(
                members: members, links: links, features: ranking.features, population: ranking.population, index: inv.index,
                coActivity: inv.coActivity, familyReach: ranking.familyReach)
            #expect(shared.0 == given.0 && shared.0 == ranking.risk(of: rank))
            #expect(shared.1.map(\.explanation) == given.1.map(\.explanation))
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
