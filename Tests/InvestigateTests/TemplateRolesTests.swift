import Foundation
import Testing
@testable import Investigate

/// A ring split into roles sends a scaffold per role: `template_share` counts every member
/// holding a family another member holds, not only the commonest family's holders.
@Suite struct TemplateRolesTests {
    /// Nine accounts on one card in three roles of three, each role sending 20 prompts of its own
    /// template family (`ScenarioPrompts.template` 4, 5 and 6); `oneRole` gives all nine the first.
    static func ring(oneRole: Bool) throws -> Investigation {
        var s = SignalTestSource()
        s.addBackground(count: 40)
        var rng = SeededRandom(seed: 8)
        for i in 0..<9 {
            let id = "m\(i)"
            s.account(.init(id: id, created: "2026-01-02T08:00:00Z", email: "\(id)@gmail.com", payment: "card-roles"))
            for _ in 0..<20 {
                s.query(
                    id, at: SignalTestSource.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: ScenarioPrompts.template(oneRole ? 4 : 4 + i / 3, &rng), input: 100, output: 1200, ip: "45.9.0.\(i)",
                    asn: "AS14061")
            }
        }
        return try s.investigate()
    }

    @Test func everyRoleSharingAFamilyCountsAsTheWholeRingSharing() throws {
        let roles = try Self.ring(oneRole: false)
        let one = try Self.ring(oneRole: true)
        #expect(roles.cluster(ofAccount: try #require(roles.data.accountIndex("m0"))).size == 9)
        let split = try #require(roles.signal("template_share", of: "m0"))
        let whole = try #require(one.signal("template_share", of: "m0"))
        #expect(split.explanation.contains("9 of 9 members share a family with another member (3 the commonest)"))
        #expect(whole.explanation.contains("9 of 9 members share the commonest"))
        // Three roles of three are the ring's own tooling as one family of nine is: credited
        // whole, where the commonest family's three holders alone would credit a third (at most
        // 0.5 / 3 of the signal's 0.5).
        #expect(split.contribution > 0.3 && whole.contribution > 0.3, "\(split.contribution) \(whole.contribution)")
    }
}
