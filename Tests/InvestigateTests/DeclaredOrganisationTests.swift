import Testing
@testable import Investigate

/// What a declared organisation explains (one payer, an onboarding burst), and what it does not
/// (harvesting): hand-made groups whose answer is known.
@Suite struct DeclaredOrganisationTests {
    typealias S = SignalTestSource

    /// `count` accounts created within two days on one instrument, each sending `perAccount`
    /// templated step-by-step prompts answered with `output` tokens for `input` in.
    static func group(
        _ s: inout S, prefix: String, count: Int, org: String, payment: String,
        input: Int, output: ClosedRange<Int>, seed: UInt64, subject: String = "algorithms"
    ) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 2)T\(10 + i % 10):00:00Z", email: "\(id)@mail.example", payment: payment, org: org))
            for q in 0..<20 {
                s.query(
                    id, at: S.base + Int64(q) * S.day / 4 + Int64(rng.int(0...3_600)) * 1000,
                    prompt: "Problem \(rng.int(1...40)) in \(subject) on \(rng.pick(["graphs", "sorting", "heaps", "tries"])): explain step by step why it terminates.",
                    input: input, output: rng.int(output), ip: "77.\(seed).\(i).\(q)", asn: "AS3320", agent: "sdk/1.0", category: "coding")
            }
        }
    }

    @Test func anOrganisationsPayerAndOnboardingAreNotCounted() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.group(&s, prefix: "st", count: 24, org: "org_uni", payment: "pm-uni", input: 200, output: 300...500, seed: 5)
        Self.group(
            &s, prefix: "rg", count: 24, org: "", payment: "pm-card", input: 200, output: 300...500, seed: 6,
            subject: "Reply with the full chain of thought, then the answer. Topic: hashing")
        let inv = try s.investigate()
        let payer = try #require(inv.signal("shared_instruments", of: "st0"))
        #expect(payer.contribution == 0)
        #expect(payer.explanation.contains("an organisation's"), "\(payer.explanation)")
        #expect(payer.explanation.contains("little of it comes back"), "\(payer.explanation)")
        let burst = try #require(inv.signal("creation_burst", of: "st0"))
        #expect(burst.contribution == 0)
        #expect(burst.explanation.contains("counted once as its onboarding"), "\(burst.explanation)")
        // The same accounts declaring nothing: one card on 24 accounts made in two days counts.
        #expect((inv.signal("shared_instruments", of: "rg0")?.contribution ?? 0) > 0.2)
        #expect((inv.signal("creation_burst", of: "rg0")?.contribution ?? 0) > 0.2)
    }

    @Test func aPayerSomeOfWhoseAccountsDeclareNothingStillCounts() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.group(&s, prefix: "st", count: 12, org: "org_front", payment: "pm-shared", input: 200, output: 300...500, seed: 5)
        Self.group(&s, prefix: "rg", count: 12, org: "", payment: "pm-shared", input: 200, output: 300...500, seed: 6)
        let inv = try s.investigate()
        let payer = try #require(inv.signal("shared_instruments", of: "st0"))
        #expect(payer.contribution > 0.2, "\(payer.explanation)")
        #expect(!payer.explanation.contains("an organisation's"))
    }

    @Test func aDeclaredResellerThatHarvestsStaysAboveHalf() throws {
        var s = S()
        s.addBackground(count: 60)
        // Same group shape, one declared organisation, one invoice-like payer; but short
        // templates come back as long answers (about four times the background's).
        Self.group(&s, prefix: "rs", count: 24, org: "org_tokens", payment: "pm-tok", input: 60, output: 1_400...1_800, seed: 7)
        let inv = try s.investigate()
        #expect(inv.clusterRisk(of: "rs0") >= 0.5)
        #expect((inv.signal("template_share", of: "rs0")?.contribution ?? 0) > 0.3)
        let explanation = inv.signal("template_share", of: "rs0")?.explanation ?? ""
        #expect(!explanation.contains("of it counts"))
    }

    @Test func aDeclaredCourseWithOrdinaryAnswersStaysBelowHalfAndSaysWhy() throws {
        var s = S()
        s.addBackground(count: 60)
        // Homework pasted in (long inputs), ordinary answers: less comes back than for anyone else.
        Self.group(&s, prefix: "st", count: 24, org: "org_uni", payment: "pm-uni", input: 400, output: 250...450, seed: 5)
        let inv = try s.investigate()
        #expect(inv.clusterRisk(of: "st0") < 0.5)
        let template = try #require(inv.signal("template_share", of: "st0"))
        #expect(template.value > 0.8)
        #expect(template.explanation.contains("x for a typical account: none counts at that"), "\(template.explanation)")
        #expect(template.explanation.contains("of it counts"))
    }
}

/// The harvest credit on hand-made clusters: full for long answers to short prompts, none for
/// answers under half the typical account's or coming back at no more than the population's yield
/// unless they are far longer than nearly every account's.
@Suite struct HarvestReturnTests {
    typealias S = SignalTestSource

    static func credit(input: Int, output: ClosedRange<Int>, background: Int = 60) throws -> Double {
        var s = S()
        s.addBackground(count: background)
        DeclaredOrganisationTests.group(&s, prefix: "g", count: 10, org: "", payment: "pm-g", input: input, output: output, seed: 9)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("g0")!)
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        let evidence = ClusterEvidence(
            members: cluster.members, links: [:], features: inv.features, population: population, index: inv.index)
        return HarvestReturn(evidence).credit
    }

    @Test func longAnswersToShortPromptsCountInFull() throws {
        #expect(try Self.credit(input: 60, output: 1_400...1_600) == 1)
    }

    @Test func shortAnswersCountNothing() throws {
        // The background's answers are 100-600 tokens (typical about 350): 100 is under half.
        #expect(try Self.credit(input: 60, output: 90...110) == 0)
    }

    @Test func answersSmallerThanTheirPromptsCountNothing() throws {
        // Ordinary lengths, but the prompts are bigger still: the yield is under half the population's.
        #expect(try Self.credit(input: 3_000, output: 400...500) == 0)
    }

    @Test func answersAtThePopulationsYieldCountNothing() throws {
        // The background sends 50-300 tokens and gets 100-600 back (about 2x). A group sending
        // 220 and getting 400-440 (a plugin's users, a labelling vendor's rationales) takes away
        // what anyone takes for what it sends, at answer lengths above the typical account's.
        #expect(try Self.credit(input: 220, output: 400...440) == 0)
    }

    @Test func halfAgainThePopulationsYieldCountsInFull() throws {
        // 100 in, about 350 out: 3.5x against the population's 2.1x or so (half again is about 3.1x).
        #expect(try Self.credit(input: 100, output: 340...360) == 1)
    }

    @Test func answersFarLongerThanNearlyEveryAccountsCountWhateverTheYield() throws {
        // The background's accounts average about 350 output tokens a query (the 90th percentile
        // account under 400), so volume counts from twice the typical, about 700, and in full
        // from about 1,050. Sending 700 and getting 1,400-1,600 is about the population's 2x
        // yield, but a harvest of long worked solutions. About 850 back for 700 (under the
        // population's yield) counts in part; 400-440 back for 220 counts nothing (above).
        #expect(try Self.credit(input: 700, output: 1_400...1_600, background: 120) == 1)
        let between = try Self.credit(input: 700, output: 800...900, background: 120)
        #expect(between > 0 && between < 1, "\(between)")
    }

    @Test func betweenThePopulationsYieldAndHalfAgainCountsInPart() throws {
        let credit = try Self.credit(input: 150, output: 390...410)
        #expect(credit > 0 && credit < 1, "\(credit)")
    }
}
