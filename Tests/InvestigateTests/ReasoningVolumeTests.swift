import Testing
@testable import Investigate

/// `reasoning_elicitation` reads a linked group's volume as well as its share: a ring that
/// dilutes its harvest with ordinary chat still asks for more reasoning per member than most
/// accounts send prompts at all; a class asking as often, but a few times each, does not.
@Suite struct ReasoningVolumeTests {
    typealias S = SignalTestSource

    /// 100 people, 30 ordinary prompts each (the busy tenth of the population sends 30 too); a
    /// ring of 8 on one datacenter IP, 200 prompts each, 30% of them harvest items asking for
    /// reasoning with long answers and 70% chat; and a class of 8 on one campus IP, 30 prompts
    /// each, 30% of them homework asking for reasoning, the same share at a tenth of the volume.
    static func source() -> S {
        var s = S()
        var rng = SeededRandom(seed: 61)
        for i in 0..<100 {
            let id = "bg\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "pf\(id)"))
            for _ in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), input: rng.int(20...200),
                    output: rng.int(100...600), ip: "81.5.\(i).9")
            }
        }
        for (prefix, count, ip, asn) in [("ring", 200, "45.9.5.7", "AS14061"), ("class", 30, "169.229.5.5", "AS25")] {
            for i in 0..<8 {
                let id = "\(prefix)\(i)"
                s.account(.init(id: id, created: "2025-11-0\(1 + i)T08:00:00Z", email: "\(id)@gmail.com", payment: "pf\(id)"))
                for k in 0..<count {
                    let at = S.base + Int64(rng.int(0...2_500_000)) * 1000
                    if k % 10 < 3 {
                        let item = "Question \(rng.int(1...9999)): " + PromptMaker.human(&rng) + ". Explain step by step with your full rationale."
                        s.query(id, at: at, prompt: item, input: 60, output: 1500, ip: ip, asn: asn)
                    } else {
                        s.query(id, at: at, prompt: PromptMaker.human(&rng), input: rng.int(20...200), output: rng.int(100...600), ip: ip, asn: asn)
                    }
                }
            }
        }
        return s
    }

    @Test func aRingDilutingItsHarvestWithChatIsReadByVolume() throws {
        let inv = try Self.source().investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("ring0")!).size >= 3)
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        #expect(population.busyPrompts == 30)
        let ring = try #require(inv.signal("reasoning_elicitation", of: "ring0"))
        // By share alone (30% against the population's ~5%) it would add under 0.15.
        #expect(ring.contribution >= 0.4)
        #expect(ring.explanation.contains("times each (median), more than the 30 prompts of any kind"))
    }

    @Test func aClassAskingAsOftenButAFewTimesEachIsReadByShare() throws {
        let inv = try Self.source().investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("class0")!).size >= 3)
        let cls = try #require(inv.signal("reasoning_elicitation", of: "class0"))
        #expect(cls.contribution < 0.15)
        #expect(!cls.explanation.contains("times each"))
    }
}
