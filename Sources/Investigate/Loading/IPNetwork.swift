/// Derives the network an IP address belongs to: /24 for IPv4, /48 for IPv6. The network's text
/// is canonical whichever way the address was spelled: an IPv6 one in RFC 5952 form (lowercase
/// hex, no leading zeros, the longest run of zero groups as `::`), and an IPv4-mapped IPv6
/// address (`::ffff:192.0.2.7`, `::ffff:c000:207`) in its IPv4 /24, so it links with the plain
/// IPv4 address. The address itself is never rewritten; only the derived network is.
public enum IPNetwork {
    /// `203.0.113.0/24` for `203.0.113.7`; `2001:db8:1::/48` for `2001:0DB8:1:2::5`;
    /// `192.0.2.0/24` for `::ffff:192.0.2.7`; nil when the text is not an IP address.
    public static func subnet(of address: String) -> String? {
        var scratch: [UInt8] = []
        var copy = address
        guard copy.withUTF8({ subnet(of: $0.span, into: &scratch) }) else { return nil }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// `subnet(of:)` over raw bytes, writing the network's text into `scratch`; false when the
    /// bytes are not an IP address. Neither IPv4 nor IPv6 builds a String.
    public static func subnet(of bytes: Span<UInt8>, into scratch: inout [UInt8]) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        if let network = ipv4Network24(bytes) {
            appendIPv4Network24(network, to: &scratch)
            return true
        }
        guard let groups = IPv6Groups.parse(bytes) else { return false }
        if let network = IPv6Groups.mappedIPv4Network24(groups) {
            appendIPv4Network24(network, to: &scratch)
            return true
        }
        var network = [UInt16](repeating: 0, count: 8)
        network[0] = groups[0]
        network[1] = groups[1]
        network[2] = groups[2]
        IPv6Groups.appendCanonical(network, to: &scratch)
        scratch.append(contentsOf: "/48".utf8)
        return true
    }

    /// The /24 network of a dotted IPv4 address or of an IPv4-mapped IPv6 one, as
    /// `ipv4Network24` numbers it; nil for any other text. The IPv6 parse runs only when the
    /// bytes are not dotted IPv4, so the common case costs what `ipv4Network24` does.
    static func network24(_ bytes: Span<UInt8>) -> UInt32? {
        if let network = ipv4Network24(bytes) { return network }
        return IPv6Groups.parse(bytes).flatMap(IPv6Groups.mappedIPv4Network24)
    }

    /// The first three octets of a dotted IPv4 address as one number (`a << 16 | b << 8 | c`),
    /// or nil when `bytes` is not one (same rules as `subnet(of:)`).
    static func ipv4Network24(_ bytes: Span<UInt8>) -> UInt32? { ipv4Address(bytes).map { $0 >> 8 } }

    /// Writes `a.b.c.0/24` for a network numbered as `ipv4Network24` numbers it.
    private static func appendIPv4Network24(_ network: UInt32, to scratch: inout [UInt8]) {
        appendOctet(Int(network >> 16), to: &scratch)
        appendOctet(Int(network >> 8 & 0xFF), to: &scratch)
        appendOctet(Int(network & 0xFF), to: &scratch)
        scratch.append(contentsOf: "0/24".utf8)
    }

    fileprivate static func appendOctet(_ value: Int, to scratch: inout [UInt8]) {
        if value >= 100 { scratch.append(UInt8(0x30 + value / 100)) }
        if value >= 10 { scratch.append(UInt8(0x30 + value / 10 % 10)) }
        scratch.append(UInt8(0x30 + value % 10))
        scratch.append(0x2E)
    }
}

extension IPNetwork {
    /// The canonical text of an IP address, the one spelling every way of writing it shares:
    /// IPv4 in dotted decimal without leading zeros (`010.001.002.003` is `10.1.2.3`, read as
    /// decimal, as the subnet reads it), an IPv4-mapped IPv6 address as its IPv4 address
    /// (`::ffff:10.1.2.3`, `::FFFF:a01:203`), other IPv6 in RFC 5952 form (lowercase hex, no
    /// leading zeros, the longest run of zero groups as `::`, a zone dropped). Nil when the
    /// bytes are not an IP address. Only the link key uses it; the stored value stays as written.
    public static func canonicalAddress(_ bytes: Span<UInt8>) -> [UInt8]? {
        if let address = ipv4Address(bytes) { return ipv4Text(address) }
        guard let groups = IPv6Groups.parse(bytes) else { return nil }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return ipv4Text(UInt32(groups[6]) << 16 | UInt32(groups[7]))
        }
        var out: [UInt8] = []
        IPv6Groups.appendCanonical(groups, to: &out)
        return out
    }

    /// The canonical text of an address written otherwise (`010.001.002.003`), else nil (already
    /// canonical, or not an address). A dotted IPv4 address without leading zeros, most
    /// addresses, is told so without building its text.
    public static func otherSpelling(_ bytes: Span<UInt8>) -> [UInt8]? {
        if ipv4Address(bytes) != nil {
            var previous: UInt8 = 0x2E
            for i in 0..<bytes.count {
                // A leading zero: `0` after a dot or at the start, with a digit after it.
                if previous == 0x2E && bytes[i] == 0x30 && i + 1 < bytes.count && bytes[i + 1] != 0x2E { return canonicalAddress(bytes) }
                previous = bytes[i]
            }
            return nil
        }
        guard let text = canonicalAddress(bytes) else { return nil }
        if text.count == bytes.count && text.indices.allSatisfy({ text[$0] == bytes[$0] }) { return nil }
        return text
    }

    /// `canonicalAddress` of a string.
    public static func canonicalAddress(_ text: String) -> String? {
        canonicalAddress(Array(text.utf8).span).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A dotted IPv4 address as one number (same rules as `ipv4Network24`: one to three digits
    /// an octet, at most 255), else nil.
    static func ipv4Address(_ bytes: Span<UInt8>) -> UInt32? {
        var octets = 0, address: UInt32 = 0, value: UInt32 = 0, digits = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte == 0x2E {
                guard digits > 0, octets < 3 else { return nil }
                address = address << 8 | value
                octets += 1
                value = 0
                digits = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                value = value * 10 + UInt32(byte - 0x30)
                guard digits <= 3, value <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard octets == 3, digits > 0 else { return nil }
        return address << 8 | value
    }

    private static func ipv4Text(_ address: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        for shift in [24, 16, 8, 0] {
            appendOctet(Int(address >> UInt32(shift) & 0xFF), to: &out)
        }
        out.removeLast()
        return out
    }
}
