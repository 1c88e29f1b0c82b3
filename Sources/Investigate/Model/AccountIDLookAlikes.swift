/// Account ids that are different bytes but read as the same text: the same once Unicode
/// normalised (NFKC: `acct_café` composed and `acct_cafe` + U+0301), once a letter drawn like a
/// Latin one is read as it (`LatinLookAlikes`: Cyrillic `а`, fullwidth `ａ`), and once invisible
/// characters (U+200B and the other default-ignorable ones) and padding blanks are dropped. Ids
/// stay exact bytes for identity everywhere; this only finds the pairs a person could confuse.
/// A trial's bundle named a benign `acct_café` and a ring member `acct_cafe\u{301}` in
/// `enforcement.csv` with opposite actions, and the export said nothing.
public enum AccountIDLookAlikes {
    /// The text an id reads as (see the type), or nil for an id that is not valid UTF-8 (its
    /// display form escapes the bytes, so it reads as no other id).
    public static func readsAs(_ id: ExactText) -> String? {
        guard let text = id.utf8String else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.isDefaultIgnorableCodePoint { continue }
            if let latin = LatinLookAlikes.latin(scalar) {
                let letter = scalar.properties.isUppercase ? String(latin).uppercased() : String(latin)
                out.append(contentsOf: letter.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out).trimmingBlanks
    }

    /// The groups of two or more distinct ids among `ids` that read as the same text, each
    /// sorted by bytes, the groups by their first id.
    public static func groups(_ ids: [ExactText]) -> [[ExactText]] {
        var byText: [String: Set<ExactText>] = [:]
        for id in ids {
            guard let text = readsAs(id) else { continue }
            byText[text, default: []].insert(id)
        }
        return byText.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

extension String {
    /// The text without leading and trailing blanks (spaces of any width, tabs).
    fileprivate var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
