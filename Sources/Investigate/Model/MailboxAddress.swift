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
        var at = -1
        for i in 0..<address.count where address[i] == 0x40 { at = i }
        guard at > 0, at + 1 < address.count else { return nil }
        var domain: [UInt8] = []
        domain.reserveCapacity(address.count - at - 1)
        for i in (at + 1)..<address.count { domain.append(lowered(address[i])) }
        let dotless = dotlessDomains.contains(domain)
        var out: [UInt8] = []
        out.reserveCapacity(address.count)
        for i in 0..<at {
            let byte = address[i]
            // A sub-address starts at the first `+` after at least one byte of name.
            if byte == 0x2B && !out.isEmpty { break }
            if dotless && byte == 0x2E { continue }
            out.append(lowered(byte))
        }
        guard !out.isEmpty else { return nil }
        out.append(0x40)
        out += dotless ? dotlessCanonical : domain
        return out
    }

    /// The canonical mailbox of an address given as an array (see `canonical(_:)` on a span).
    public static func canonical(_ address: [UInt8]) -> [UInt8]? { canonical(address.span) }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
