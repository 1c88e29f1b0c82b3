import Foundation
import Testing
@testable import Investigate

/// A ring whose client strings share no product of their own still shares their shape
/// (`ClientFamilies.shape`): a product varied per account, a tag put first, a common product
/// tagged per account. A browser's rare builds, whose shape common builds share, make none.
/// Hand-made accounts whose answer is known.
@Suite struct ClientShapeTests {
    typealias S = SignalTestSource

    @Test func theShapeWritesEachIdAsOneHashAndKeepsVersions() {
        func shape(_ text: String) -> String { String(decoding: ClientFamilies.shape(Array(text.utf8)), as: UTF8.self) }
        #expect(shape("aiohttp/3.9.5-27f85d worker") == "aiohttp/3.9.5-# worker")
        #expect(shape("27f85d aiohttp/3.9.5") == "# aiohttp/3.9.5")
        #expect(shape("python-requests/2.32.3 sess/k3x9q2") == "python-requests/2.32.3 sess/#")
        // A hex id without a digit, or of digits only, is an id too; short runs are not.
        #expect(shape("bot/dddf cafe/fcce ace job/482913 job/4829") == "bot/# #/# ace job/# job/4829")
        // Versions stay, and bytes other than ASCII letters and digits are kept.
        #expect(shape("Chrome/120.0.6099.109 browser/17") == "Chrome/120.0.6099.109 browser/17")
        #expect(shape("mytool (contact me) é_x86_64") == "mytool (contact me) é_#_64")
        #expect(shape("") == "")
    }

    /// Twelve members with the clients `agent(i)`, on their own cards and home IPs, sending one
    /// rare template family.
    static func ring(agent: @escaping (Int) -> String) throws -> Investigation {
        var s = S()
        s.addBackground(count: 200)
        // Strangers sending a common product as it comes.
        for i in 0..<5 {
            s.account(.init(id: "py\(i)", payment: "pm-py\(i)"))
            s.query("py\(i)", at: S.base + Int64(i) * 90_000, prompt: "fetch page \(i)", ip: "9.7.\(i).1", agent: "python-requests/2.31.0")
        }
        // Not the background's seed (3): its times would be the members'.
        ClientFamilyTests.members(&s, prefix: "r", count: 12, seed: 9, agent: agent)
        return try s.investigate()
    }

    static func tag(_ i: Int) -> String { String(i * 7919 + 40_961, radix: 16) }

    @Test(arguments: [
        ("a product varied per account", "ringbot/2.0-# worker"),
        ("a tag put first", "# ringbot/2.0"),
        ("a common product tagged", "python-requests/2.31.0 sess/#"),
    ])
    func aRingWithoutAProductOfItsOwnSharesItsShape(style: String, shape: String) throws {
        let inv = try Self.ring { i in
            switch style {
            case "a product varied per account": "ringbot/2.0-\(Self.tag(i)) worker"
            case "a tag put first": "\(Self.tag(i)) ringbot/2.0"
            default: "python-requests/2.31.0 sess/\(Self.tag(i))"
            }
        }
        let family = try #require(inv.index.valueID(.clientFamily, shape))
        #expect(inv.index.shareCount(.clientFamily, value: family) == 12)
        let a = inv.data.accountIndex("r0")!, b = inv.data.accountIndex("r7")!
        #expect(inv.why(a, b).linked)
        #expect(inv.cluster(ofAccount: a).size == 12)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both send client strings of their own shaped \(shape) (") })
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
        var s = S()
        s.addBackground(count: 40)
        for i in 0..<20 {
            let id = "v\(i)"
            s.account(.init(id: id, payment: "pm-\(id)"))
            let agent = i < 10 ? "browser/\(i + 10)" : "client-\(i)/1.\(i % 3)"
            s.query(id, at: S.base + Int64(i) * 60_000, prompt: "hello \(i)", ip: "9.8.\(i).1", agent: agent)
        }
        let inv = try s.investigate()
        #expect(inv.index.valueCount(.clientFamily) == 0)
    }

    @Test func rareBrowserBuildsWhoseShapeCommonBuildsShareMakeNoFamily() throws {
        var s = S()
        s.addBackground(count: 40)
        let common = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36"
        for i in 0..<16 {
            let id = "b\(i)"
            s.account(.init(id: id, payment: "pm-\(id)"))
            // Six send the common build; ten a build of their own with an install id, of the
            // same shape as the common build with one.
            let own = common.replacingOccurrences(of: "Safari/537.36", with: "Safari/537.36 inst/\(Self.tag(i))")
            let agent = i < 3 ? common : i < 6 ? common + " inst/9f9f9f" : own
            s.query(id, at: S.base + Int64(i) * 60_000, prompt: "hello \(i)", ip: "9.8.\(i).1", agent: agent)
        }
        let inv = try s.investigate()
        #expect(inv.index.valueCount(.clientFamily) == 0)
    }
}
