import Foundation
import Testing
@testable import Investigate

/// An operation's tie is each tied cluster's tooling: a template most of its members run, or a model
/// mix few others use, not one question a few members of two separate rings happen to send.
@Suite struct OperationToolingTests {
    typealias S = SignalTestSource

    /// Two groups of eight; in each, `holders` members send one shared template family and the
    /// others send human prompts. Clusters are set by hand (as if no link tied the groups).
    private func operations(holders: Int) throws -> [Investigate.Operation] {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 9)
        for group in 0..<2 {
            for i in 0..<8 {
                let id = "g\(group)-\(i)"
                s.account(.init(id: id, created: "2026-01-0\(1 + group)T08:00:00Z", email: "\(id)@gmail.com", payment: "card-\(id)"))
                for q in 0..<20 {
                    let prompt = i < holders ? ScenarioPrompts.template(4 + q % 2, &rng) : PromptMaker.human(&rng)
                    s.query(
                        id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: prompt,
                        output: 1200, ip: "45.\(group).0.\(i)", asn: "AS14061", agent: "sdk/1.0")
                }
            }
        }
        return Self.operationsOfTwoGroups(in: try s.investigate())
    }

    @Test func aTemplateMostMembersRunTiesTheClusters() throws {
        let found = try operations(holders: 6)
        #expect(found.count == 1)
        #expect(found.first?.clusters == [0, 1])
        #expect(found.first?.ties.contains { $0.kind == .template } == true)
    }

    @Test func aTemplateHalfTheMembersRunStillTies() throws {
        #expect(try operations(holders: 4).count == 1)
    }

    @Test func aFewMembersSendingTheSameQuestionsDoNotTieTwoRings() throws {
        // Three of eight in each cluster: every holder sits in the two clusters (the old rule tied
        // them), but the template is neither cluster's tooling.
        #expect(try operations(holders: 3).isEmpty)
    }

    /// Two groups of eight sending human prompts to `mix` (each account its own card and IP)
    /// among 1,000 accounts on one common model; clusters set by hand.
    private func operations(mix: [String]) throws -> [Investigate.Operation] {
        var s = ModelMixTests.Source()
        var rng = SeededRandom(seed: 4)
        for i in 0..<1_000 {
            s.account("bg\(i)")
            for q in 0..<10 {
                s.query(
                    "bg\(i)", at: ModelMixTests.base + Int64(i * 10 + q) * 7_000, model: "sonnet", prompt: PromptMaker.human(&rng),
                    ip: "81.3.\(i / 250).\(i % 250)")
            }
        }
        for group in 0..<2 {
            for i in 0..<8 {
                let id = "g\(group)-\(i)"
                s.account(id)
                for q in 0..<10 {
                    s.query(
                        id, at: ModelMixTests.base + Int64(group * 100 + i * 10 + q) * 61_000, model: mix[q % mix.count],
                        prompt: PromptMaker.human(&rng), ip: "77.\(group).\(i).\(q)")
                }
            }
        }
        return Self.operationsOfTwoGroups(in: try s.investigate())
    }

    @Test func aModelMixFewOthersUseTiesTheClusters() throws {
        let found = try operations(mix: ["opus-old", "haiku-old"])
        #expect(found.count == 1)
        #expect(found.first?.clusters == [0, 1])
        #expect(found.first?.ties.contains { $0.kind == .modelMix } == true)
    }

    @Test func theCommonModelTiesNothing() throws {
        #expect(try operations(mix: ["sonnet"]).isEmpty)
    }

    /// Operations found when the two groups `g0-*` and `g1-*` are clusters 0 and 1 (eight members
    /// each) and every other account is a cluster of its own, as if no link tied the groups.
    private static func operationsOfTwoGroups(in inv: Investigation) -> [Investigate.Operation] {
        var clusterOf = [Int32](repeating: -1, count: inv.data.accountCount)
        for a in 0..<inv.data.accountCount {
            let id = inv.data.accountID(a)
            clusterOf[a] = id.hasPrefix("g0") ? 0 : id.hasPrefix("g1") ? 1 : Int32(2 + a)
        }
        return OperationFinder.find(clusterOf: clusterOf, sizes: { $0 < 2 ? 8 : 1 }, index: inv.index, weights: inv.weights)
    }
}
