/// Cyrillic and Greek letters drawn like Latin ones (`а` U+0430 like `a`, `Ο` U+039F like `O`):
/// an id that mixes one into Latin text passes for another account's (`acct_А` beside `acct_A`).
/// Display escaping shows such a letter escaped where it sits among Latin letters
/// (`TextEscaping.mixedScriptLookAlikes`), and tag labels that fold to a built-in label through
/// one are refused (`TagLabel.lookAlikeOfBuiltIn`).
public enum LatinLookAlikes {
    /// The Latin letter (lower case) a scalar is drawn like, or nil.
    public static func latin(_ scalar: Unicode.Scalar) -> Character? { table[scalar.value] }

    /// True for a scalar in the Greek or Cyrillic blocks' range (U+0370-U+052F), whose UTF-8
    /// lead byte is 0xCD-0xD4: text without such a byte holds no look-alike.
    static func mayHoldLookAlike(_ data: [UInt8]) -> Bool { data.contains { $0 >= 0xCD && $0 <= 0xD4 } }

    private static let table: [UInt32: Character] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0456: "i",
        0x0458: "j", 0x0455: "s", 0x0501: "d", 0x04BB: "h", 0x0410: "a", 0x0415: "e", 0x041E: "o", 0x0420: "p",
        0x0421: "c", 0x0425: "x", 0x0406: "i", 0x0408: "j", 0x0405: "s", 0x041A: "k", 0x041C: "m", 0x041D: "h",
        0x0422: "t", 0x0412: "b", 0x03BF: "o", 0x03B1: "a", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v", 0x03C1: "p",
        0x03C5: "u", 0x039F: "o", 0x0391: "a", 0x0395: "e", 0x0399: "i", 0x039A: "k", 0x039D: "n", 0x03A1: "p",
        0x03A4: "t", 0x03A7: "x", 0x0392: "b", 0x0397: "h", 0x039C: "m", 0x0396: "z", 0x03A5: "y",
    ]
}
