import Foundation

/// Makes hostile bytes inert for text output: control characters, escape sequences, bidi
/// overrides and invalid UTF-8 become visible escapes (`\x1b`, `\u{202E}`), so no data string can
/// move the cursor, retitle a window or reorder a line. A backslash shows doubled, so the escaped
/// form is unambiguous: two different values never have the same rendering. Blanks that pass for
/// something else are escaped too: spaces other than U+0020, a value's leading and trailing
/// spaces (`acct_mixed\x20`), and, in text that is not in Unicode normal form C, its combining
/// marks and the characters NFC replaces (`cafe\u{301}` beside `café`). A letter or digit drawn
/// like an ASCII one (`LatinLookAlikes`: Cyrillic, Greek, IPA, and compatibility forms such as
/// `ⅽ` or `𝟶`) is escaped where it sits in a run of text that also holds an ASCII letter or digit
/// (`acct_\u{410}` for a Cyrillic `А`, beside `acct_A`); Cyrillic or Greek text on its own is
/// shown as it is (`mixedScriptLookAlikes`).
public enum TextEscaping {
    /// The bytes as printable text: valid UTF-8 kept except for controls and bidi/format
    /// characters, which (like invalid bytes) are shown escaped. At most `limit` bytes are read,
    /// cut back to the start of a character that the limit would split (a four-byte emoji cut
    /// after two bytes would show as the invalid bytes `\xF0\x9F`, which the value does not hold).
    /// - Parameter doublingBackslashes: false only for a second pass over text that is already
    ///   escaped (the screen's last guard), where doubling again would garble it.
    public static func visible(
        _ bytes: some Collection<UInt8>, limit: Int = .max, doublingBackslashes: Bool = true
    ) -> String {
        let data = bytes.count > limit ? scalarPrefix(Array(bytes.prefix(limit + 3)), limit: limit) : Array(bytes)
        var out = ""
        out.reserveCapacity(data.count)
        // A first pass marks the blanks at either end (not at a cut) and, in text that NFC would
        // change, the marks and characters that make it look like its composed form.
        var (leading, trailing) = (0, data.count)
        if doublingBackslashes {
            while leading < data.count && data[leading] == 0x20 { leading += 1 }
            if bytes.count > limit { trailing = data.count } else {
                while trailing > leading && data[trailing - 1] == 0x20 { trailing -= 1 }
            }
        }
        let decomposed = doublingBackslashes && !isComposed(data)
        let lookAlikes = doublingBackslashes ? mixedScriptLookAlikes(data) : []
        // A combining mark on an ASCII letter or digit (or at the start) is escaped even in NFC
        // text: fonts draw many as nothing (U+16FE4, U+1E94B) or as a line a reader takes for the
        // letter's own (U+0332), so `acct_X\u{332}` passed for `acct_X`. Marks on other letters
        // are their own.
        var onASCIIBase = true
        var i = 0
        while i < data.count {
            if i < leading || i >= trailing {
                out += "\\x20"
                i += 1
            } else if let (scalar, length) = decodeScalar(data, at: i) {
                var markOnASCII = false
                if scalar.isASCII {
                    // A mark on an ASCII letter or digit passes for part of it; one on a space or
                    // punctuation is drawn apart from any letter, and shown as it is.
                    let byte = UInt8(scalar.value) | 0x20  // ASCII letters folded to lower case
                    onASCIIBase = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(scalar.value)
                } else if onASCIIBase {
                    markOnASCII = isMark(scalar)
                    onASCIIBase = markOnASCII
                }
                if scalar == "\\" && doublingBackslashes {
                    out += "\\\\"
                } else if decomposed && passesForComposed(scalar) || !lookAlikes.isEmpty && lookAlikes.contains(i) || markOnASCII {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    appendEscaped(scalar, to: &out)
                }
                i += length
            } else {
                out += "\\x" + hex2(data[i])
                i += 1
            }
        }
        if bytes.count > limit { out += "…" }
        return out
    }

    /// The byte offsets of the letters and digits drawn like ASCII ones
    /// (`LatinLookAlikes`) that sit in a run of non-blank text holding an ASCII letter or digit
    /// too: in `acct_А` and `А123` the `А`, in `API-сервер` the `с`, `е` and `р`; in `сервер`
    /// alone, none.
    static func mixedScriptLookAlikes(_ data: [UInt8]) -> Set<Int> {
        guard LatinLookAlikes.mayHoldLookAlike(data) else { return [] }
        var found: Set<Int> = []
        var run: [Int] = []
        var runHasLatin = false
        func endRun() {
            if runHasLatin { found.formUnion(run) }
            run.removeAll(keepingCapacity: true)
            runHasLatin = false
        }
        var i = 0
        while i < data.count {
            guard let (scalar, length) = decodeScalar(data, at: i) else {
                i += 1
                continue
            }
            if scalar.properties.isWhitespace {
                endRun()
            } else if scalar.isASCII {
                // An ASCII digit counts too: `А123` (Cyrillic) beside `A123`.
                if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) { runHasLatin = true }
            } else if LatinLookAlikes.latin(scalar) != nil {
                run.append(i)
            }
            i += length
        }
        endRun()
        return found
    }

    /// Whether well-formed UTF-8 `data` is in Unicode normal form C (text with nothing at or past
    /// U+0300 always is; text that is not valid UTF-8 is read as not composed).
    static func isComposed(_ data: [UInt8]) -> Bool {
        guard data.contains(where: { $0 >= 0xCC }) else { return true }
        guard let text = String(validating: data, as: UTF8.self) else { return false }
        // Only a combining mark, a character excluded from composition (a singleton like U+212B,
        // or U+0958) or a conjoining Hangul jamo can make text not NFC: Foundation is asked only
        // when one is there (it cost `queries` a third more on prompts with curly quotes).
        guard text.unicodeScalars.contains(where: mayChangeUnderNFC) else { return true }
        return text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(data)
    }

    /// Whether a scalar can be part of text that NFC changes (see `isComposed`).
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0x300 else { return false }
        if (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isFullCompositionExclusion
        }
    }

    /// Whether a scalar of text that is not in NFC is one that lets it pass for its composed
    /// form: a combining mark, a character NFC replaces (U+212B ANGSTROM SIGN, U+0958), or a
    /// conjoining Hangul jamo.
    static func passesForComposed(_ scalar: Unicode.Scalar) -> Bool { mayChangeUnderNFC(scalar) }

    /// Decodes one well-formed UTF-8 scalar at `i` (no overlongs, no surrogates), or nil.
    public static func decodeScalar(_ data: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = data[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= data.count else { return nil }
        for k in 1..<length {
            let byte = data[i + k]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        if length == 3 && value < 0x800 { return nil }
        if length == 4 && (value < 0x10000 || value > 0x10FFFF) { return nil }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// The first `limit` bytes of `data` (which holds up to three more), less the start of a valid
    /// UTF-8 sequence that begins before the limit and ends after it.
    static func scalarPrefix(_ data: [UInt8], limit: Int) -> [UInt8] {
        guard data.count > limit else { return data }
        for start in max(0, limit - 3)..<limit {
            if let (_, length) = decodeScalar(data, at: start), start + length > limit { return Array(data[..<start]) }
        }
        return Array(data[..<limit])
    }

    /// A Swift string made inert the same way.
    public static func visible(_ string: String, limit: Int = .max, doublingBackslashes: Bool = true) -> String {
        visible(Array(string.utf8), limit: limit, doublingBackslashes: doublingBackslashes)
    }

    /// True for a combining mark that draws on the character before it (nonspacing or enclosing),
    /// or one of the modifier letters fonts draw as nothing (the Tangut and Khitan iteration marks
    /// and filler U+16FE0-U+16FE4, the Adlam nasalization mark U+1E94B). Spacing modifier letters
    /// (`ʻ` in `Hawaiʻi`, `ˈ`, the Japanese `ー`) are letters of their own and shown as they are.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x16FE0...0x16FE4, 0x1E94B: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// True when `text` is shown exactly as it is written (only its backslashes doubled): no
    /// control, format or blank that passes for another, no look-alike letter among ASCII ones,
    /// no mark on an ASCII letter, no text outside NFC. A tag label must be (so that no label
    /// shows as a built-in one it is not).
    public static func showsAsWritten(_ text: String) -> Bool {
        var doubled = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" { doubled += "\\" }
            doubled.unicodeScalars.append(scalar)
        }
        return visible(text).utf8.elementsEqual(doubled.utf8)
    }

    /// True when a scalar must not reach a terminal raw.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { return true }
        // U+00A0, the no-break space, passes for a space (see `.spaceSeparator` below).
        if v == 0xA0 { return true }
        if v < 0xAD { return false }
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB, 0x061C, 0x180E:
            return true
        // Invisible or blank-looking: variation selectors, the combining grapheme joiner, Hangul
        // and Khmer fillers that render as nothing, so `A\u{AD}1` would pass for `A1`.
        // U+2800, the blank Braille pattern, draws as a space (`acct_0001\u{2800}` beside `acct_0001`).
        case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x2800, 0x3164, 0xFE00...0xFE0F, 0xFFA0,
            0xE0100...0xE01EF:
            return true
        default:
            break
        }
        switch scalar.properties.generalCategory {
        // Format characters (soft hyphen, tags, Arabic and Syriac marks...), and the line and
        // paragraph separators a terminal may break on.
        case .format, .lineSeparator, .paragraphSeparator: return true
        // Private-use characters mean what a font makes of them (a blank, an icon, a letter), and
        // unassigned ones what a later Unicode will: neither is shown raw. Noncharacters (U+FFFE,
        // U+10FFFF, U+FDD0...) are unassigned too; tmux draws U+10FFFF as a blank, so
        // `acct_X\u{10FFFF}Y` passed for `acct_X Y`.
        case .privateUse, .unassigned: return true
        // Blanks other than the ASCII space (no-break, thin, ideographic...) pass for a space.
        case .spaceSeparator: return true
        default: return false
        }
    }

    /// Appends a scalar, escaped when unsafe (a backslash is left as it is; `visible` doubles it).
    public static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        if !isUnsafe(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar.value {
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        // `\xHH` stands for one byte: only ASCII scalars are one byte. A C1 control or U+00AD
        // is two bytes of UTF-8, so it is written as a scalar and reads back as those bytes.
        case 0..<0x80: out += "\\x" + hex2(UInt8(scalar.value))
        default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The bytes a `visible` rendering (backslashes doubled) stands for, so an escaped id can be
    /// pasted back: `\\` a backslash, `\n` `\r` `\t`, `\xHH` a byte, `\u{HEX}` a scalar's UTF-8.
    /// Nil when the text is not such a rendering (a lone backslash, an unknown or malformed escape).
    public static func bytes(fromVisible text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        while i < input.count {
            guard input[i] == UInt8(ascii: "\\") else {
                out.append(input[i])
                i += 1
                continue
            }
            guard i + 1 < input.count else { return nil }
            switch input[i + 1] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); i += 2
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "x"):
                guard i + 3 < input.count, let high = hexValue(input[i + 2]), let low = hexValue(input[i + 3]) else { return nil }
                out.append(UInt8(high << 4 | low))
                i += 4
            case UInt8(ascii: "u"):
                guard i + 2 < input.count, input[i + 2] == UInt8(ascii: "{") else { return nil }
                var j = i + 3
                var value: UInt32 = 0
                while j < input.count, j - (i + 3) < 6, let digit = hexValue(input[j]) {
                    value = value << 4 | digit
                    j += 1
                }
                guard j > i + 3, j < input.count, input[j] == UInt8(ascii: "}"), let scalar = Unicode.Scalar(value) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = j + 1
            default:
                return nil
            }
        }
        return out
    }

    static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
