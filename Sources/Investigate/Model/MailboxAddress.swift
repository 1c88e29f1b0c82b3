/// The mailbox an email address delivers to (`LinkKind.mailbox`), as the big mail providers
/// deliver: accounts whose addresses differ only in ways the provider ignores reach one inbox,
/// so one person holds them all.
///
/// - The address is split at its last `@`; both parts are lowercased (ASCII letters only;
///   every other byte is kept exactly).
/// - A sub-address is dropped: `name+anything@domain` delivers to `name@domain` (Gmail, Outlook,
///   iCloud, Proton, Fastmail and most others).
/// - At Gmail (`gmail.com`, and `googlemail.com`, the same service), dots in the name are
///   ignored: `j.o.h.n@googlemail.com` is `john@gmail.com`.
///
/// Nothing else is folded (other providers treat dots as part of the name). An address with no
/// `@`, or nothing before or after it, names no mailbox.
public enum MailboxAddress {
    /// The domains whose names ignore dots, and the one they are written as.
    static let dotlessDomains: [[UInt8]] = [Array("gmail.com".utf8), Array("googlemail.com".utf8)]
    static let dotlessCanonical = Array("gmail.com".utf8)

    /// The canonical mailbox of an address's exact bytes, or nil when it names none.
    public static func canonical(_ address: Span<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        return canonical(address, into: &out) ? out : nil
    }

    /// Writes the canonical mailbox of `address` into `out` (its storage reused); false when the
    /// address names none.
    public static func canonical(_ address: Span<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var at = -1
        for i in 0..<address.count where address[i] == 0x40 { at = i }
        guard at > 0, at + 1 < address.count else { return false }
        let domainLength = address.count - at - 1
        let dotless = dotlessDomains.contains { name in
            name.count == domainLength && name.indices.allSatisfy { lowered(address[at + 1 + $0]) == name[$0] }
        }
        for i in 0..<at {
            let byte = address[i]
            // A sub-address starts at the first `+` after at least one byte of name.
            if byte == 0x2B && !out.isEmpty { break }
            if dotless && byte == 0x2E { continue }
            out.append(lowered(byte))
        }
        guard !out.isEmpty else { return false }
        out.append(0x40)
        if dotless {
            out += dotlessCanonical
        } else {
            for i in (at + 1)..<address.count { out.append(lowered(address[i])) }
        }
        return true
    }

    /// Seeds the checks of one process (`check`): the data's writers cannot aim at them.
    static let checkSeed = UInt64.random(in: 1...UInt64.max)

    /// A 16-bit keyed check of an address's canonical mailbox (0 when it names none), kept per
    /// account by the load (`AccountTable.mailboxCheck`); `scratch` is left holding the canonical
    /// mailbox (empty when there is none).
    public static func check(_ address: Span<UInt8>, scratch: inout [UInt8]) -> UInt16 {
        guard canonical(address, into: &scratch) else { return 0 }
        return UInt16(truncatingIfNeeded: ByteHash.hash(scratch.span, seed: checkSeed)) | 1
    }

    /// The canonical mailbox of an address given as an array (see `canonical(_:)` on a span).
    public static func canonical(_ address: [UInt8]) -> [UInt8]? { canonical(address.span) }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
