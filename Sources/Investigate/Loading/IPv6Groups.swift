/// The eight 16-bit groups of an IPv6 address read from its text bytes, and their RFC 5952
/// canonical text. Hex digits in either case, `::` once, a dotted IPv4 tail
/// (`::ffff:192.0.2.7`) and a zone (`fe80::1%eth0`, ignored) are accepted; a sign, a fifth
/// digit in a group, a second `::` or a stray `:` are not.
enum IPv6Groups {
    /// The groups of `bytes`, or nil when the bytes are not an IPv6 address.
    static func parse(_ bytes: Span<UInt8>) -> [UInt16]? {
        var end = bytes.count
        for i in 0..<bytes.count where bytes[i] == 0x25 {  // '%': a zone follows
            end = i
            break
        }
        var head: [UInt16] = [], tail: [UInt16] = []
        var sawGap = false
        var i = 0
        if end >= 2 && bytes[0] == 0x3A && bytes[1] == 0x3A {
            sawGap = true
            i = 2
        } else if end >= 1 && bytes[0] == 0x3A {
            return nil
        }
        while i < end {
            var j = i, value: UInt32 = 0, digits = 0, dotted = false
            while j < end && bytes[j] != 0x3A {
                let byte = bytes[j]
                if byte == 0x2E {
                    dotted = true
                } else if let digit = hexDigit(byte) {
                    digits += 1
                    guard digits <= 4 || dotted else { return nil }
                    value = value << 4 | digit
                } else {
                    return nil
                }
                j += 1
            }
            if dotted {
                // A dotted IPv4 tail is the last two groups, host octet and all (the address's
                // canonical text needs it; its network reads only the first three octets).
                guard j == end, let address = IPNetwork.ipv4Address(bytes.extracting(i..<end)) else { return nil }
                let pair = [UInt16(address >> 16), UInt16(address & 0xFFFF)]
                if sawGap { tail += pair } else { head += pair }
            } else {
                guard digits > 0 else { return nil }
                if sawGap { tail.append(UInt16(value)) } else { head.append(UInt16(value)) }
            }
            i = j
            guard i < end else { break }
            i += 1  // past ':'
            if i < end && bytes[i] == 0x3A {
                guard !sawGap else { return nil }
                sawGap = true
                i += 1
            } else if i == end {
                return nil
            }
        }
        if sawGap {
            guard head.count + tail.count < 8 else { return nil }
            return head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        return head.count == 8 ? head : nil
    }

    /// The `ipv4Network24` number of an IPv4-mapped address (`::ffff:a.b.c.d`), else nil.
    static func mappedIPv4Network24(_ groups: [UInt16]) -> UInt32? {
        guard groups.count == 8, groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF else { return nil }
        return UInt32(groups[6]) << 8 | UInt32(groups[7] >> 8)
    }

    /// Writes the RFC 5952 text of eight groups: lowercase hex without leading zeros, the first
    /// longest run of two or more zero groups written `::`.
    static func appendCanonical(_ groups: [UInt16], to out: inout [UInt8]) {
        var bestStart = -1, bestLength = 1, start = 0
        while start < groups.count {
            guard groups[start] == 0 else {
                start += 1
                continue
            }
            var end = start
            while end < groups.count && groups[end] == 0 { end += 1 }
            if end - start > bestLength {
                bestStart = start
                bestLength = end - start
            }
            start = end
        }
        var index = 0
        while index < groups.count {
            if index == bestStart {
                out.append(contentsOf: "::".utf8)
                index += bestLength
                continue
            }
            if index > 0 && index != bestStart + bestLength { out.append(0x3A) }
            appendHex(groups[index], to: &out)
            index += 1
        }
    }

    private static func appendHex(_ value: UInt16, to out: inout [UInt8]) {
        var shift = 12
        while shift > 0 && value >> UInt16(shift) == 0 { shift -= 4 }
        while shift >= 0 {
            let digit = UInt8(value >> UInt16(shift) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
            shift -= 4
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x37)
        case 0x61...0x66: return UInt32(byte - 0x57)
        default: return nil
        }
    }
}
