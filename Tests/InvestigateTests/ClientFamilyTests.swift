import Foundation
import Testing
@testable import Investigate

/// Accounts whose one-account client strings start with the same product share its family
/// (`ClientFamilies`): a ring tagging its client per account still shares its tool. A product
/// strangers share as it comes, or one account's own tool, makes none. Hand-made accounts whose
/// answer is known.
@Suite struct ClientFamilyTests {
    typealias S = SignalTestSource

    /// `count` accounts (`prefix0` ...), each on its own card and home IP, each sending 20 prompts
    /// of one rare template family with the client `agent(i)`.
    static func members(_ s: inout S, prefix: String, count: Int, seed: UInt64, agent: (Int) -> String) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@mail.example", payment: "pm-\(id)"))
            for _ in 0..<20 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: ScenarioPrompts.template(4, &rng),
                    ip: "77.\(seed).\(i).5", asn: "AS3320", agent: agent(i))
            }
        }
    }

    @Test func aClientTaggedPerAccountStillLinksItsRing() throws {
        var s = S()
        s.addBackground(count: 200)
        Self.members(&s, prefix: "r", count: 12, seed: 1) { "ringbot/2.0 sess/\(String($0 * 7919 + 4242, radix: 16))" }
        let inv = try s.investigate()
        let family = try #require(inv.index.valueID(.clientFamily, "ringbot/2.0"))
        #expect(inv.index.shareCount(.clientFamily, value: family) == 12)
        // No client string is shared: each member's is its own.
        let a = inv.data.accountIndex("r0")!, b = inv.data.accountIndex("r5")!
        let why = inv.why(a, b)
        #expect(!why.shared.contains { $0.kind == .userAgent })
        #expect(why.shared.contains { $0.kind == .clientFamily && $0.value == family })
        // The family and the template, each half a link, together link the pair; the ring is one cluster.
        #expect(why.linked)
        #expect(inv.cluster(ofAccount: a).size == 12)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both send client strings of their own that start with ringbot/2.0") })
    }

    @Test func withoutTheFamilyTheTemplateAloneLinksNothing() throws {
        // The same members, each with a client of its own that starts with its own product, its
        // tag in letters: no product and no shape in common, no family, and the template alone is
        // half a link.
        var s = S()
        s.addBackground(count: 200)
        Self.members(&s, prefix: "r", count: 12, seed: 1) { "tool\(Self.letters($0))/2.0 sess/\(Self.letters($0 + 7))" }
        let inv = try s.investigate()
        #expect(inv.index.valueCount(.clientFamily) == 0)
        let a = inv.data.accountIndex("r0")!, b = inv.data.accountIndex("r5")!
        #expect(!inv.why(a, b).linked)
        #expect(inv.cluster(ofAccount: a).size == 1)
    }

    /// `i` written in letters (`a`, `b`, ... `ba`): a tag without a digit.
    static func letters(_ i: Int) -> String {
        let digits = String(i, radix: 26).unicodeScalars.map { scalar -> Character in
            let v = Int(String(scalar), radix: 26)!
            return Character(UnicodeScalar(UInt8(97 + v)))
        }
        return String(digits)
    }

    @Test func aProductStrangersShareAsItComesMakesNoFamily() throws {
        var s = S()
        s.addBackground(count: 40)
        // Three accounts send the plain string, three send it with a tag of their own.
        for i in 0..<6 {
            let id = "u\(i)"
            s.account(.init(id: id, payment: "pm-\(id)"))
            let agent = i < 3 ? "python-requests/2.31.0" : "python-requests/2.31.0 job/\(i)"
            s.query(id, at: S.base + Int64(i) * 60_000, prompt: "hello \(i)", ip: "9.9.9.\(i)", agent: agent)
        }
        // One account's own tool, and two tagged strings of different products: alone each.
        for (i, agent) in ["mytool/0.1 (contact me)", "alpha/1 x/1", "beta/1 x/1"].enumerated() {
            s.account(.init(id: "v\(i)", payment: "pm-v\(i)"))
            s.query("v\(i)", at: S.base + Int64(i) * 60_000, prompt: "hi \(i)", ip: "9.9.8.\(i)", agent: agent)
        }
        let inv = try s.investigate()
        // Nor does a shape: a job number is no id (`ClientShapeTests`).
        #expect(inv.index.valueCount(.clientFamily) == 0)
        #expect(inv.index.valueID(.clientFamily, "python-requests/2.31.0") == nil)
    }

    /// A firm of three (one invoice, AWS) whose tool sends `firmAgent(i)`, and a ring of eight on
    /// one card sending `ringbot/2.0`, three of whom send one of their 40 queries with
    /// `copiedAgent(i)` from the firm's cloud.
    static func framedFirm(seed: UInt64, firmAgent: (Int) -> String, copiedAgent: (Int) -> String) throws -> Investigation {
        var s = S()
        s.addBackground(count: 300)
        var rng = SeededRandom(seed: seed)
        for i in 0..<3 {
            let id = "firm\(i)"
            s.account(.init(id: id, created: "2024-03-0\(i + 1)T09:00:00Z", email: "\(id)@evalfirm.example", payment: "pm-firm", org: "org-firm"))
            for _ in 0..<40 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_000_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "52.1.1.\(10 + i)",
                    asn: "AS16509", agent: firmAgent(i))
            }
        }
        for i in 0..<8 {
            let id = "ring\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T03:00:00Z", email: "r\(i)@mail.example", payment: "pm-ring"))
            for q in 0..<40 {
                let copied = i < 3 && q == 0
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_000_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: copied ? "52.9.9.\(i + 1)" : "91.\(i).3.4", asn: copied ? "AS16509" : "AS3320",
                    agent: copied ? copiedAgent(i) : "ringbot/2.0")
            }
        }
        return try s.investigate()
    }

    /// The firm stays a cluster of its own: the family the members copied is one query of their
    /// 40, so it counts less for them.
    static func expectFirmApart(_ inv: Investigation) throws {
        let firm = inv.data.accountIndex("firm0")!, member = inv.data.accountIndex("ring0")!
        #expect(inv.cluster(ofAccount: firm).size == 3)
        let why = inv.why(firm, member)
        #expect(!why.linked)
        let family = try #require(why.shared.first { $0.kind == .clientFamily })
        #expect(family.lightUse == LightUse(account: member, count: 1, main: 39))
    }

    @Test func aFamilyCopiedInOneQueryDoesNotPullAFirmIntoARing() throws {
        // A firm whose tool sends a per-install string; ring members send one query each with a
        // string of the firm's product.
        let inv = try Self.framedFirm(seed: 4, firmAgent: { "evalharness/0.4.1 node/\($0)" }, copiedAgent: { "evalharness/0.4.1 sess/\($0)" })
        try Self.expectFirmApart(inv)
    }

    @Test func aFamilyWeighsAsAClientStringOfAsManyHolders() throws {
        // 40 strangers of a popular tool that tags each install: the family is as common as a
        // client string 40 accounts send, not rarer because few accounts hold any family.
        var s = S()
        s.addBackground(count: 300)
        for i in 0..<40 {
            let id = "t\(i)"
            s.account(.init(id: id, payment: "pm-\(id)"))
            s.query(id, at: S.base + Int64(i) * 600_000, prompt: "question \(i)", ip: "9.\(i).1.1", agent: "cursor/0.42 inst/\(i)")
        }
        let inv = try s.investigate()
        #expect(inv.weights.share(.clientFamily) == inv.weights.share(.userAgent))
        let why = inv.why(inv.data.accountIndex("t0")!, inv.data.accountIndex("t1")!)
        let family = try #require(why.shared.first { $0.kind == .clientFamily })
        #expect(family.sharedBy == 40)
        #expect(abs(family.bits - inv.weights.weight(.userAgent, sharedBy: 40)) < 1e-9)
    }

    @Test func theFamilySurvivesASnapshot() throws {
        var s = S()
        s.addBackground(count: 30)
        Self.members(&s, prefix: "r", count: 4, seed: 2) { "ringbot/3 s/\($0)" }
        let source = try s.source()
        let store = SnapshotStore(folder: source.directory + "-snapshots")
        let (built, first) = try Investigation.open(source.directory, snapshots: store)
        let (restored, second) = try Investigation.open(source.directory, snapshots: store)
        #expect(!first.used && second.used && second.problems.isEmpty)
        for inv in [built, restored] {
            let family = try #require(inv.index.valueID(.clientFamily, "ringbot/3"))
            #expect(inv.index.accounts(sharing: .clientFamily, value: family).count == 4)
        }
        #expect(snapshotDigest(restored) == snapshotDigest(built))
        #expect(LinkKind(name: "client-family") == .clientFamily)
    }
}
