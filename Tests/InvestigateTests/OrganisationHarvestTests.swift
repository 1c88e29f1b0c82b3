import Testing
@testable import Investigate

/// An organisation's payer (an invoice, or a card every holder of which declares one
/// organisation) is excused as a company paying for its staff, unless more of the members it pays
/// for harvest reasoning than a team would, and the answers come back: hand-made groups whose
/// answer is known.
@Suite struct OrganisationHarvestTests {
    typealias S = SignalTestSource

    /// `count` old accounts of one organisation on one invoice, each sending `prompts` varied
    /// prompts through one gateway; the first `asking` of them ask for step-by-step reasoning in
    /// every prompt, the others in none; answers of `output` tokens for about 80 in.
    static func organisation(
        _ s: inout S, prefix: String, count: Int, asking: Int, output: ClosedRange<Int> = 1_400...1_900, seed: UInt64,
        prompts: (Int) -> Int = { _ in 30 }, invoice: (Int) -> String = { _ in "" }, fingerprintOnly: (Int) -> Bool = { _ in false }
    ) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@\(prefix)-corp.example", org: "org_\(prefix)"))
            s.payment(id, "inv-\(prefix)\(invoice(i))", kind: "invoice")
            for q in 0..<prompts(i) {
                let question = PromptMaker.human(&rng)
                let prompt = i < asking ? "Think it through step by step and show every step of your reasoning. \(question)" : question
                s.query(
                    id, at: S.base + Int64(q) * S.day / 3 + Int64(rng.int(0...7_200)) * 1000, prompt: prompt,
                    input: rng.int(60...100), output: rng.int(output), ip: "198.51.100.\(1 + q % 3)", asn: "AS16509",
                    agent: "\(prefix)-gateway/2.1", category: rng.pick(["coding", "writing", "math"]), fingerprintOnly: fingerprintOnly(i))
            }
        }
    }

    static func payer(_ build: (inout S) -> Void, of account: String) throws -> SignalScore {
        var s = S()
        s.addBackground(count: 60)
        build(&s)
        return try #require(try s.investigate().signal("shared_instruments", of: account))
    }

    @Test func anInvoiceWhoseMembersHarvestReasoningBeyondATeamCounts() throws {
        let payer = try Self.payer({ Self.organisation(&$0, prefix: "rs", count: 30, asking: 24, seed: 11) }, of: "rs0")
        // 24 harvesting members: 14 past a team of 10, of the 20 to full weight.
        #expect(payer.contribution > 0.15 && payer.contribution <= 0.25, "\(payer.explanation)")
        #expect(payer.explanation.contains("24 of them ask for step-by-step reasoning"), "\(payer.explanation)")
        #expect(payer.explanation.contains("so it counts"), "\(payer.explanation)")
    }

    @Test func aLabOfATeamsSizeIsNotCounted() throws {
        let payer = try Self.payer({ Self.organisation(&$0, prefix: "lab", count: 8, asking: 8, seed: 13) }, of: "lab0")
        #expect(payer.contribution == 0, "\(payer.explanation)")
        #expect(payer.explanation.contains("no more than a team"), "\(payer.explanation)")
        #expect(payer.explanation.hasSuffix(": not counted"), "\(payer.explanation)")
    }

    @Test func anInvoiceWhoseMembersMostlyDoOtherWorkIsNotCounted() throws {
        // Four reasoning-heavy staff among twenty: a company, not a reseller.
        let payer = try Self.payer({ Self.organisation(&$0, prefix: "co", count: 20, asking: 4, seed: 12) }, of: "co0")
        #expect(payer.contribution == 0, "\(payer.explanation)")
        #expect(payer.explanation.contains("and only 4 of them ask"), "\(payer.explanation)")
        // It says why once: no "adds nothing" after its own "not counted".
        #expect(payer.explanation.hasSuffix("of prompts): not counted"), "\(payer.explanation)")
    }

    @Test func dormantAccountsOnTheInvoiceAreNotJudged() throws {
        // 24 harvesting accounts and 30 more that sent one prompt each: the padding neither
        // excuses the payer nor counts.
        let payer = try Self.payer(
            { Self.organisation(&$0, prefix: "rs", count: 54, asking: 24, seed: 14, prompts: { $0 < 24 ? 30 : 1 }) }, of: "rs0")
        #expect(payer.contribution > 0.15, "\(payer.explanation)")
        #expect(payer.explanation.contains("24 of"), "\(payer.explanation)")
    }

    @Test func membersLoggingOnlyFingerprintsAreNotJudged() throws {
        // 24 members whose prompts can be read all harvest; 12 more log only fingerprints, which
        // say nothing either way (a trial's reseller escaped as "only 12 of 27 ask").
        let payer = try Self.payer(
            { Self.organisation(&$0, prefix: "rs", count: 36, asking: 36, seed: 15, fingerprintOnly: { $0 >= 24 }) }, of: "rs0")
        #expect(payer.explanation.contains("(24 sent 3 or more readable prompts), and 24 of those ask"), "\(payer.explanation)")
        #expect(payer.contribution > 0.15, "\(payer.explanation)")
    }

    @Test func oneOrganisationsInvoicesAreJudgedTogether() throws {
        // 40 harvesting accounts of one organisation on four invoices of ten: one reseller, not
        // four teams.
        let payer = try Self.payer(
            { Self.organisation(&$0, prefix: "rs", count: 40, asking: 40, seed: 16, invoice: { "-\($0 / 10)" }) }, of: "rs0")
        #expect(payer.explanation.hasPrefix("one organisation's 4 payers (invoices, or cards every holder of which declares it) pay for 40 members"), "\(payer.explanation)")
        #expect(payer.contribution == 0.25, "\(payer.explanation)")
    }

    @Test func theBarIsSaidWhereThePopulationAsksOften() {
        let harvest = OrganisationHarvest(holders: 30, judged: 30, harvesting: 9, verdict: .mostDoNotAsk)
        let text = SharedInstrumentSignal.describe(harvest, organisations: 1, credit: 1, population: 0.72)
        #expect(text.contains("ask for step-by-step reasoning in at least 85% of their prompts (the population: 72% of prompts)"), "\(text)")
    }

    @Test func theBarRisesWithThePopulationsShare() {
        #expect(OrganisationHarvest.bar(population: 0.09) == 0.5)
        #expect(abs(OrganisationHarvest.bar(population: 0.72) - 0.846) < 0.001)
        #expect(OrganisationHarvest.bar(population: 1) == 1)
    }

    @Test func harvestingNeedsMostPromptsAndMoreThanThePopulation() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.organisation(&s, prefix: "rs", count: 20, asking: 16, seed: 11)
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
