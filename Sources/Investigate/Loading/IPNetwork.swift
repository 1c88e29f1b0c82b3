/// Derives the network an IP address belongs to: /24 for IPv4, /48 for IPv6.
public enum IPNetwork {
    /// `203.0.113.0/24` for `203.0.113.7`; `2001:db8:1::/48` for `2001:db8:1:2::5`; nil when the
    /// text is not an IP address.
    public static func subnet(of address: String) -> String? {
        if address.contains(":") { return ipv6Subnet(address) }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let value = Int(part), value <= 255 else { return nil }
            octets.append(value)
        }
        return "\(octets[0]).\(octets[1]).\(octets[2]).0/24"
    }

    /// `subnet(of:)` over raw bytes, writing the network's text into `scratch`; false when the
    /// bytes are not an IP address. IPv4 is parsed without building a String.
    public static func subnet(of bytes: Span<UInt8>, into scratch: inout [UInt8]) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        var hasColon = false
        for i in 0..<bytes.count where bytes[i] == 0x3A {  // ':'
            hasColon = true
            break
        }
        guard !hasColon else {
            guard let text = subnet(of: FieldParsing.text(bytes)) else { return false }
            scratch.append(contentsOf: text.utf8)
            return true
        }
        guard let network = ipv4Network24(bytes) else { return false }
        appendOctet(Int(network >> 16), to: &scratch)
        appendOctet(Int(network >> 8 & 0xFF), to: &scratch)
        appendOctet(Int(network & 0xFF), to: &scratch)
        scratch.append(contentsOf: "0/24".utf8)
        return true
    }

    /// The first three octets of a dotted IPv4 address as one number (`a << 16 | b << 8 | c`),
    /// or nil when `bytes` is not one (same rules as `subnet(of:)`).
    static func ipv4Network24(_ bytes: Span<UInt8>) -> UInt32? {
        var octets: UInt32 = 0, network: UInt32 = 0, value: UInt32 = 0, digits = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte == 0x2E {
                guard digits > 0, octets < 3 else { return nil }
                network = network << 8 | value
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
        return network
    }

    private static func appendOctet(_ value: Int, to scratch: inout [UInt8]) {
        if value >= 100 { scratch.append(UInt8(0x30 + value / 100)) }
        if value >= 10 { scratch.append(UInt8(0x30 + value / 10 % 10)) }
        scratch.append(UInt8(0x30 + value % 10))
        scratch.append(0x2E)
    }

    private static func ipv6Subnet(_ text: String) -> String? {
        var address = Substring(text)
        if let percent = address.firstIndex(of: "%") { address = address[..<percent] }
        var halves: [String] = []
        if let range = address.firstRange(of: "::") {
            halves = [String(address[..<range.lowerBound]), String(address[range.upperBound...])]
        } else {
            halves = [String(address)]
        }
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all[0..<3].map { String($0, radix: 16) }.joined(separator: ":") + "::/48"
    }
}
