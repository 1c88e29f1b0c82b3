import Foundation
import Testing
@testable import Investigate

/// How `why` shows two unlinked members of one cluster joined: the chain of links through the
/// cluster (`ClusterPath`), on hand-made accounts whose chain is known.
@Suite struct ClusterPathTests {
    typealias S = SignalTestSource

    /// x0 and x1 share one card and one IP, x1 and x2 another card and IP; x0 and x2 share nothing
    /// of their own.
    static func chain() throws -> Investigation {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 21)
        let ips = ["x0": ["45.9.9.1"], "x1": ["45.9.9.1", "45.9.9.2"], "x2": ["45.9.9.2"]]
        for (id, card) in [("x0", "card-a"), ("x1", "card-a"), ("x1", "card-b"), ("x2", "card-b")] {
            s.payment(id, card, kind: "card")
        }
        for id in ["x0", "x1", "x2"] {
            s.account(.init(id: id, created: "2025-11-1\(id.last!)T08:00:00Z", email: "\(id)@mail.example", payment: "card-\(id)"))
            for q in 0..<12 {
                let held = ips[id]!
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: held[q % held.count])
            }
        }
        return try s.investigate()
    }

    @Test func twoUnlinkedMembersAreJoinedThroughTheOneTheyEachShareWith() throws {
        let inv = try Self.chain()
        let x0 = try #require(inv.data.accountIndex("x0")), x1 = try #require(inv.data.accountIndex("x1"))
        let x2 = try #require(inv.data.accountIndex("x2"))
        #expect(inv.clusterOfAccount[x0] == inv.clusterOfAccount[x2])
        #expect(!inv.why(x0, x2).linked)
        let steps = try #require(ClusterPath.find(from: x0, to: x2, in: inv))
        #expect(steps.map(\.account) == [x1, x2])
        #expect(steps.allSatisfy { $0.bits >= inv.weights.threshold })
        let note = try #require(PairClusterNote.line(inv.why(x0, x2), a: x0, b: x2, in: inv))
        #expect(note.contains("joined through a chain of links: x0 ~ x1 ("), "\(note)")
    }

    @Test func accountsOfDifferentClustersHaveNoPath() throws {
        let inv = try Self.chain()
        let x0 = try #require(inv.data.accountIndex("x0")), other = try #require(inv.data.accountIndex("bg3"))
        #expect(inv.clusterOfAccount[x0] != inv.clusterOfAccount[other])
        #expect(ClusterPath.find(from: x0, to: other, in: inv) == nil)
    }
}
