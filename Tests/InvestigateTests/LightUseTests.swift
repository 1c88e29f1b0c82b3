import Foundation
import Testing
@testable import Investigate

/// A shared ASN or client counts less for the account that sends only a part of its
/// traffic with it (`ContextUse`): ring members copying a small firm's public client from the
/// firm's cloud in a few requests do not pull the firm into the ring; ring members working
/// with it as much as with their own do. Hand-made accounts whose answer is known.
@Suite struct LightUseTests {
    typealias S = SignalTestSource

    /// A firm of three accounts (one organisation and card, its own client on a cloud ASN), a
    /// ring of eight on one card with its own client, and `copiers` ring members that send
    /// `copied` queries each with the firm's client from the firm's cloud, beside their 40 own.
    static func framedFirm(copiers: Int, copied: Int) throws -> Investigation {
        var s = S()
        s.addBackground(count: 300)
        var rng = SeededRandom(seed: 9)
        for i in 0..<3 {
            let id = "firm\(i)"
            s.account(.init(id: id, created: "2024-03-0\(i + 1)T09:00:00Z", email: "\(id)@evalfirm.example", payment: "pm-firm", org: "org-firm"))
            for q in 0..<40 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_000_000)) * 1000, prompt: "benchmark item \(q * 7 + i): \(PromptMaker.human(&rng))",
                    ip: "52.1.1.\(10 + i)", asn: "AS16509", agent: "evalharness/0.4.1")
            }
        }
        for i in 0..<8 {
            let id = "ring\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T03:00:00Z", email: "r\(i)@mail.example", payment: "pm-ring"))
            for _ in 0..<40 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_000_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "91.\(i).3.4", asn: "AS3320", agent: "ringbot/2.0")
            }
            guard i < copiers else { continue }
            for _ in 0..<copied {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_000_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "52.9.9.\(i + 1)", asn: "AS16509", agent: "evalharness/0.4.1")
            }
        }
        return try s.investigate()
    }

    @Test func aFewCopiedRequestsDoNotPullAFirmIntoARing() throws {
        let inv = try Self.framedFirm(copiers: 3, copied: 2)
        let firm = inv.data.accountIndex("firm0")!, member = inv.data.accountIndex("ring0")!
        #expect(inv.cluster(ofAccount: firm).size == 3)
        #expect(inv.cluster(ofAccount: member).size == 8)
        let why = inv.why(firm, member)
        #expect(!why.linked)
        let client = try #require(why.shared.first { $0.kind == .userAgent })
        #expect(client.lightUse == LightUse(account: member, count: 2, main: 40))
        #expect(abs(client.light - log2(20)) < 1e-9)
        #expect(inv.explainPair(firm, member).contains { $0.contains("but ring0 sends only 2 of its queries with it, against 40 with its most used client, so it counts 4.3 bits less") })
        // `why --format json` gives the discount and the use behind it.
        let json = Reports.pair(why, a: firm, b: member, lines: [], in: inv).pretty()
        #expect(json.contains("\"light_use\"") && json.contains("\"main_queries\"") && json.contains("\"light_bits\""))
        // The clustering's scan counts what `why` says.
        #expect(abs(PairEvidence.staticBits(firm, member, index: inv.index, weights: inv.weights, use: ContextUse(index: inv.index)) - why.total) < 1e-9)
    }

    @Test func membersWorkingWithTheFirmsClientAsMuchAsTheirOwnLinkToIt() throws {
        // The same shares at full use: the copiers send as many queries with the firm's client as
        // with their own, so nothing is light and the firm links (the rule is not a blanket cut).
        let inv = try Self.framedFirm(copiers: 3, copied: 40)
        let firm = inv.data.accountIndex("firm0")!, member = inv.data.accountIndex("ring0")!
        let why = inv.why(firm, member)
        #expect(why.shared.allSatisfy { $0.light == 0 && $0.lightUse == nil })
        #expect(why.linked)
    }

    @Test func anAccountRotatingEvenlyOverItsNetworksLosesLittle() throws {
        var s = S()
        s.addBackground(count: 40)
        for (i, id) in ["rot", "other"].enumerated() {
            s.account(.init(id: id, payment: "pm-\(id)"))
            for q in 0..<(i == 0 ? 29 : 10) {
                s.query(id, at: S.base + Int64(q * 600) * 1000, prompt: "question \(q)", ip: "5.5.\(q % 3).\(i)", asn: i == 0 ? "AS6\(q % 3)" : "AS62")
            }
        }
        let inv = try s.investigate()
        let rot = inv.data.accountIndex("rot")!, other = inv.data.accountIndex("other")!
        let use = ContextUse(index: inv.index)
        let shared = try #require(inv.index.valueID(.asn, "AS62"))
        // 9 of its 29 queries against 10 through each of its two other ASNs: log2(10 / 9).
        #expect(use.lighter(.asn, shared, rot, other) == LightUse(account: rot, count: 9, main: 10))
        #expect(abs(use.lightBits(.asn, shared, rot, other) - log2(10.0 / 9)) < 1e-9)
        // An account with one client uses it for all its traffic: nothing is light.
        let client = try #require(inv.index.valueID(.userAgent, "sdk/1.0"))
        #expect(use.lighter(.userAgent, client, rot, other) == nil)
        // Kinds issued to one operator are never discounted, nor addresses (people rotate
        // through a handful of them, a few queries each: chance, not a copied habit).
        #expect(use.lightBits(.apiKey, 0, rot, other) == 0)
        let address = try #require(inv.index.valueID(.ip, "5.5.2.0"))
        #expect(use.lighter(.ip, address, rot, other) == nil)
    }
}
