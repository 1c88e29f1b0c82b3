import Testing

@testable import Investigate

/// An IP's network is written one way whatever the address's spelling: IPv6 networks in RFC 5952
/// form, IPv4-mapped IPv6 addresses in their IPv4 /24; the addresses themselves stay as written.
@Suite struct IPNetworkCanonicalTests {
    @Test(arguments: [
        ("2001:db8:0::1", "2001:db8::/48"),
        ("2001:DB8::1", "2001:db8::/48"),
        ("2001:0db8:0000::5", "2001:db8::/48"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0009", "2001:db8::/48"),
        ("2001:db8:1:2::5", "2001:db8:1::/48"),
        ("2001:0:5:6::1", "2001:0:5::/48"),
        ("0:0:1::9", "0:0:1::/48"),
        ("::1", "::/48"),
        ("::", "::/48"),
        ("fe80::1%eth0", "fe80::/48"),
        ("64:ff9b::192.0.2.7", "64:ff9b::/48"),
        ("::ffff:192.0.2.7", "192.0.2.0/24"),
        ("::FFFF:c000:207", "192.0.2.0/24"),
        ("0:0:0:0:0:ffff:192.0.2.200", "192.0.2.0/24"),
        ("192.0.2.9", "192.0.2.0/24"),
    ])
    func networksAreCanonical(address: String, network: String) {
        #expect(IPNetwork.subnet(of: address) == network)
    }

    @Test(arguments: [
        "2001:db8::1::2", ":2001:db8::1", "2001:db8::1:", "2001:db8:1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8",
        "2001:+db8::1", "2001:db8::12345", "g::1", "::ffff:192.0.2", "::ffff:192.0.2.7.1", "::192.0.2.7:1",
        "::ffff:256.0.2.7", ":::", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "",
    ])
    func notAddressesHaveNoNetwork(address: String) {
        #expect(IPNetwork.subnet(of: address) == nil)
    }

    /// The loader's IPv4 table takes an address by `network24` exactly when its network is a /24
    /// (`ParsingTests.byteSubnetsAreTheCanonicalNetworks` checks the bytes path's texts).
    @Test(arguments: ["::ffff:192.0.2.7", "::ffff:c000:207", "1.2.3.4", "2001:db8::1", "::1", "64:ff9b::192.0.2.7", "x", ""])
    func theIPv4TableTakesExactlyTheSlash24s(address: String) {
        var copy = address
        let network = copy.withUTF8 { IPNetwork.network24($0.span) }
        #expect((network != nil) == (IPNetwork.subnet(of: address)?.hasSuffix("/24") ?? false), "\(address)")
    }

    /// Accounts whose addresses are spelled differently share one network (an IPv4-mapped one
    /// the plain IPv4 /24), while every IP value keeps its bytes.
    @Test func spellingsShareOneNetworkInALoad() throws {
        let spellings = ["2001:db8:0::1", "2001:DB8::1", "2001:0db8:0000::5", "::ffff:192.0.2.7", "::ffff:c000:207", "192.0.2.9"]
        var accounts = "account_id,signup_ip\n"
        // IPv4 addresses around them so the mapped ones go through the batched IPv4 table.
        for index in 0..<20 { accounts += "v\(index),10.1.\(index).1\n" }
        for (index, address) in spellings.enumerated() { accounts += "a\(index),\(address)\n" }
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        func network(_ address: String) -> String? {
            guard let ip = data.pools.ips.lookup(address) else { return nil }
            let subnet = data.ipSubnet[Int(ip)]
            return subnet < 0 ? nil : data.pools.subnets.string(subnet)
        }
        for address in spellings { #expect(data.pools.ips.lookup(address) != nil, "\(address) kept as written") }
        #expect(Set(spellings[0..<3].map(network)) == ["2001:db8::/48"])
        #expect(Set(spellings[3..<6].map(network)) == ["192.0.2.0/24"])
        // Each network is one pool value.
        let texts = (0..<data.pools.subnets.count).map { data.pools.subnets.string(Int32($0)) }
        #expect(texts.count == Set(texts).count)

        // A typed network in any spelling finds the canonical one.
        let inv = Investigation(data: data)
        let v6 = try #require(inv.index.valueID(.subnet, "2001:db8::/48"))
        #expect(inv.index.valueID(.subnet, "2001:0DB8:0::/48") == v6)
        #expect(inv.index.valueID(.subnet, "2001:DB8::/48") == v6)
        #expect(inv.index.valueID(.subnet, "2001:db8::/64") == nil)
        let v4 = try #require(inv.index.valueID(.subnet, "192.0.2.0/24"))
        #expect(inv.index.valueID(.subnet, "::ffff:192.0.2.0/24") == v4)
    }
}
