import Testing
@testable import Investigate

/// An organisation's payer (an invoice, or a card every holder of which declares one
/// organisation) is excused as a company paying for its staff, unless most of the members it pays
/// for harvest reasoning: hand-made groups whose answer is known.
@Suite struct OrganisationHarvestTests {
    typealias S = SignalTestSource

    /// `count` old accounts of one organisation on one invoice, each sending 30 varied prompts
    /// through one gateway; the first `asking` of them ask for step-by-step reasoning in every
    /// prompt, the others in none; answers of `output` tokens for about 80 in.
    static func organisation(_ s: inout S, prefix: String, count: Int, asking: Int, output: ClosedRange<Int>, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@\(prefix)-corp.example", org: "org_\(prefix)"))
            s.payment(id, "inv-\(prefix)", kind: "invoice")
            for q in 0..<30 {
                let question = PromptMaker.human(&rng)
                let prompt = i < asking ? "Think it through step by step and show every step of your reasoning. \(question)" : question
                s.query(
                    id, at: S.base + Int64(q) * S.day / 3 + Int64(rng.int(0...7_200)) * 1000, prompt: prompt,
                    input: rng.int(60...100), output: rng.int(output), ip: "198.51.100.\(1 + q % 3)", asn: "AS16509",
                    agent: "\(prefix)-gateway/2.1", category: rng.pick(["coding", "writing", "math"]))
            }
        }
    }

    @Test func anInvoiceWhoseMembersHarvestReasoningCounts() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.organisation(&s, prefix: "rs", count: 20, asking: 16, output: 1_400...1_900, seed: 11)
        let inv = try s.investigate()
        let payer = try #require(inv.signal("shared_instruments", of: "rs0"))
        #expect(payer.contribution > 0.15, "\(payer.explanation)")
        #expect(payer.explanation.contains("16 of them ask for step-by-step reasoning"), "\(payer.explanation)")
        #expect(payer.explanation.contains("so it counts"), "\(payer.explanation)")
    }

    @Test func anInvoiceWhoseMembersMostlyDoOtherWorkIsNotCounted() throws {
        var s = S()
        s.addBackground(count: 60)
        // Four reasoning-heavy staff among twenty: a company, not a reseller.
        Self.organisation(&s, prefix: "co", count: 20, asking: 4, output: 1_400...1_900, seed: 12)
        let inv = try s.investigate()
        let payer = try #require(inv.signal("shared_instruments", of: "co0"))
        #expect(payer.contribution == 0, "\(payer.explanation)")
        #expect(payer.explanation.contains("do not ask for step-by-step reasoning"), "\(payer.explanation)")
        // It says why once: no "adds nothing" after its own "not counted".
        #expect(payer.explanation.hasSuffix("in most of their prompts: not counted"), "\(payer.explanation)")
    }

    @Test func harvestingNeedsMostPromptsAndMoreThanThePopulation() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.organisation(&s, prefix: "rs", count: 20, asking: 16, output: 1_400...1_900, seed: 11)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("rs0")!)
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        let evidence = ClusterEvidence(
            members: cluster.members, links: [:], features: inv.features, population: population, index: inv.index)
        #expect(OrganisationHarvest.harvests(Int32(inv.data.accountIndex("rs0")!), evidence))
        #expect(!OrganisationHarvest.harvests(Int32(inv.data.accountIndex("rs19")!), evidence))
        #expect(!OrganisationHarvest.harvests(Int32(inv.data.accountIndex("bg0")!), evidence))
    }
}
