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
