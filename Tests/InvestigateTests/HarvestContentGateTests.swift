import Foundation
import Testing
@testable import Investigate

/// `no_harvest_content`: coordination with nothing worth harvesting is automation, not a harvest.
@Suite struct HarvestContentGateTests {
    typealias S = SignalTestSource

    /// A fleet of 12 help-desk bots on one cloud /24: every hour at :00 all of them send an
    /// ordinary, varied request within seconds, and get ordinary answers.
    static func cronFleet(_ s: inout S, fingerprintOnly: Bool = false, asking prefix: String = "") {
        var rng = SeededRandom(seed: 61)
        for i in 0..<12 {
            s.account(.init(id: "bot\(i)", created: "2024-03-0\(1 + i % 9)T08:00:00Z", email: "bot\(i)@acme.example", payment: "pf-bot\(i)"))
        }
        for hour in 0..<200 {
            for i in 0..<12 {
                s.query(
                    "bot\(i)", at: S.base + Int64(hour) * 3_600_000 + Int64(rng.int(0...2_000)), prompt: prefix + PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(100...600), ip: "34.90.1.\(i)", asn: "AS15169", agent: "acme-desk/2.1",
                    category: rng.pick(["coding", "writing"]), fingerprintOnly: fingerprintOnly)
            }
        }
    }

    @Test func aFleetWhosePromptsAreOnlyFingerprintsIsNotJudgedOnContent() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.cronFleet(&s, fingerprintOnly: true)
        let inv = try s.investigate()
        // Zero retention: nothing asked can be read, so nothing says it was harmless either.
        #expect(inv.signal("no_harvest_content", of: "bot0") == nil)
    }

    @Test func aCronFleetWithNothingHarvestedIsDampedBelowHalf() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.cronFleet(&s)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("bot0")!)
        #expect(cluster.size == 12)
        let timing = cluster.signals.filter { ["coordinated_firing", "lockstep_timing"].contains($0.name) }.reduce(0) { $0 + $1.contribution }
        #expect(timing > 0.3)
        let gate = try #require(inv.signal("no_harvest_content", of: "bot0"))
        #expect(gate.contribution < -0.2)
        #expect(gate.explanation.contains("coordination alone"))
        #expect(cluster.risk < 0.5)
    }

    /// The same fleet asking for step-by-step reasoning in every prompt, answered at ordinary
    /// length and yield: the reasoning signal's credit is gone (little comes back), but the
    /// cluster asks for what is worth training on, so the gate does not halve its timing again.
    @Test func aFleetAskingForReasoningIsNotDampedForOrdinaryAnswers() throws {
        var plain = S(), asking = S()
        plain.addBackground(count: 60)
        asking.addBackground(count: 60)
        Self.cronFleet(&plain)
        Self.cronFleet(&asking, asking: "Think step by step and show your reasoning. ")
        let damped = try plain.investigate(), kept = try asking.investigate()
        let reasoning = try #require(kept.signal("reasoning_elicitation", of: "bot0"))
        #expect(reasoning.value > 0.9)
        #expect(reasoning.contribution < 0.05)
        #expect(reasoning.explanation.contains("little is taken away"))
        #expect(kept.signal("no_harvest_content", of: "bot0") == nil)
        #expect(damped.signal("no_harvest_content", of: "bot0") != nil)
        #expect(kept.clusterRisk(of: "bot0") > damped.clusterRisk(of: "bot0") + 0.1)
    }

    @Test func aRingThatHarvestsIsNotDamped() throws {
        var s = S()
        s.addBackground(count: 60)
        SignalTests.ring(&s)
        let inv = try s.investigate()
        #expect(inv.signal("no_harvest_content", of: "r0") == nil)
        #expect(inv.clusterRisk(of: "r0") >= 0.5)
    }
}
