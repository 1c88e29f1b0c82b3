import Testing
@testable import Investigate

/// One subject lowers the risk of a course, not of a ring harvesting one capability: the lowering
/// is cut by the share of `reasoning_elicitation`'s full weight the cluster earns
/// (`OneSubjectHarvest`).
@Suite struct OneSubjectHarvestTests {
    typealias S = SignalTestSource

    static func score(_ name: String, _ contribution: Double) -> SignalScore {
        SignalScore(name: name, value: 0.9, baseline: 0.1, contribution: contribution, explanation: "\(name) words")
    }

    @Test func theLoweringIsCutByTheShareOfTheReasoningWeightEarned() {
        let full = OneSubjectHarvest.weighed([Self.score("reasoning_elicitation", 0.45), Self.score("one_subject", -0.15)])
        #expect(full[1].contribution == 0)
        #expect(full[1].explanation.hasSuffix("reasoning_elicitation adds 0.45 of its 0.45), "
            + "and a ring harvesting one capability keeps to one subject as a course does: so it lowers nothing"))
        // Nothing more is appended to a lowering cut to nothing ("adds nothing" would misread it).
        #expect(SignalZeroReason.explained(full[1]).explanation == full[1].explanation)
        let part = OneSubjectHarvest.weighed([Self.score("one_subject", -0.15), Self.score("reasoning_elicitation", 0.15)])
        #expect(abs(part[0].contribution - -0.1) < 1e-12)
        #expect(part[0].explanation.hasSuffix("so 67% of its lowering counts"))
        #expect(SignalZeroReason.explained(part[0]).explanation.hasSuffix("of its lowering counts; this lowers the risk"))
        // Nothing harvested, or no subject lowering: the scores as they were.
        for scores in [
            [Self.score("one_subject", -0.15)], [Self.score("one_subject", -0.15), Self.score("reasoning_elicitation", 0)],
            [Self.score("one_subject", 0), Self.score("reasoning_elicitation", 0.3)],
        ] {
            let out = OneSubjectHarvest.weighed(scores)
            #expect(out.map(\.contribution) == scores.map(\.contribution))
            #expect(out.map(\.explanation) == scores.map(\.explanation))
        }
    }

    /// Twelve accounts on one card and one campus /24, 20 maths queries each, worked solutions
    /// asked for in every one; `output` tokens come back.
    static func mathsGroup(_ s: inout S, prefix: String, output: Int) {
        var rng = SeededRandom(seed: 61)
        for i in 0..<12 {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-09-0\(1 + i % 5)T08:00:00Z", email: "\(id)@mail.example", payment: "pf-\(prefix)"))
            for q in 0..<20 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: "Solve step by step and show all of your reasoning: \(PromptMaker.human(&rng)) item \(q)", input: 60,
                    output: output, ip: "141.7.3.\(i)", asn: "AS702", agent: "Mozilla/5.0", category: "math")
            }
        }
    }

    @Test func aGroupTakingLongWorkedMathsIsNotLoweredForItsSubject() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.mathsGroup(&s, prefix: "hv", output: 2400)
        let inv = try s.investigate()
        let reasoning = try #require(inv.signal("reasoning_elicitation", of: "hv0"))
        #expect(reasoning.contribution > 0.4)
        let subject = try #require(inv.signal("one_subject", of: "hv0"))
        let kept = 1 - min(1, reasoning.contribution / ReasoningElicitationSignal.fullWeight)
        #expect(subject.contribution >= -0.15 * kept - 1e-9)
        #expect(subject.explanation.contains("take away the reasoning they ask for"))
    }

    @Test func aClassWhoseWorkedAnswersAreShortKeepsItsLowering() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.mathsGroup(&s, prefix: "cl", output: 80)
        let inv = try s.investigate()
        // Asked for, but the short answers take little away: the subject lowers as before.
        let reasoning = inv.signal("reasoning_elicitation", of: "cl0")?.contribution ?? 0
        #expect(reasoning < 0.05)
        let subject = try #require(inv.signal("one_subject", of: "cl0"))
        #expect(subject.contribution < -0.1)
        #expect(subject.explanation.contains("take away the reasoning they ask for") == (reasoning > 0))
    }
}
