import Foundation
import Testing
@testable import Investigate

/// Datacenter IPs the same accounts hold together (`ServerPools`): one operator's servers count
/// past a kind's half a link; an office's egress, VPN exits and a platform's egress held by many
/// do not. Hand-made accounts whose answer is known.
@Suite struct ServerPoolTests {
    typealias S = SignalTestSource

    /// `count` established accounts (`prefix0` ...), each with its own home IP on a residential
    /// ISP and the population's common client, then all of them on the same `egress` IPs of `asn`
    /// with one new client.
    static func sharedEgress(_ s: inout S, prefix: String, count: Int, egress: Int, asn: String, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "pm-\(id)"))
            for _ in 0..<10 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...1_000_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "82.\(seed).\(i).7", asn: "AS3320", fingerprintOnly: true)
            }
            for q in 0..<(4 * egress) {
                s.query(
                    id, at: S.base + Int64(rng.int(1_200_000...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "167.\(seed).148.\(q % egress)", asn: asn, agent: "python-requests/2.31.0", fingerprintOnly: true)
            }
        }
    }

    @Test func accountsTakenOverOntoOneOperatorsServersLink() throws {
        var s = S()
        s.addBackground(count: 300)
        Self.sharedEgress(&s, prefix: "h", count: 12, egress: 6, asn: "AS14061", seed: 1)
        let inv = try s.investigate()
        let a = inv.data.accountIndex("h0")!, b = inv.data.accountIndex("h7")!
        let why = inv.why(a, b)
        #expect(why.shared.filter { $0.kind == .ip && $0.pooled }.count == 6)
        #expect(why.linked)
        // Without the pool the IPs would add at most half a link in all, and nothing else is shared.
        let ips = why.shared.filter { $0.kind == .ip }.reduce(0) { $0 + $1.counted }
        #expect(ips > why.threshold / 2)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("the 6 datacenter IPs they share are a server pool") })
        #expect(inv.cluster(ofAccount: a).size == 12)
        // The clustering's scan counts what `why` says.
        let shared = PairEvidence.measure(a, b, index: inv.index, weights: inv.weights).total
        #expect(abs(PairEvidence.staticBits(a, b, index: inv.index, weights: inv.weights, use: ContextUse(index: inv.index)) - shared) < 1e-9)
    }

    @Test func anOfficesColleaguesBehindTheirOwnEgressDoNotLink() throws {
        var s = S()
        s.addBackground(count: 300)
        // The same shape on the company's own network, not a hosting one.
        Self.sharedEgress(&s, prefix: "o", count: 25, egress: 6, asn: "AS3209", seed: 2)
        let inv = try s.investigate()
        let a = inv.data.accountIndex("o0")!, b = inv.data.accountIndex("o7")!
        let why = inv.why(a, b)
        #expect(why.shared.filter { $0.kind == .ip }.count == 6)
        #expect(!why.shared.contains { $0.pooled })
        #expect(!why.linked)
        #expect(inv.cluster(ofAccount: a).size == 1)
    }

    @Test func vpnUsersSharingExitsWithManyOthersDoNotLink() throws {
        var s = S()
        s.addBackground(count: 300)
        var rng = SeededRandom(seed: 7)
        // Sixty users of one VPN, each through 3 of its 10 exits.
        for i in 0..<60 {
            let id = "v\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "pm-\(id)"))
            var exits = Set<Int>()
            while exits.count < 3 { exits.insert(rng.int(0...9)) }
            for (q, exit) in exits.sorted().enumerated() {
                for _ in 0..<4 {
                    s.query(
                        id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                        ip: "185.65.135.\(exit)", asn: "AS209854", agent: "browser/\((i + q) % 5)", fingerprintOnly: true)
                }
            }
        }
        let inv = try s.investigate()
        let users = (0..<60).map { inv.data.accountIndex("v\($0)")! }
        var pairsSharingTwo = 0
        for (i, a) in users.enumerated() {
            for b in users.dropFirst(i + 1) {
                let why = inv.why(a, b)
                guard why.shared.filter({ $0.kind == .ip }).count >= 2 else { continue }
                pairsSharingTwo += 1
                #expect(!why.shared.contains { $0.pooled })
                #expect(!why.linked)
            }
        }
        #expect(pairsSharingTwo > 10)
    }

    @Test func aPlatformsEgressHeldByManyIsNoPool() throws {
        var s = S()
        s.addBackground(count: 300)
        // A hosted platform's 6 egress IPs carry 150 unrelated customers' own keys.
        Self.sharedEgress(&s, prefix: "c", count: 150, egress: 6, asn: "AS16509", seed: 3)
        let inv = try s.investigate()
        let ip = try #require(inv.index.valueID(.ip, "167.3.148.0"))
        #expect(inv.weights.servers.pool(ofIP: ip) == nil)
        let a = inv.data.accountIndex("c0")!, b = inv.data.accountIndex("c9")!
        #expect(!inv.why(a, b).linked)
    }
}
