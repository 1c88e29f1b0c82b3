import Testing
@testable import Investigate

/// Hosting ASNs are matched however a log writes them, and only well-formed numbers match.
@Suite struct HostingASNsTests {
    @Test func anASNIsReadWithOrWithoutItsPrefix() {
        #expect(HostingASNs.number("AS16509") == 16509)
        #expect(HostingASNs.number("as16509") == 16509)
        #expect(HostingASNs.number("16509") == 16509)
        #expect(HostingASNs.number(" AS 16509 ") == 16509)
        #expect(HostingASNs.number("aS0") == 0)
        #expect(HostingASNs.number("ASN16509") == 16509)
        #expect(HostingASNs.number("asn 16509") == 16509)
    }

    @Test func whatIsNotAnASNIsNone() {
        for text in ["", "AS", "ASN", "ASNN16509", "AS-16509", "AS16509x", "16 509", "AS١٦٥٠٩", "99999999999", "4294967296"] {
            #expect(HostingASNs.number(text) == nil, "\(text)")
        }
    }

    @Test func cloudsAndHostsAreHostingHomeISPsAreNot() {
        for asn in ["AS16509", "16509", "AS14061", "as24940", "AS12876", "AS202425", "AS209854", "AS200593", "AS39351"] { #expect(HostingASNs.contains(asn), "\(asn)") }
        for asn in ["AS7922", "7018", "AS3320", "AS21928", "", "hosting"] { #expect(!HostingASNs.contains(asn), "\(asn)") }
    }

    /// An account whose log writes its cloud ASN without `AS` still counts as datacenter traffic
    /// (the loader interns it as `AS16509`, which the list matches).
    @Test func aBareNumberCountsAsHostingTraffic() throws {
        var s = SignalTestSource()
        s.account(.init(id: "bare"))
        s.account(.init(id: "home"))
        for q in 0..<10 {
            s.query("bare", at: SignalTestSource.base + Int64(q) * 60_000, prompt: "q\(q)", asn: q < 6 ? "16509" : "AS16509")
            s.query("home", at: SignalTestSource.base + Int64(q) * 60_000, prompt: "q\(q)", asn: "AS7922")
        }
        let inv = try s.investigate()
        #expect(inv.features.hostingShare[inv.data.accountIndex("bare")!] == 1)
        #expect(inv.features.hostingShare[inv.data.accountIndex("home")!] == 0)
    }
}
