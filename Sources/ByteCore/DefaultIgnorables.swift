/// Finds and removes the UTF-8 of Unicode's default-ignorable code points
/// (`Default_Ignorable_Code_Point` in DerivedCoreProperties.txt): zero-width spaces and joiners
/// (U+200B-U+200D, U+2060), the byte-order mark U+FEFF, the soft hyphen U+00AD, bidi controls
/// (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069), variation selectors (U+180B-U+180F,
/// U+FE00-U+FE0F, U+E0100-U+E01EF), tags (U+E0000-U+E0FFF) and the Hangul fillers.
///
/// A text renders the same with or without them, so a derived feature (a prompt's words, a
/// client string's link key) reads the text without them: sprinkling them in must not make two
/// prompts or two clients differ. The stored value keeps them; only what is derived drops them.
/// Only well-formed sequences match: an invalid byte is never taken for part of one.
public enum DefaultIgnorables {
    /// The length of the default-ignorable scalar whose UTF-8 starts at `at`, else 0.
    @inline(__always)
    public static func length(_ bytes: Span<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let b0 = bytes[i]
        guard b0 >= 0xC2, i + 1 < n else { return 0 }
        let b1 = bytes[i + 1]
        switch b0 {
        case 0xC2: return b1 == 0xAD ? 2 : 0  // U+00AD
        case 0xCD: return b1 == 0x8F ? 2 : 0  // U+034F
        case 0xD8: return b1 == 0x9C ? 2 : 0  // U+061C
        default: break
        }
        guard i + 2 < n else { return 0 }
        let b2 = bytes[i + 2]
        switch b0 {
        case 0xE1:
            // U+115F-U+1160, U+17B4-U+17B5, U+180B-U+180F
            let hit = (b1 == 0x85 && (b2 == 0x9F || b2 == 0xA0)) || (b1 == 0x9E && (b2 == 0xB4 || b2 == 0xB5))
                || (b1 == 0xA0 && b2 >= 0x8B && b2 <= 0x8F)
            return hit ? 3 : 0
        case 0xE2:
            // U+200B-U+200F, U+202A-U+202E, U+2060-U+206F
            let hit = (b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xAA && b2 <= 0xAE))) || (b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xAF)
            return hit ? 3 : 0
        case 0xE3:
            return b1 == 0x85 && b2 == 0xA4 ? 3 : 0  // U+3164
        case 0xEF:
            // U+FE00-U+FE0F, U+FEFF, U+FFA0, U+FFF0-U+FFF8
            let hit = (b1 == 0xB8 && b2 >= 0x80 && b2 <= 0x8F) || (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBE && b2 == 0xA0)
                || (b1 == 0xBF && b2 >= 0xB0 && b2 <= 0xB8)
            return hit ? 3 : 0
        default: break
        }
        guard i + 3 < n else { return 0 }
        let b3 = bytes[i + 3]
        switch b0 {
        case 0xF0:
            // U+1BCA0-U+1BCA3, U+1D173-U+1D17A
            let hit = (b1 == 0x9B && b2 == 0xB2 && b3 >= 0xA0 && b3 <= 0xA3) || (b1 == 0x9D && b2 == 0x85 && b3 >= 0xB3 && b3 <= 0xBA)
            return hit ? 4 : 0
        case 0xF3:
            // U+E0000-U+E0FFF
            return b1 == 0xA0 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 ? 4 : 0
        default: return 0
        }
    }

    /// True when `bytes` holds a default-ignorable scalar (a pass over the bytes; ASCII bytes cost
    /// one table read each).
    public static func contains(_ bytes: Span<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count, table = leads
        while i < n {
            if table[Int(bytes[i])] && length(bytes, at: i) > 0 { return true }
            i += 1
        }
        return false
    }

    /// Writes `bytes` without their default-ignorable scalars into `out` (emptied first); returns
    /// how many were removed.
    @discardableResult
    public static func removing(from bytes: Span<UInt8>, into out: inout [UInt8]) -> Int {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(bytes.count)
        var removed = 0, i = 0
        let n = bytes.count, table = leads
        while i < n {
            let skip = table[Int(bytes[i])] ? length(bytes, at: i) : 0
            if skip > 0 {
                removed += 1
                i += skip
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return removed
    }

    /// `bytes` without their default-ignorable scalars, or nil when they hold none.
    public static func removed(from bytes: [UInt8]) -> [UInt8]? {
        guard contains(bytes.span) else { return nil }
        var out: [UInt8] = []
        removing(from: bytes.span, into: &out)
        return out
    }

    /// The first bytes of the UTF-8 of a default-ignorable scalar.
    private static let leads: [Bool] = (0..<256).map { [0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3].contains($0) }
}
