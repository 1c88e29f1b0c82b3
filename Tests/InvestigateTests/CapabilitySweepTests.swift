import Foundation
import Testing
@testable import Investigate

/// `capability_sweep` reads each member's own spread against accounts of similar volume, never a
/// cluster's pooled queries against one account's.
@Suite struct CapabilitySweepTests {
    typealias S = SignalTestSource

    /// 24 students on one campus IP: one homework template in math, and each one personal topic of its own,
    /// so together they cover every category while each covers two.
    static func course(_ s: inout S) {
        var rng = SeededRandom(seed: 51)
        let topics = PersonaParts.categories
        for i in 0..<24 {
            let id = "cs\(i)"
            s.account(.init(id: id, created: "2025-09-0\(1 + i % 9)T08:00:00Z", email: "cs\(i)@uni.example.edu", payment: "pf-cs\(i)"))
            for k in 0..<30 {
                let homework = k < 18
                let topic = homework ? "math" : topics[i % topics.count]
                s.query(
                    id, at: S.base + Int64(k) * S.day + Int64(rng.int(0...3_600)) * 1000,
                    prompt: homework ? ScenarioPrompts.template(8, &rng) : PromptMaker.human(&rng),
                    ip: "169.229.9.9", asn: "AS25", category: topic)
            }
        }
    }

    @Test func aCourseCoveringEveryCategoryTogetherIsNoSweep() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.course(&s)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("cs0")!)
        #expect(cluster.size >= 20)
        // Pooled, the course covers every category the source has.
        let q = inv.data.queries
        var seen = Set<Int32>()
        for m in cluster.members { for row in q.rows(of: Int(m)) { seen.insert(q.category(row)) } }
        #expect(seen.count >= 8)
        #expect((inv.signal("capability_sweep", of: "cs0")?.contribution ?? 0) == 0)
    }

    @Test func membersWhoEachSweepAreCredited() throws {
        var s = S()
        s.addBackground(count: 60)
        SignalTests.ring(&s)
        let inv = try s.investigate()
        let sweep = try #require(inv.signal("capability_sweep", of: "r0"))
        #expect(sweep.contribution > 0.1)
        #expect(sweep.explanation.contains("how evenly members each spread their queries"))
        #expect(sweep.explanation.contains("for a typical account with as many"))
    }

    @Test func theSpreadNeedsTwentyLabelledQueriesAndReadsEveryCategory() throws {
        var s = S()
        s.account(.init(id: "few"))
        s.account(.init(id: "even"))
        for k in 0..<19 { s.query("few", at: S.base + Int64(k) * 1000, prompt: "p", category: "c\(k % 4)") }
        for k in 0..<40 { s.query("even", at: S.base + Int64(k) * 1000, prompt: "p", category: "c\(k % 4)") }
        let inv = try s.investigate()
        let q = inv.data.queries
        var histogram = [Int](repeating: 0, count: inv.data.pools.categories.count)
        #expect(CategorySpread.of(q, rows: q.rows(of: inv.data.accountIndex("few")!), histogram: &histogram) == nil)
        let even = try #require(CategorySpread.of(q, rows: q.rows(of: inv.data.accountIndex("even")!), histogram: &histogram))
        #expect(abs(even - 1) < 1e-9)  // four categories, evenly: the whole spread of a four-label source
        #expect(histogram.allSatisfy { $0 == 0 })
    }
}
