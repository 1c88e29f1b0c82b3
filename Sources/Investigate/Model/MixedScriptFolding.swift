/// A text's letters drawn like ASCII ones (`LatinLookAlikes`: Cyrillic `а`, Greek `ο`, fullwidth
/// `ａ`) read as the ASCII letters, for what is derived from a prompt or a client string, when
/// the text mixes them into Latin words: a word holding both an ASCII letter and a look-alike
/// (`pаy`). A session 39 trial's ring wrote about half its Latin letters as Cyrillic look-alikes,
/// chosen at random per query: its templates and reasoning phrases no longer matched and recall
/// fell from 0.97 to 0.02. Text in Cyrillic or Greek itself has no such word and is read as it
/// is (its words are not folded into Latin ones). The stored value keeps its bytes.
enum MixedScriptFolding {
    /// `bytes` with every look-alike read as its ASCII letter (the case kept), or nil when no
    /// word mixes one with an ASCII letter.
    /// - Complexity: one pass when no byte can start a look-alike; else a decode or two.
    static func folded(_ bytes: Span<UInt8>) -> [UInt8]? {
        guard LatinLookAlikes.mayHoldLookAlike(bytes) else { return nil }
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

    /// True when a word (a run of letters and digits) holds an ASCII letter and a look-alike.
    static func mixesScripts(_ text: String) -> Bool {
        var ascii = false, lookAlike = false
        for scalar in text.unicodeScalars {
            let isASCIILetter = scalar.isASCII && scalar.properties.isAlphabetic
            if isASCIILetter {
                ascii = true
            } else if !scalar.isASCII, LatinLookAlikes.latin(scalar) != nil {
                lookAlike = true
            } else if !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                (ascii, lookAlike) = (false, false)
                continue
            }
            if ascii && lookAlike { return true }
        }
        return false
    }
}
