import Foundation
import Testing
@testable import Investigate

/// Shared values and ids that are not valid UTF-8 in the scripting outputs (`account`, `why`,
/// `pivot` as JSON): each is carried exactly (`{"b64": ...}`), never repaired to U+FFFD, and a
/// value is found by its own bytes, apart from the value whose bytes are its repaired form.
@Suite struct ExactValueOutputTests {
    /// Two accounts on a client string with an invalid byte (and one card, so they link), and a
    /// third on the look-alike client whose bytes are that string repaired (U+FFFD).
    static func investigation() throws -> Investigation {
        let invalid: [UInt8] = Array("bot".utf8) + [0xFF] + Array("/1".utf8)
        let repaired = Array("bot\u{FFFD}/1".utf8)
        var accounts = Array("account_id,payment_fingerprint\n".utf8)
        accounts += Array("acct_".utf8) + [0xFE] + Array(",card-1\nplain,card-1\nlook,card-2\n".utf8)
        func row(_ id: [UInt8], _ agent: [UInt8], _ second: Int) -> [UInt8] {
            Array("{\"ts\":\(1_767_225_600 + second),\"account_id\":\"".utf8) + id + Array("\",\"user_agent\":\"".utf8) + agent
                + Array("\",\"prompt\":\"hello\"}\n".utf8)
        }
        let queries = row(Array("acct_".utf8) + [0xFE], invalid, 0) + row(Array("plain".utf8), invalid, 1)
            + row(Array("look".utf8), repaired, 2)
        let source = try TempSource([:])
        try source.write("accounts.csv", bytes: accounts)
        try source.write("queries.jsonl", bytes: queries)
        return Investigation(data: try source.load(strict: true))
    }

    static let invalidAgent = ExactText(bytes: Array("bot".utf8) + [0xFF] + Array("/1".utf8))

    @Test func aValueIsFoundByItsOwnBytesNotByItsRepairedForm() throws {
        let inv = try Self.investigation()
        let exact = try #require(inv.index.valueID(.userAgent, exact: Self.invalidAgent))
        let lookAlike = try #require(inv.index.valueID(.userAgent, "bot\u{FFFD}/1"))
        #expect(exact != lookAlike)
        #expect(inv.index.valueExact(.userAgent, exact) == Self.invalidAgent)
        #expect(inv.index.shareCount(.userAgent, value: exact) == 2)
        #expect(inv.index.shareCount(.userAgent, value: lookAlike) == 1)
    }

    @Test func accountPairAndPivotJSONCarryTheExactBytes() throws {
        let inv = try Self.investigation()
        let odd = try #require(inv.data.accountIndex(given: ExactText(bytes: Array("acct_".utf8) + [0xFE])))
        let plain = try #require(inv.data.accountIndex("plain"))
        let agentB64 = "{\"b64\":\"\(Self.invalidAgent.base64)\"}"
        let idB64 = "{\"b64\":\"\(inv.data.accountExactID(odd).base64)\"}"

        let account = Reports.account(odd, in: inv).text
        #expect(account.contains("\"value\":" + agentB64))
        #expect(!account.contains("\\ufffd"))

        let evidence = PairEvidence.measure(odd, plain, index: inv.index, weights: inv.weights)
        let pair = Reports.pair(evidence, a: odd, b: plain, lines: [], in: inv).text
        #expect(pair.contains("\"account_a\":" + idB64))
        #expect(pair.contains("\"value\":" + agentB64))
        #expect(!pair.contains("\\ufffd"))

        let value = try #require(inv.index.valueID(.userAgent, exact: Self.invalidAgent))
        let holders = inv.index.accounts(sharing: .userAgent, value: value).map { Int($0) }
        let pivot = Reports.pivot(kind: .userAgent, value: inv.index.valueExact(.userAgent, value), holders: holders, hub: false, in: inv).text
        #expect(pivot.contains("\"value\":" + agentB64))
        #expect(pivot.contains(idB64))
        #expect(!pivot.contains("\\ufffd"))
    }

    /// Text meant for people shows a value from its exact bytes: the invalid byte as `\xff`,
    /// so the look-alike holding U+FFFD itself never reads the same.
    @Test func explanationsShowTheExactBytesEscaped() throws {
        let inv = try Self.investigation()
        let odd = try #require(inv.data.accountIndex(given: ExactText(bytes: Array("acct_".utf8) + [0xFE])))
        let plain = try #require(inv.data.accountIndex("plain"))
        let lines = inv.explainPair(odd, plain)
        #expect(lines.contains { $0.contains("both use client bot\\xff/1,") })
        #expect(!lines.joined().contains("\u{FFFD}"))
    }

    /// An upstream link's kind keeps its bytes; two links whose text reads the same (an id
    /// holding `~`) are both found by it.
    @Test func upstreamLinksKeepTheirBytesAndAmbiguousTextFindsBoth() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\na~b\nc\na\nb~c\np\nq\n",
            "queries.jsonl": "{\"ts\":1767225600000,\"account_id\":\"a\",\"prompt\":\"hi\"}\n",
        ])
        try source.write("links.csv", bytes: Array("account_a,account_b,kind\na~b,c,k\na,b~c,k\np,q,ref".utf8) + [0xFF] + [0x0A])
        let inv = Investigation(data: try source.load(strict: true))
        let named = inv.index.valueIDs(.upstream, exact: ExactText("k a~b~c"))
        #expect(named.count == 2)
        let kind = ExactText(bytes: Array("ref".utf8) + [0xFF] + Array(" p~q".utf8))
        #expect(inv.index.valueIDs(.upstream, exact: kind).count == 1)
        #expect(inv.index.valueIDs(.upstream, exact: ExactText("ref\u{FFFD} p~q")).isEmpty)
    }

    /// A network is written by the loader (IPv6 in lowercase hex): a typed upper-case one finds it.
    @Test func anIPv6NetworkIsFoundWhateverItsHexCase() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,signup_ip\nv1,2001:DB8:1:2::7\nv2,2001:db8:1:3::9\n",
            "queries.jsonl": "{\"ts\":1767225600000,\"account_id\":\"v1\",\"prompt\":\"hi\"}\n",
        ])
        let inv = Investigation(data: try source.load(strict: true))
        let v1 = try #require(inv.data.accountIndex("v1"))
        let network = try #require(inv.index.values(of: v1, kind: .subnet).first)
        let written = inv.index.valueString(.subnet, network)
        #expect(inv.index.valueID(.subnet, written) == network)
        #expect(inv.index.valueID(.subnet, written.uppercased()) == network)
    }

    @Test func base64MayLeaveOffItsPadding() {
        #expect(ExactText(base64: "dWEv/zE")?.bytes == Array("ua/".utf8) + [0xFF, 0x31])
        #expect(ExactText(base64: "dWEv/zE=")?.bytes == Array("ua/".utf8) + [0xFF, 0x31])
        #expect(ExactText(base64: "not base64!") == nil)
    }

    @Test func aValidValueIsStillAPlainString() throws {
        let inv = try Self.investigation()
        let look = try #require(inv.data.accountIndex("look"))
        let text = Reports.account(look, in: inv).text
        // The look-alike's client is valid UTF-8 (it holds U+FFFD itself): written as text.
        #expect(text.contains("\"value\":\"bot\u{FFFD}/1\""))
    }
}
