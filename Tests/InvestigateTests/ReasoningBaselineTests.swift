import Testing
@testable import Investigate

/// The population's reasoning share is the mean account's: one heavy harvester does not raise
/// the bar every other cluster is read against.
@Suite struct ReasoningBaselineTests {
    typealias S = SignalTestSource

    @Test func aHeavyAccountCountsAsOneAccount() throws {
        var s = S()
        // 40 people, 10 prompts each; one in ten asks for reasoning.
        for i in 0..<40 {
            let id = "p\(i)"
            s.account(.init(id: id, email: "\(id)@gmail.com", payment: "pf\(id)"))
            for k in 0..<10 {
                let prompt = k == 0 ? "Explain step by step why the sky is blue" : "Write a short poem about tea number \(k)"
                s.query(id, at: S.base + Int64(i * 10 + k) * 60_000, prompt: prompt, ip: "81.3.\(i).9")
            }
        }
        // One harvester: 2,000 prompts, every one asking for reasoning.
        s.account(.init(id: "h", email: "h@example.net", payment: "pfh"))
        for k in 0..<2000 {
            s.query("h", at: S.base + Int64(k) * 30_000, prompt: "Show your reasoning for problem \(k)", ip: "5.6.7.8")
        }
        let inv = try s.investigate()
        let population = PopulationBaseline(features: inv.features, index: inv.index)
        // Pooled over prompts it would be (40 + 2000) / 2400 = 85%; the mean account's is
        // (40 x 10% + 100%) / 41 = 12.2%.
        #expect(abs(population.reasoningShare - (40 * 0.1 + 1) / 41) < 1e-9)
    }
}
