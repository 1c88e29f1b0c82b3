import Testing

@testable import Investigate

/// One address written several ways (`10.1.2.3`, `010.001.002.003`, `::ffff:10.1.2.3`) is one
/// `ip` link, found by any spelling; every value stays as written, and STIX gets the canonical
/// address with the source's spellings beside it (trial: pivot ip found 1 account of 3).
@Suite struct IPSpellingTests {
    @Test(arguments: [
        ("10.1.2.3", "10.1.2.3"), ("010.001.002.003", "10.1.2.3"), ("::ffff:10.1.2.3", "10.1.2.3"), ("::FFFF:a01:203", "10.1.2.3"),
        ("0:0:0:0:0:ffff:10.1.2.3", "10.1.2.3"), ("000.0.00.255", "0.0.0.255"), ("2001:0DB8:0000::0001", "2001:db8::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("fe80::1%eth0", "fe80::1"), ("::1", "::1"),
    ])
    func addressesHaveOneCanonicalText(written: String, canonical: String) {
        #expect(IPNetwork.canonicalAddress(written) == canonical)
    }

    @Test(arguments: ["10.1.2", "10.1.2.256", "0010.1.2.3", "10.1.2.3 ", "host", "", "1:2:3", "10..2.3"])
    func notAddressesHaveNone(written: String) {
        #expect(IPNetwork.canonicalAddress(written) == nil)
    }

    @Test func oneAddressWrittenThreeWaysIsOneLink() throws {
        var accounts = "account_id,signup_ip\n"
        for i in 0..<10 { accounts += "v\(i),10.9.\(i).1\n" }
        accounts += "a,10.1.2.3\nb,010.001.002.003\nc,::ffff:10.1.2.3\nd,10.1.2.4\n"
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        for written in ["10.1.2.3", "010.001.002.003", "::ffff:10.1.2.3"] { #expect(data.pools.ips.lookup(written) != nil) }
        let index = LinkIndex(data: data)
        let id = try #require(index.valueID(.ip, "10.1.2.3"))
        #expect(index.accounts(sharing: .ip, value: id).map { data.accountID(Int($0)) } == ["a", "b", "c"])
        for written in ["010.001.002.003", "::ffff:10.1.2.3", "::ffff:a01:203", "10.01.2.3"] { #expect(index.valueID(.ip, written) == id, "\(written)") }
        #expect(index.shareCount(.ip, value: try #require(index.valueID(.ip, "10.1.2.4"))) == 1)
        #expect(data.ipKeys.variantCount == 2)
        #expect(PairExplanation.spellingNote(.ip, id, index: index).contains("written 3 ways in the source"))
        // Said once, counted by spelling, at the first one written otherwise (line 13: `b`).
        let warning = data.report.warnings.first { $0.reason.contains("written another way") }
        #expect(warning?.file == "accounts.csv")
        #expect(warning?.line == 13)
        #expect(warning?.reason.hasPrefix("2 ip values are addresses written another way, the first here (010.001.002.003 is 10.1.2.3)") == true)
    }

    /// Every IPv6 address written in full form, each once: no value has another spelling of the
    /// same address, so no key is kept (the review's worry: one kept text per address), and the
    /// canonical text typed still finds each.
    @Test func addressesEachWrittenOnceInFullFormKeepNoKeys() throws {
        var accounts = "account_id,signup_ip\n"
        for i in 0..<50 { accounts += "a\(i),2001:0db8:0000:0000:0000:0000:0000:\(String(format: "%04x", i + 1))\n" }
        accounts += "b,2001:0DB8::0001\n"
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        #expect(data.ipKeys.variantCount == 1, "only b spells a0's address otherwise")
        let index = LinkIndex(data: data)
        let first = try #require(index.valueID(.ip, "2001:db8::1"))
        #expect(index.shareCount(.ip, value: first) == 2)
        let last = try #require(index.valueID(.ip, "2001:db8::32"))
        #expect(index.shareCount(.ip, value: last) == 1)
        #expect(index.valueID(.ip, "2001:db8::33") == nil)
    }

    /// No plain spelling in the source: the first spelling stands for the address, and the
    /// canonical text typed finds it.
    @Test func anAddressNeverWrittenCanonicallyIsFoundByItsCanonicalText() throws {
        let accounts = "account_id,signup_ip\na,010.001.002.003\nb,::ffff:10.1.2.3\n"
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        let index = LinkIndex(data: data)
        let id = try #require(index.valueID(.ip, "10.1.2.3"))
        #expect(index.shareCount(.ip, value: id) == 2)
        #expect(index.valueString(.ip, id) == "010.001.002.003")
    }

    @Test func stixWritesTheCanonicalAddressAndKeepsTheSpellings() {
        let at = "2026-04-01T10:00:00Z"
        let info = CaseInfo(
            id: "case-0001", title: "t", status: .open, severity: "", assignee: "", disposition: "", createdBy: "x", createdAt: at, updatedAt: at)
        var content = STIXFile.Content(
            info: info, notes: [], investigator: "x", exportedAt: at, auditHead: "",
            accounts: [(ExactText("a"), "010.001.002.003"), (ExactText("b"), "10.1.2.3"), (ExactText("c"), "2001:DB8::1")], missing: [], cleared: [:])
        let objects = STIXFile.document(content)["objects"]!.arrayValue!
        let v4 = objects.filter { $0["type"] == "ipv4-addr" }
        #expect(v4.count == 1)
        #expect(v4.first?["value"] == "10.1.2.3")
        #expect(v4.first?["x_investigate_source_values"] == JSONValue.array(["010.001.002.003", "10.1.2.3"]))
        let v6 = objects.filter { $0["type"] == "ipv6-addr" }
        #expect(v6.first?["value"] == "2001:db8::1")
        #expect(objects.filter { $0["type"] == "relationship" }.count == 3)
        // The rendering before stays readable to verify: the values as written.
        content.canonicalAddresses = false
        let before = STIXFile.document(content)["objects"]!.arrayValue!
        #expect(Set(before.filter { $0["type"] == "ipv4-addr" }.compactMap { $0["value"]?.stringValue }) == ["010.001.002.003", "10.1.2.3"])
    }
}
