import Foundation
import Testing
@testable import Investigate

/// A ring whose client strings share no product of their own still shares their shape
/// (`ClientShape`): a product varied per account, a tag put first, a common product
/// tagged per account. A browser's rare builds, whose shape common builds share, make none.
/// Hand-made accounts whose answer is known.
@Suite struct ClientShapeTests {
    typealias S = SignalTestSource

    @Test func theShapeWritesEachIdAsOneHashAndKeepsVersions() {
        func shape(_ text: String) -> String { String(decoding: ClientShape.of(Array(text.utf8)), as: UTF8.self) }
        #expect(shape("aiohttp/3.9.5-27f85d worker") == "aiohttp/3.9.5-# worker")
        #expect(shape("27f85d aiohttp/3.9.5") == "# aiohttp/3.9.5")
        #expect(shape("python-requests/2.32.3 sess/k3x9q2") == "python-requests/2.32.3 sess/#")
        // A hex id without a digit, or of digits only, is an id too; runs under six are not.
        #expect(shape("bot/ddfbea cafe/fcce ace job/482913 job/4829 sess/a81f") == "bot/# cafe/fcce ace job/# job/4829 sess/a81f")
        // Versions, platforms and devices stay, and bytes other than ASCII letters and digits are kept.
        #expect(shape("Chrome/120.0.6099.109 browser/17") == "Chrome/120.0.6099.109 browser/17")
        #expect(shape("(Windows NT 10.0; Win64; x64) (Linux; Android 14; SM-S918B Build/UP1A.231005.007)")
            == "(Windows NT 10.0; Win64; x64) (Linux; Android 14; SM-S918B Build/UP1A.#.007)")
        #expect(shape("mytool (contact me) é_x86_64") == "mytool (contact me) é_x86_64")
        #expect(shape("") == "")
        // A UUID is one id, its four-digit groups too; dashed numbers that are no hex id stay.
        #expect(shape("app/1.0 (install 123e4567-e89b-1234-a456-426614174000)") == "app/1.0 (install #)")
        #expect(shape("app/1.0 (install 9f1c2a7b-4829-4d1e-8a3b-0c5d9e7f1a2b)") == "app/1.0 (install #)")
        #expect(shape("build 2024-01-15 job-4829") == "build 2024-01-15 job-4829")
        #expect(shape("a-a-a-b") == "a-a-a-b")
    }

    /// Twelve members with the clients `agent(i)`, on their own cards and home IPs, sending one
    /// rare template family.
    static func ring(agent: @escaping (Int) -> String, then more: (inout S) -> Void = { _ in }) throws -> Investigation {
        var s = S()
        s.addBackground(count: 200)
        // Strangers sending a common product as it comes.
        for i in 0..<20 {
            s.account(.init(id: "py\(i)", payment: "pm-py\(i)"))
            s.query("py\(i)", at: S.base + Int64(i) * 90_000, prompt: "fetch page \(i)", ip: "9.7.\(i).1", agent: "python-requests/2.31.0")
        }
        // Not the background's seed (3): its times would be the members'.
        ClientFamilyTests.members(&s, prefix: "r", count: 12, seed: 9, agent: agent)
        more(&s)
        return try s.investigate()
    }

    /// Forty background accounts and `count` more (`b0` ...), each sending one query with the
    /// client `agent(i)` from an address of its own.
    static func oneQueryEach(count: Int, agent: (Int) -> String) throws -> Investigation {
        var s = S()
        s.addBackground(count: 40)
        for i in 0..<count {
            let id = "b\(i)"
            s.account(.init(id: id, payment: "pm-\(id)"))
            s.query(id, at: S.base + Int64(i) * 60_000, prompt: "hello \(i)", ip: "9.8.\(i).1", agent: agent(i))
        }
        return try s.investigate()
    }

    /// Six hex characters of the account's own.
    static func tag(_ i: Int) -> String { String(i * 7919 + 0xA0_0001, radix: 16) }

    @Test(arguments: [
        ("a product varied per account", "ringbot/2.0-# worker"),
        ("a tag put first", "# ringbot/2.0"),
        ("a common product tagged", "python-requests/2.31.0 sess/#"),
        ("a common product with a UUID", "python-requests/2.31.0 (install #)"),
    ])
    func aRingWithoutAProductOfItsOwnSharesItsShape(style: String, shape: String) throws {
        let inv = try Self.ring { i in
            switch style {
            case "a product varied per account": "ringbot/2.0-\(Self.tag(i)) worker"
            case "a tag put first": "\(Self.tag(i)) ringbot/2.0"
            case "a common product tagged": "python-requests/2.31.0 sess/\(Self.tag(i))"
            // A group of four digits in every id: alone it would not read as an id.
            default: "python-requests/2.31.0 (install 9f1c\(Self.tag(i))-\(4000 + i)-4d1e-8a3b-0c5d9e7f1a2b)"
            }
        }
        let family = try #require(inv.index.valueID(.clientFamily, shape))
        #expect(inv.index.shareCount(.clientFamily, value: family) == 12)
        let a = inv.data.accountIndex("r0")!, b = inv.data.accountIndex("r7")!
        #expect(inv.why(a, b).linked)
        #expect(inv.cluster(ofAccount: a).size == 12)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both send client strings of their own shaped \(shape) (") })
        // A member's whole client string names its family (`pivot client_family` given one).
        let client = try #require(inv.index.values(of: a, kind: .userAgent).first)
        #expect(inv.index.clientFamily(ofClient: client) == family)
    }

    @Test func aProductFamilyKeepsItsStringsFromTheirShape() throws {
        // Tagged after a product of their own: the product is the family, the shape is none.
        let inv = try Self.ring { "ringbot/2.0 sess/\(Self.tag($0))" }
        #expect(inv.index.valueCount(.clientFamily) == 1)
        #expect(inv.index.valueID(.clientFamily, "ringbot/2.0") != nil)
        let a = inv.data.accountIndex("r0")!, b = inv.data.accountIndex("r7")!
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both send client strings of their own that start with ringbot/2.0 (") })
    }

    @Test func aShapeCopiedInOneQueryDoesNotPullAFirmIntoARing() throws {
        // A firm whose tool puts an install id first; ring members send one query each with a
        // string of that shape.
        let inv = try ClientFamilyTests.framedFirm(
            seed: 6, firmAgent: { "\(Self.tag($0)) evalharness/0.4.1" }, copiedAgent: { "\(Self.tag($0 + 50)) evalharness/0.4.1" })
        let shape = try #require(inv.index.valueID(.clientFamily, "# evalharness/0.4.1"))
        #expect(inv.index.shareCount(.clientFamily, value: shape) == 6)
        try ClientFamilyTests.expectFirmApart(inv)
    }

    @Test func strangersOnVersionsOfTheirOwnShareNoShape() throws {
        // A course whose students each run another version of one browser, and accounts of
        // one tool each on a version of its own: versions are no tags.
        let inv = try Self.oneQueryEach(count: 20) { i in i < 10 ? "browser/\(i + 10)" : "client-\(i)/1.\(i % 3)" }
        #expect(inv.index.valueCount(.clientFamily) == 0)
    }

    @Test func aShapeMostOfWhoseUsersShareAStringIsNoFamily() throws {
        // A tool whose install ids repeat (ten accounts on two ids), and six on ids of their own:
        // the shape is used as it comes, and the six say nothing of who sent them.
        let inv = try Self.oneQueryEach(count: 16) { i in
            "acme-cli/1.4.2 install/\(i < 5 ? "9f9f9fa" : i < 10 ? "8e8e8eb" : Self.tag(i))"
        }
        #expect(inv.index.valueCount(.clientFamily) == 0)
    }

    @Test func aMemberCopyingAFellowsStringDoesNotUndoTheShape() throws {
        // A trial dropped a family with one query: two members sending one string vetoed it.
        let inv = try Self.ring(agent: { "python-requests/2.31.0 sess/\(Self.tag($0))" }) { s in
            s.query("r1", at: S.base + 77_000, prompt: "next", ip: "77.9.1.5", agent: "python-requests/2.31.0 sess/\(Self.tag(0))")
        }
        let family = try #require(inv.index.valueID(.clientFamily, "python-requests/2.31.0 sess/#"))
        // r0's string is now shared with r1; the eleven others still send strings of their own.
        #expect(inv.index.shareCount(.clientFamily, value: family) == 11)
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("r0")!).size == 12)
    }
}
