import Testing
@testable import Investigate

/// A reasoning share worth part of the weight says where the scale runs, so the partial figure
/// in a breakdown is not left unexplained.
@Suite struct ReasoningShareScaleTests {
    typealias S = SignalTestSource

    @Test func aPartialShareSaysHowFarAboveThePopulationItIsAndWhereTheScaleRuns() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 71)
        // Eight accounts on one card, every other prompt asking for worked reasoning.
        for i in 0..<8 {
            let id = "hf\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "\(id)@mail\(i).example", payment: "pf-half"))
            for q in 0..<30 {
                let prompt = q % 2 == 0 ? "Solve step by step and show your reasoning: \(PromptMaker.human(&rng))" : PromptMaker.human(&rng)
                s.query(id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: prompt, input: 60, output: 2000, ip: "95.216.3.\(i)")
            }
        }
        let inv = try s.investigate()
        let score = try #require(inv.signal("reasoning_elicitation", of: "hf0"))
        #expect(score.contribution > 0 && score.contribution < ReasoningElicitationSignal.fullWeight)
        let points = Int(((score.value - score.baseline) * 100).rounded())
        #expect(score.explanation.contains("; \(points) points above it, where the weight counts from 10 points and in full from 60"))
    }
}
