import Foundation
import Testing
@testable import Investigate

/// A ring that buries its harvest in chaff (one-word prompts, or ordinary ones) lowers its shares
/// and averages, not what it sends and takes away: template families by count
/// (`TemplateFamilies.habitCount`), template volume (`TemplateFamilySignal.volume`) and harvest
/// credit on reasoning queries (`HarvestReturn`). One question sent again and again, and a bank
/// of many question kinds, stay read by the fifth.
@Suite struct ChaffTests {
    typealias S = SignalTestSource

    static let subjects = [
        "eigenvalues", "mortgage amortisation", "photosynthesis", "TCP congestion control", "the French revolution",
        "protein folding", "compound interest", "garbage collection", "plate tectonics", "Bayesian inference",
        "supply chains", "quantum tunnelling", "the Krebs cycle", "B-trees", "monetary policy", "glacier formation",
    ]

    /// Long scaffolds a harvester fills with one subject each.
    static let scaffolds = [
        "You are a meticulous domain expert writing training material for a textbook. Produce an exhaustive explanation of {}, covering definitions, mechanisms, worked examples, edge cases and common misconceptions, with headings throughout.",
        "Act as a senior reviewer for an engineering journal. Write a long and detailed critique of {}, listing every hidden assumption, every failure mode, and a corrected version with a justification for each change, in numbered sections.",
        "Prepare a complete lecture script on {} for an advanced seminar, opening with the history, then the formal theory, three solved exercises with full working, and a closing summary of open research questions.",
        "Write a comparison table and an essay contrasting {} with its two closest alternatives, weighing cost, risk, performance and maintainability, and end with a recommendation for a small team with a limited budget.",
        "Compose a frequently asked questions page about {} with twenty questions a newcomer would ask, each answered in a thorough paragraph that cites the underlying principle and gives a concrete everyday example.",
    ]

    static let chaff = ["ok", "next", "thanks", "go on", "more", "continue", "sure", "again"]

    static func scaffold(_ k: Int, _ rng: inout SeededRandom) -> String {
        scaffolds[k].replacingOccurrences(of: "{}", with: rng.pick(subjects) + " (\(rng.int(1...9999)))")
    }

    /// `count` accounts `prefix0...`, each alternating scaffolds 0 and 1 (`perScaffold` prompts of
    /// each) with `chaffPerPrompt` one-word prompts after every one of them.
    static func buriedRing(_ s: inout S, prefix: String, count: Int, perScaffold: Int, chaffPerPrompt: Int) {
        var rng = SeededRandom(seed: 29)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "\(id)@mail.example", payment: "pf-\(id)"))
            var t = S.base + Int64(i) * 600_000
            for n in 0..<(2 * perScaffold) {
                t += 3_600_000
                s.query(id, at: t, prompt: scaffold(n % 2, &rng), input: 90, output: 1_400, ip: "73.1.\(i).7", agent: "curl/8.\(i)")
                for c in 0..<chaffPerPrompt {
                    s.query(
                        id, at: t + Int64(c + 1) * 40_000, prompt: rng.pick(chaff), input: 2, output: 12, ip: "73.1.\(i).7",
                        agent: "curl/8.\(i)")
                }
            }
        }
    }

    /// One account sending `mixed` prompts beside 60 varied human ones.
    static func account(_ s: inout S, _ id: String, seed: UInt64, _ mixed: (inout SeededRandom) -> [String]) {
        var rng = SeededRandom(seed: seed)
        s.account(.init(id: id, created: "2025-05-01T08:00:00Z", email: "\(id)@mail.example", payment: "pf-\(id)"))
        var prompts = mixed(&rng)
        for _ in 0..<60 { prompts.append(PromptMaker.human(&rng)) }
        prompts.shuffle(using: &rng)
        for (n, prompt) in prompts.enumerated() {
            s.query(id, at: S.base + Int64(n) * 7_200_000, prompt: prompt, input: 120, output: 400, ip: "81.9.\(seed).2")
        }
    }

    static func familyShare(_ inv: Investigation, _ id: String) -> Float {
        inv.data.templateFamilies.familyShare[inv.data.accountIndex(id)!]
    }

    @Test func twoScaffoldsBuriedInChaffStillMakeFamilies() throws {
        var s = S()
        s.addBackground(count: 40)
        // 16 prompts of each scaffold among 128: an eighth each, under the fifth.
        Self.buriedRing(&s, prefix: "ring", count: 8, perScaffold: 16, chaffPerPrompt: 3)
        let inv = try s.investigate()
        for i in 0..<8 {
            let share = Self.familyShare(inv, "ring\(i)")
            // Both scaffolds (one alone holds at most an eighth).
            #expect(share > 0.15, "ring\(i): \(share)")
        }
        // The members share the scaffolds' families: a link kind holding all eight.
        let families = inv.index.values(of: inv.data.accountIndex("ring0")!, kind: .template)
        #expect(families.contains { inv.index.shareCount(.template, value: $0) >= 8 })
    }

    @Test func oneQuestionSentAgainAndAgainIsNoScaffold() throws {
        var s = S()
        s.addBackground(count: 40)
        let question = Self.scaffolds[0].replacingOccurrences(of: "{}", with: "eigenvalues")
        Self.account(&s, "repeater", seed: 3) { _ in Array(repeating: question, count: 12) }
        Self.account(&s, "scaffolder", seed: 4) { rng in (0..<12).map { _ in Self.scaffold(0, &rng) } }
        let inv = try s.investigate()
        // 12 of 72 prompts: under the fifth; the same bytes twelve times show one wording.
        #expect(Self.familyShare(inv, "repeater") == 0)
        #expect(Self.familyShare(inv, "scaffolder") > 0.12)
    }

    @Test func aBankOfManyQuestionKindsIsReadByTheFifthOnly() throws {
        var s = S()
        s.addBackground(count: 40)
        // Twelve prompts of each of five kinds among 120: a question bank, under the fifth each.
        Self.account(&s, "bank", seed: 5) { rng in (0..<60).map { Self.scaffold($0 % 5, &rng) } }
        // Twelve of each of three among 96: a few scaffolds, families by count.
        Self.account(&s, "few", seed: 6) { rng in (0..<36).map { Self.scaffold($0 % 3, &rng) } }
        let inv = try s.investigate()
        #expect(Self.familyShare(inv, "bank") == 0)
        #expect(Self.familyShare(inv, "few") > 0.2)
    }

    /// The buried ring as one cluster of `count` members.
    static func evidence(_ inv: Investigation, prefix: String, count: Int) -> ClusterEvidence {
        let members = (0..<count).map { Int32(inv.data.accountIndex("\(prefix)\($0)")!) }
        return ClusterEvidence(
            members: members, links: [:], features: inv.features,
            population: PopulationBaseline(features: inv.features, index: inv.index), index: inv.index)
    }

    @Test func chaffDoesNotLowerTheHarvestCredit() throws {
        var s = S()
        s.addBackground(count: 60)
        // Reasoning prompts with long answers, five one-word prompts with tiny answers after each.
        var rng = SeededRandom(seed: 31)
        for i in 0..<6 {
            let id = "cot\(i)"
            s.account(.init(id: id, created: "2026-01-02T08:00:00Z", email: "\(id)@mail.example", payment: "pf-\(id)"))
            for n in 0..<40 {
                let t = S.base + Int64(n) * 3_600_000 + Int64(i) * 60_000
                s.query(
                    id, at: t, prompt: "Solve this and show your full reasoning step by step: " + rng.pick(Self.subjects) + " \(n)",
                    input: 60, output: 1_500, ip: "73.2.\(i).7")
                for c in 0..<5 {
                    s.query(id, at: t + Int64(c + 1) * 30_000, prompt: rng.pick(Self.chaff), input: 2, output: 10, ip: "73.2.\(i).7")
                }
            }
        }
        let inv = try s.investigate()
        let cot = HarvestReturn(Self.evidence(inv, prefix: "cot", count: 6))
        // Over all rows the answers average (40 x 1,500 + 200 x 10) / 240 = 258 tokens, near the
        // background's typical account; read on the reasoning rows, 1,500.
        #expect(cot.readOnReasoning)
        #expect(cot.credit == 1)
        #expect(cot.perQuery == 1_500)
    }

    @Test func chaffDoesNotLowerTheTemplateVolume() throws {
        var s = S()
        // Enough background that the ring is not the busiest tenth itself.
        s.addBackground(count: 120)
        Self.buriedRing(&s, prefix: "ring", count: 8, perScaffold: 16, chaffPerPrompt: 3)
        let inv = try s.investigate()
        let ring = Self.evidence(inv, prefix: "ring", count: 8)
        let volume = try #require(TemplateFamilySignal.volume(ring))
        #expect(volume.median >= 24)
        #expect(volume.templated > 0.8)
        let score = try #require(TemplateFamilySignal().measure(ring))
        #expect(score.value < 0.3)
        #expect(score.contribution > 0.25)
        #expect(score.explanation.contains("templated prompts each (median)"))
    }

    @Test func shortAnswersToReasoningPromptsEarnNothingForBeingReadApart() throws {
        var s = S()
        s.addBackground(count: 60)
        // A class asking for worked homework and getting short answers, chatting besides.
        var rng = SeededRandom(seed: 37)
        for i in 0..<6 {
            let id = "class\(i)"
            s.account(.init(id: id, created: "2024-09-02T08:00:00Z", email: "\(id)@uni.example", payment: "pf-\(id)"))
            for n in 0..<30 {
                let t = S.base + Int64(n) * 3_600_000 + Int64(i) * 60_000
                s.query(
                    id, at: t, prompt: "Explain step by step how to solve exercise \(n) about " + rng.pick(Self.subjects),
                    input: 60, output: 90, ip: "141.2.\(i).7")
                s.query(id, at: t + 120_000, prompt: PromptMaker.human(&rng), input: 120, output: 250, ip: "141.2.\(i).7")
            }
        }
        let inv = try s.investigate()
        let harvest = HarvestReturn(Self.evidence(inv, prefix: "class", count: 6))
        #expect(!harvest.readOnReasoning)
        #expect(harvest.credit < 0.5)
    }
}
