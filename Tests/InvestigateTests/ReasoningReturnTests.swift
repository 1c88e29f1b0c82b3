import Testing
@testable import Investigate

/// Elicited reasoning counts as far as it comes back: short worked answers take little of it away.
@Suite struct ReasoningReturnTests {
    typealias S = SignalTestSource

    /// Six accounts on one card asking for step-by-step working, answered with `output` tokens.
    static func lab(output: Int) throws -> Investigation {
        var s = S()
        s.addBackground()
        var rng = SeededRandom(seed: 12)
        for i in 0..<6 {
            let id = "m\(i)"
            s.account(.init(id: id, created: "2025-06-0\(1 + i)T08:00:00Z", email: "m\(i)@lab.example", payment: "lab-card"))
            for q in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: "Q: Dana has \(rng.int(2...90)) kits and buys \(rng.int(2...40)) more. How many kits? A: Let's think step by step.",
                    input: 60, output: output, ip: "81.9.\(i).\(q)", category: "mathematics")
            }
        }
        return try s.investigate()
    }

    @Test func shortAnswersTakeLittleReasoningAway() throws {
        let long = try Self.lab(output: 900)
        let short = try Self.lab(output: 150)
        let longScore = try #require(long.signal("reasoning_elicitation", of: "m0"))
        let shortScore = try #require(short.signal("reasoning_elicitation", of: "m0"))
        // Both ask for reasoning in every prompt...
        #expect(longScore.value > 0.9 && shortScore.value > 0.9)
        // ...but only the long answers (past the typical account's ~350 tokens) count in full,
        // and 150 tokens (under half the typical account's) count nothing.
        #expect(abs(longScore.contribution - 0.45) < 1e-9)
        #expect(shortScore.contribution == 0)
        #expect(shortScore.explanation.contains("so 0% of it counts"))
        #expect(!longScore.explanation.contains("of it counts"))
    }
}
