import Foundation

/// Letters and digits drawn like ASCII ones: Cyrillic and Greek letters (`а` U+0430 like `a`,
/// `Ο` U+039F like `O`), Latin IPA letters (`ɑ` U+0251 like `a`), and the compatibility forms
/// whose NFKC form is an ASCII letter or digit (`ⅽ` U+217D, the mathematical `𝟶` U+1D7F6,
/// fullwidth `ａ`, circled `ⓐ`). An id that mixes one into Latin text passes for another
/// account's (`acct_А` beside `acct_A`). Display escaping shows such a character escaped where
/// it sits among Latin letters (`TextEscaping.mixedScriptLookAlikes`), and tag labels that fold
/// to a built-in label through one are refused (`TagLabel.lookAlikeOfBuiltIn`).
public enum LatinLookAlikes {
    /// The ASCII letter (lower case) or digit a scalar is drawn like, or nil.
    public static func latin(_ scalar: Unicode.Scalar) -> Character? {
        if let letter = table[scalar.value] { return letter }
        guard hasCompatibilityForms(scalar.value) else { return nil }
        // NFKC maps a compatibility form to the character it is a variant of.
        let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping
        guard folded.unicodeScalars.count == 1, let only = folded.unicodeScalars.first, only.isASCII,
            only.properties.isAlphabetic || (0x30...0x39).contains(only.value)
        else { return nil }
        return Character(only.properties.lowercaseMapping)
    }

    /// The blocks whose characters may be compatibility forms of ASCII letters and digits:
    /// letterlike symbols and number forms (U+2100-U+218F), enclosed alphanumerics
    /// (U+2460-U+24FF), fullwidth forms (U+FF00-U+FF5F), mathematical alphanumerics
    /// (U+1D400-U+1D7FF) and enclosed alphanumeric supplement (U+1F100-U+1F1FF).
    static func hasCompatibilityForms(_ v: UInt32) -> Bool {
        (0x2100...0x218F).contains(v) || (0x2460...0x24FF).contains(v) || (0xFF00...0xFF5F).contains(v)
            || (0x1D400...0x1D7FF).contains(v) || (0x1F100...0x1F1FF).contains(v)
    }

    /// False only when the UTF-8 text holds no sequence that starts a look-alike: Latin extensions
    /// and IPA (lead 0xC7-0xCA), Greek and Cyrillic (0xCD-0xD4), and the compatibility blocks
    /// above, told by their first two bytes (E2 84-86: U+2100-U+21BF; E2 91-93: U+2440-U+24FF;
    /// EF BC-BD: U+FF00-U+FF7F; F0 9D: U+1D000-U+1DFFF; F0 9F 84-87: U+1F100-U+1F1FF), so that
    /// curly quotes and dashes (E2 80) and emoji, common in prompts, do not open it. A cheap gate before decoding.
    static func mayHoldLookAlike(_ data: [UInt8]) -> Bool { mayHoldLookAlike(data.span) }

    /// `mayHoldLookAlike` of bytes read in place (a prompt, a pooled value).
    static func mayHoldLookAlike(_ data: Span<UInt8>) -> Bool {
        for i in 0..<data.count where startsLookAlike(data, at: i) { return true }
        return false
    }

    /// True when the byte at `i` may start a look-alike's UTF-8 (as `mayHoldLookAlike` tells).
    @inline(__always)
    static func startsLookAlike(_ data: Span<UInt8>, at i: Int) -> Bool {
        let lead = data[i]
        guard lead >= 0xC7 else { return false }
        if lead <= 0xCA || (lead >= 0xCD && lead <= 0xD4) { return true }
        guard lead == 0xE2 || lead == 0xEF || lead == 0xF0, i + 1 < data.count else { return false }
        let next = data[i + 1]
        switch lead {
        case 0xE2: return (0x84...0x86).contains(next) || (0x91...0x93).contains(next)
        case 0xEF: return next == 0xBC || next == 0xBD
        default: return next == 0x9D || (next == 0x9F && i + 2 < data.count && (0x84...0x87).contains(data[i + 2]))
        }
    }

    private static let table: [UInt32: Character] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0456: "i",
        0x0458: "j", 0x0455: "s", 0x0501: "d", 0x04BB: "h", 0x0410: "a", 0x0415: "e", 0x041E: "o", 0x0420: "p",
        0x0421: "c", 0x0425: "x", 0x0406: "i", 0x0408: "j", 0x0405: "s", 0x041A: "k", 0x041C: "m", 0x041D: "h",
        0x0422: "t", 0x0412: "b", 0x03BF: "o", 0x03B1: "a", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v", 0x03C1: "p",
        0x03C5: "u", 0x039F: "o", 0x0391: "a", 0x0395: "e", 0x0399: "i", 0x039A: "k", 0x039D: "n", 0x03A1: "p",
        0x03A4: "t", 0x03A7: "x", 0x0392: "b", 0x0397: "h", 0x039C: "m", 0x0396: "z", 0x03A5: "y",
        // Latin IPA and small capitals drawn like ASCII letters, and the dental click drawn like `l`.
        0x0251: "a", 0x0261: "g", 0x0262: "g", 0x0269: "i", 0x026A: "i", 0x0274: "n", 0x0280: "r", 0x028F: "y",
        0x0299: "b", 0x029C: "h", 0x01C0: "l",
    ]
}
