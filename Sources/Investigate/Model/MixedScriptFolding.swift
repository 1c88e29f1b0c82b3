/// A text's letters drawn like ASCII ones (`LatinLookAlikes`: Cyrillic `а`, Greek `ο`, fullwidth
/// `ａ`) read as the ASCII letters, for what is derived from a prompt or a client string, when
/// the text mixes them into Latin words: a word holding both an ASCII letter and a look-alike
/// (`pаy`). A session 39 trial's ring wrote about half its Latin letters as Cyrillic look-alikes,
/// chosen at random per query: its templates and reasoning phrases no longer matched and recall
/// fell from 0.97 to 0.02. Once one word mixes them, every look-alike in the text is read as
/// Latin (such a ring also writes whole short words in look-alikes: `а`, `оn`), so a Russian
/// prompt holding one mixed token (`JSONа`) is folded whole, the same way each time; a text
/// with no mixed word, Cyrillic or Greek included, is read as it is. The stored value keeps its
/// bytes.
enum MixedScriptFolding {
    /// `bytes` with every look-alike read as its ASCII letter (the case kept), or nil when no
    /// word mixes one with an ASCII letter.
    /// - Complexity: one pass when no byte can start a look-alike; else a decode or two.
    static func folded(_ bytes: Span<UInt8>) -> [UInt8]? {
        guard mayMixScripts(bytes) else { return nil }
        var copy = [UInt8](repeating: 0, count: bytes.count)
        for i in 0..<bytes.count { copy[i] = bytes[i] }
        // Bytes that are not UTF-8 read as U+FFFD here: only the derived text sees it.
        return folded(String(decoding: copy, as: UTF8.self)).map { Array($0.utf8) }
    }

    /// `text` folded as `folded(_:)` does, or nil when no word mixes scripts.
    static func folded(_ text: String) -> String? {
        guard mixesScripts(text) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let latin = LatinLookAlikes.latin(scalar) {
                let letter = scalar.properties.isUppercase ? String(latin).uppercased() : String(latin)
                out.append(contentsOf: letter.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// False only when no word can mix scripts, told by bytes: no run of ASCII letters, digits
    /// and non-ASCII bytes holds both an ASCII letter and a byte that may start a look-alike
    /// (`LatinLookAlikes.startsLookAlike`). Text in Cyrillic, Greek or any one script, and
    /// Cyrillic words beside English ones, pay this one pass and no decode.
    static func mayMixScripts(_ bytes: Span<UInt8>) -> Bool {
        var ascii = false, lookAlike = false
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                if letter {
                    ascii = true
                } else if !(b >= 0x30 && b <= 0x39) {
                    (ascii, lookAlike) = (false, false)
                    continue
                }
            } else if LatinLookAlikes.startsLookAlike(bytes, at: i) {
                lookAlike = true
            }
            if ascii && lookAlike { return true }
        }
        return false
    }

    /// True when a word holds an ASCII letter and a look-alike. Words end at ASCII characters
    /// other than letters and digits only (as `mayMixScripts` reads them: no Unicode property is
    /// asked, so a Romanian `ș` beside ASCII letters costs a table lookup, not a property read).
    static func mixesScripts(_ text: String) -> Bool {
        var ascii = false, lookAlike = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                    ascii = true
                } else if !(v >= 0x30 && v <= 0x39) {
                    (ascii, lookAlike) = (false, false)
                    continue
                }
            } else if LatinLookAlikes.latin(scalar) != nil {
                lookAlike = true
            }
            if ascii && lookAlike { return true }
        }
        return false
    }
}
