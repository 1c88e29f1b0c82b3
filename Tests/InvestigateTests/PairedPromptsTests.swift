import Foundation
import Testing
@testable import Investigate

/// `paired_prompts`: one prompt sent by two accounts to two models within seconds, as a habit,
/// is preference data being made; one account comparing two models, or strangers who happen to
/// send one popular prompt at the same moment, is not.
@Suite struct PairedPromptsTests {
    typealias S = SignalTestSource
    static let models = ["m-large", "m-small", "m-reason"]

    /// 80 people with varied prompts on the models at random, over a month; with `hi` days, each
    /// also sends "hi" once a day at a random moment of the same `hiSeconds` of that day.
    static func people(_ s: inout S, count: Int = 80, hi: Int = 0, hiSeconds: Int = 60) {
        var rng = SeededRandom(seed: 5)
        for i in 0..<count {
            let id = "bg\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "p\(i)@gmail.com", payment: "pfbg\(i)"))
            for _ in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(100...600), ip: "81.2.\(i).9",
                    category: rng.pick(["coding", "writing"]), model: rng.pick(models))
            }
            for day in 0..<hi {
                s.query(
                    id, at: S.base + Int64(day) * S.day + Int64(rng.int(0...hiSeconds * 1000)), prompt: "hi", input: 2, output: 20,
                    ip: "81.2.\(i).9", category: "writing", model: rng.pick(models))
            }
        }
    }

    /// 16 accounts with nothing shared (own card, home IP, mail): each of 320 ordinary prompts is
    /// sent by two of them, one to each of two models, under 1.5 s apart, at random times.
    static func pairRing(_ s: inout S) {
        var rng = SeededRandom(seed: 17)
        for i in 0..<16 {
            s.account(.init(id: "pp\(i)", created: "2026-01-0\(1 + i % 9)T08:00:00Z", email: "pp\(i)@gmail.com", payment: "card-pp\(i)"))
        }
        for _ in 0..<320 {
            let a = rng.int(0...15)
            var b = rng.int(0...14)
            if b >= a { b += 1 }
            let at = S.base + Int64(rng.int(0...2_500_000)) * 1000
            let prompt = PromptMaker.human(&rng)
            let (input, output) = (rng.int(50...300), rng.int(100...600))
            s.query("pp\(a)", at: at, prompt: prompt, input: input, output: output, ip: "73.\(a).4.2", asn: "AS7922", model: "m-large")
            s.query(
                "pp\(b)", at: at + Int64(rng.int(100...1_500)), prompt: prompt, input: input, output: rng.int(100...600),
                ip: "73.\(b).4.2", asn: "AS7922", model: "m-small")
        }
    }

    @Test func countsOnlyAnotherAccountsRowOnAnotherModelWithinTheWindow() throws {
        var s = S()
        for id in ["a", "b", "c", "d"] { s.account(.init(id: id, email: "\(id)@gmail.com", payment: "pf-\(id)")) }
        let t = S.base
        // a and b: the same prompt 2 s apart on two models: both paired.
        s.query("a", at: t, prompt: "Compare these two sorting algorithms", model: "m-large")
        s.query("b", at: t + 2_000, prompt: "Compare these two sorting algorithms", model: "m-small")
        // c and d: the same prompt on one model; then 6 s apart on two: neither paired.
        s.query("c", at: t + 100_000, prompt: "Write a haiku about rain on the sea", model: "m-large")
        s.query("d", at: t + 101_000, prompt: "Write a haiku about rain on the sea", model: "m-large")
        s.query("c", at: t + 200_000, prompt: "Name three prime numbers over one hundred", model: "m-large")
        s.query("d", at: t + 206_001, prompt: "Name three prime numbers over one hundred", model: "m-small")
        // d alone sends one prompt to two models (its own A/B): not paired.
        s.query("d", at: t + 300_000, prompt: "Summarise the plot of Hamlet briefly", model: "m-large")
        s.query("d", at: t + 300_500, prompt: "Summarise the plot of Hamlet briefly", model: "m-small")
        let inv = try s.investigate()
        let pairs = inv.index.families.pairedPrompts
        func count(_ id: String) -> Int { pairs.count(of: inv.data.accountIndex(id)!) }
        #expect(count("a") == 1)
        #expect(count("b") == 1)
        #expect(count("c") == 0)
        #expect(count("d") == 0)
        #expect(pairs.pairedAccounts == 2)
    }

    @Test func aRingOfPreferencePairsIsFound() throws {
        var s = S()
        Self.people(&s)
        Self.pairRing(&s)
        let inv = try s.investigate()
        let signal = try #require(inv.signal("paired_prompts", of: "pp0"))
        #expect(signal.value > 0.95)
        #expect(signal.baseline < 0.2)
        #expect(signal.contribution > 0.44)
        #expect(signal.explanation.contains("to a second model within 5 s"))
        #expect(signal.explanation.contains("times"))
        // It is harvest content: the coordination is not damped as automation.
        #expect(inv.signal("no_harvest_content", of: "pp0") == nil)
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("pp0")!)
        #expect(cluster.size >= 8)
        #expect(cluster.risk >= 0.5)
        // No background account is paired.
        #expect((0..<80).allSatisfy { inv.index.families.pairedPrompts.count(of: inv.data.accountIndex("bg\($0)")!) == 0 })
    }

    @Test func aLabComparingTwoModelsFromOneAccountIsNotPaired() throws {
        var s = S()
        Self.people(&s)
        var rng = SeededRandom(seed: 29)
        // Eight lab accounts on one invoice: each sends each of its prompts to two models at once.
        for i in 0..<8 {
            s.account(.init(id: "lab\(i)", created: "2024-05-0\(1 + i)T08:00:00Z", email: "lab\(i)@evals.example", payment: "inv-lab"))
            for _ in 0..<60 {
                let at = S.base + Int64(rng.int(0...2_500_000)) * 1000
                let prompt = PromptMaker.human(&rng)
                s.query("lab\(i)", at: at, prompt: prompt, ip: "52.1.1.\(i)", asn: "AS16509", model: "m-large")
                s.query("lab\(i)", at: at + 300, prompt: prompt, ip: "52.1.1.\(i)", asn: "AS16509", model: "m-small")
            }
        }
        let inv = try s.investigate()
        #expect(inv.signal("paired_prompts", of: "lab0") == nil)
        #expect(inv.index.families.pairedPrompts.count(of: inv.data.accountIndex("lab0")!) == 0)
    }

    @Test func strangersSendingHiAtTheSameMomentDoNotMakeIt() throws {
        var s = S()
        // Everyone sends "hi" in the same ten minutes of each of 30 days: about one stranger's
        // "hi" falls within 5 s of each, so chance pairs are common in this population.
        Self.people(&s, hi: 30, hiSeconds: 600)
        // Five of them share a card, so they form a cluster.
        for i in 0..<5 { s.payment("bg\(i)", "card-family", kind: "card") }
        let inv = try s.investigate()
        let pairs = inv.index.families.pairedPrompts
        let five = (0..<5).reduce(0) { $0 + pairs.count(of: inv.data.accountIndex("bg\($1)")!) }
        // Over a fifth of their 300 prompts are paired by chance...
        #expect(five > 60)
        // ...and the population's as many: nothing is added.
        #expect(pairs.populationShare > 0.15)
        let signal = try #require(inv.signal("paired_prompts", of: "bg0"))
        #expect(signal.value > 0.2)
        #expect(signal.contribution == 0)
    }

    @Test func aCrowdOfStrangersSendingHiAtOnceIsABroadcastNotPairs() throws {
        var s = S()
        // 80 people send "hi" within the same minute of each of 15 days: a dozen others' around
        // each, more than a comparison of a few models.
        Self.people(&s, hi: 15, hiSeconds: 60)
        let inv = try s.investigate()
        let pairs = inv.index.families.pairedPrompts
        #expect((0..<80).allSatisfy { pairs.count(of: inv.data.accountIndex("bg\($0)")!) <= 2 })
    }

    @Test func aClubThatSometimesSharesAProblemAddsNothing() throws {
        var s = S()
        Self.people(&s)
        var rng = SeededRandom(seed: 41)
        // Twelve club members on one campus network: one problem of their 30 prompts a week is the
        // club's, sent by two of them on two models within seconds.
        for i in 0..<12 {
            s.account(.init(id: "club\(i)", created: "2025-02-0\(1 + i % 9)T08:00:00Z", email: "club\(i)@uni.example", payment: "pf-club\(i)"))
            for _ in 0..<30 {
                s.query(
                    "club\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "128.2.0.\(i)", asn: "AS9", model: rng.pick(Self.models))
            }
        }
        for week in 0..<4 {
            let at = S.base + Int64(week) * 7 * S.day + 3_600_000
            let a = rng.int(0...11), b = (a + 1 + rng.int(0...10)) % 12
            let problem = "Club problem \(week): prove that the sum of two odd squares is never a perfect square"
            s.query("club\(a)", at: at, prompt: problem, ip: "128.2.0.\(a)", asn: "AS9", model: "m-large")
            s.query("club\(b)", at: at + 2_000, prompt: problem, ip: "128.2.0.\(b)", asn: "AS9", model: "m-reason")
        }
        let inv = try s.investigate()
        let club = (0..<12).map { inv.index.families.pairedPrompts.count(of: inv.data.accountIndex("club\($0)")!) }
        #expect(club.reduce(0, +) >= 2)
        for i in 0..<12 {
            if let signal = inv.signal("paired_prompts", of: "club\(i)") { #expect(signal.contribution == 0) }
        }
    }

    @Test func smallSharesPrintAtMostTwoDecimals() {
        #expect(PairedPromptsSignal.shareText(0.00075) == "0.08%")
        #expect(PairedPromptsSignal.shareText(0.0022) == "0.22%")
        #expect(PairedPromptsSignal.shareText(0.00001) == "under 0.01%")
        #expect(PairedPromptsSignal.shareText(0.5) == "50%")
    }
}
