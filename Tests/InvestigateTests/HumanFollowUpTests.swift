import Foundation
import Testing
@testable import Investigate

/// `human_follow_ups`: people reply to the reasoning they asked for; harvesters take it away
/// and send the next item.
@Suite struct HumanFollowUpTests {
    typealias S = SignalTestSource

    /// People who sit down and ask for a worked answer, and in about a third of their sittings
    /// reply to it a few minutes later with a short follow-up.
    static func people(_ s: inout S, count: Int, prefix: String, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "pf\(id)"))
            for sitting in 0..<8 {
                var at = S.base + Int64(sitting) * S.day + Int64(rng.int(0...40_000)) * 1000
                s.query(
                    id, at: at, prompt: "Explain step by step: " + PromptMaker.human(&rng), input: rng.int(120...300), ip: "81.3.\(i).9",
                    category: "writing")
                for _ in 0..<(rng.int(0...2) == 0 ? 1 : 0) {
                    at += Int64(rng.int(40...400)) * 1000
                    s.query(id, at: at, prompt: "and why is that?", input: rng.int(8...30), ip: "81.3.\(i).9", category: "writing")
                }
            }
        }
    }

    /// One shared homework template asking for reasoning.
    static func homework(_ rng: inout SeededRandom) -> String {
        "Homework 4: a sample has mean \(rng.int(1...99)) and size \(rng.int(10...99)). Show your work step by step and give the 95% interval."
    }

    /// A tutoring group of 12: one shared homework template from one campus IP through the
    /// campus's tutoring portal, each student replying to the answers as people do. (The portal
    /// keeps the group one cluster: with the template and the IP alone, 7.1 bits of the 7.2 a link
    /// needs in this population of 72, once "step by step" no longer made the 60 people's prompts
    /// families of their own, so a group holding three template values is above the typical two.)
    static func tutoringGroup(_ s: inout S) {
        var rng = SeededRandom(seed: 41)
        for i in 0..<12 {
            let id = "tg\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "tg\(i)@gmail.com", payment: "pf-tg\(i)"))
            for sitting in 0..<6 {
                var at = S.base + Int64(sitting) * 3 * S.day + Int64(rng.int(0...7_000)) * 1000
                s.query(id, at: at, prompt: Self.homework(&rng), input: 150, output: 700, ip: "169.229.4.4", asn: "AS25", agent: "tutor-portal/2.1")
                for _ in 0..<2 {
                    at += Int64(rng.int(60...500)) * 1000
                    s.query(
                        id, at: at, prompt: "can you explain the second step again?", input: 14, output: 200, ip: "169.229.4.4", asn: "AS25",
                        agent: "tutor-portal/2.1")
                }
            }
        }
    }

    /// A harvesting ring of 12: the same template from one IP, a fresh item every two minutes.
    static func harvestRing(_ s: inout S) {
        var rng = SeededRandom(seed: 42)
        for i in 0..<12 {
            let id = "hr\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "hr\(i)@gmail.com", payment: "pf-hr\(i)"))
            for item in 0..<18 {
                let at = S.base + Int64(i) * 3_600_000 + Int64(item) * 120_000 + Int64(rng.int(0...20)) * 1000
                s.query(id, at: at, prompt: Self.homework(&rng), input: rng.int(140...170), output: 1400, ip: "45.9.1.7", asn: "AS25")
            }
        }
    }

    @Test func theCountNeedsASittingGapAndAShorterPrompt() throws {
        var s = S()
        s.account(.init(id: "a"))
        let t = S.base
        let ask = "Explain step by step how to solve it"
        s.query("a", at: t, prompt: ask, input: 200)
        s.query("a", at: t + 60_000, prompt: "why?", input: 20)  // counted: 60 s after a reasoning prompt, a tenth of it
        s.query("a", at: t + 120_000, prompt: ask, input: 200)  // follows a plain reply: no gap counted
        s.query("a", at: t + 125_000, prompt: "and?", input: 5)  // a gap, but 5 s: too soon to have read the answer
        s.query("a", at: t + 180_000, prompt: "tell me a joke", input: 5)  // follows a plain reply: no gap counted
        s.query("a", at: t + 240_000, prompt: ask, input: 200)  // follows a plain prompt: no gap counted
        s.query("a", at: t + 300_000, prompt: ask, input: 200)  // a gap, not shorter
        s.query("a", at: t + 4_000_000, prompt: "hm", input: 1)  // a gap, but over an hour: a new sitting
        let inv = try s.investigate()
        let q = inv.data.queries
        let counted = HumanFollowUps.count(in: q, rows: q.rows(of: inv.data.accountIndex("a")!))
        #expect(counted.followUps == 1)
        #expect(counted.gaps == 4)
    }

    @Test func aGroupReplyingLikePeopleIsLoweredAndTheReasonShown() throws {
        var s = S()
        Self.people(&s, count: 60, prefix: "p", seed: 5)
        Self.tutoringGroup(&s)
        let inv = try s.investigate()
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        #expect(population.followUpShare > 0.2 && population.followUpShare < 0.5)
        let signal = try #require(inv.signal("human_follow_ups", of: "tg0"))
        #expect(signal.contribution <= -0.15)
        #expect(signal.value > population.followUpShare)
        #expect(signal.explanation.contains("of reasoning answers get a short reply minutes later"))
    }

    /// Where people hardly ever reply (3 of 1,000 sittings), a ring replying to one answer in
    /// sixty is above chance but shows no habit of replying: at most a trace of the signal (it
    /// was the whole weight when the scale was the chance rate alone).
    @Test func aRareReplyIsNoHabitWhereThePopulationHardlyReplies() throws {
        var s = S()
        var rng = SeededRandom(seed: 43)
        for i in 0..<100 {
            let id = "q\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "pf\(id)"))
            for sitting in 0..<10 {
                let at = S.base + Int64(sitting) * S.day + Int64(rng.int(0...40_000)) * 1000
                s.query(id, at: at, prompt: "Explain step by step: " + PromptMaker.human(&rng), input: rng.int(120...300), ip: "81.4.\(i).9")
                if (i * 10 + sitting) % 300 == 0 {
                    s.query(id, at: at + 90_000, prompt: "and why is that?", input: 10, ip: "81.4.\(i).9")
                }
            }
        }
        for i in 0..<12 {
            let id = "rr\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "\(id)@gmail.com", payment: "pf-rr\(i)"))
            for item in 0..<40 {
                let at = S.base + Int64(i) * 3_600_000 + Int64(item) * 120_000
                s.query(id, at: at, prompt: Self.homework(&rng), input: rng.int(140...170), output: 1400, ip: "45.9.2.7", asn: "AS25")
                if (i * 40 + item) % 60 == 0 {
                    s.query(id, at: at + 60_000, prompt: "and why?", input: 5, output: 300, ip: "45.9.2.7", asn: "AS25")
                }
            }
        }
        let inv = try s.investigate()
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        #expect(population.followUpShare > 0 && population.followUpShare < 0.01)
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("rr0")!).size >= 3)
        let signal = inv.signal("human_follow_ups", of: "rr0")
        #expect((signal?.contribution ?? 0) > -0.05)
    }

    @Test func aRingSendingFreshItemsIsNotLowered() throws {
        var s = S()
        Self.people(&s, count: 60, prefix: "p", seed: 5)
        Self.harvestRing(&s)
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("hr0")!).size >= 3)
        #expect(inv.signal("human_follow_ups", of: "hr0") == nil)
    }

    /// A ring diluting its harvest with ordinary chat: each member's stream is 30% harvest items
    /// and 70% short chat prompts in random order, a prompt every one to eight minutes. A short
    /// prompt follows a harvest item minutes later as often as it follows anything else.
    static func chatMixingRing(_ s: inout S) {
        var rng = SeededRandom(seed: 44)
        for i in 0..<12 {
            let id = "mx\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "mx\(i)@gmail.com", payment: "pf-mx\(i)"))
            for day in 0..<4 {
                var at = S.base + Int64(day) * S.day + Int64(i) * 600_000
                for _ in 0..<40 {
                    at += Int64(rng.int(60...480)) * 1000
                    if rng.int(0...9) < 3 {
                        s.query(id, at: at, prompt: Self.homework(&rng), input: rng.int(140...170), output: 1400, ip: "45.9.3.7", asn: "AS25")
                    } else {
                        s.query(id, at: at, prompt: PromptMaker.human(&rng), input: rng.int(8...40), output: 300, ip: "45.9.3.7", asn: "AS25")
                    }
                }
            }
        }
    }

    @Test func chatMixedInIsExpectedAfterAnyPromptAndNotCountedAsReplies() throws {
        var s = S()
        Self.chatMixingRing(&s)
        let inv = try s.investigate()
        let q = inv.data.queries
        let counted = HumanFollowUps.count(in: q, rows: q.rows(of: inv.data.accountIndex("mx0")!))
        #expect(counted.gaps > 20)
        #expect(counted.raw > 0.3)  // looks like replying, before chance
        #expect(abs(counted.raw - counted.otherRate) < 0.2)
        #expect(!counted.repliesToAnswers)
    }

    @Test func aRingMixingChatIntoItsHarvestIsNotExcusedAsReplying() throws {
        var s = S()
        Self.people(&s, count: 60, prefix: "p", seed: 5)
        Self.chatMixingRing(&s)
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("mx0")!).size >= 3)
        let signal = inv.signal("human_follow_ups", of: "mx0")
        #expect((signal?.contribution ?? 0) == 0)
        if let signal { #expect(signal.explanation.contains("of the members' other prompts are followed the same way")) }
        if let signal { #expect(signal.value == 0) }
        // People who reply to the answers (and rarely after anything else) still do.
        let q = inv.data.queries
        var people = HumanFollowUps.Count()
        for i in 0..<60 { people.add(HumanFollowUps.count(in: q, rows: q.rows(of: inv.data.accountIndex("p\(i)")!))) }
        #expect(people.repliesToAnswers)
    }
}
