import Foundation

/// Tag labels: a small built-in taxonomy plus validated free labels.
public enum TagLabel {
    /// The built-in labels, in display order.
    public static let builtIn = ["ring-member", "ring-infrastructure", "decoy", "benign", "needs-review", "escalated"]

    /// The longest free label accepted, in characters.
    public static let maxLength = 64

    /// Returns the label to store (trimmed), or throws when it is empty, too long or holds a
    /// control, format or bidi character.
    public static func validate(_ raw: String) throws -> String {
        let label = raw.trimmedForStore
        guard !label.isEmpty else { throw CaseStoreError.invalid("a tag label cannot be empty") }
        guard label.count <= maxLength else {
            throw CaseStoreError.invalid("a tag label holds at most \(maxLength) characters")
        }
        guard !label.unicodeScalars.contains(where: { TextEscaping.isUnsafe($0) || $0.value == 0xFFFD }) else {
            throw CaseStoreError.invalid("a tag label must be printable: \(TextEscaping.visible(label))")
        }
        // Exports join an account's labels with `;` (accounts.csv's tags cell): a label holding
        // one would read back as two.
        guard !label.contains(";") else {
            throw CaseStoreError.invalid("a tag label cannot hold ';' (exports join labels with it): \(TextEscaping.visible(label))")
        }
        if let builtIn = lookAlikeOfBuiltIn(label) {
            let odd = label.unicodeScalars.filter { !$0.isASCII }.map { scalar in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            let why = odd.isEmpty ? "its letter case differs" : "it holds \(odd.joined(separator: ", "))"
            throw CaseStoreError.invalid("a tag label that looks like the built-in \(builtIn) but is not it (\(why)); type \(builtIn)")
        }
        // A mark on an ASCII letter (`ring-member\u{16FE4}`), a look-alike digit among ASCII ones:
        // anything the screen would show escaped, so it could never pass for a built-in label.
        guard TextEscaping.showsAsWritten(label) else {
            throw CaseStoreError.invalid("a tag label must show as it is written: \(TextEscaping.visible(label))")
        }
        return label
    }

    /// The label a retraction names: trimmed as stored, not empty, and otherwise as given, so a
    /// tag stored under rules since tightened (a label an earlier build accepted, such as
    /// `ring-member` + U+16FE4) can still be retracted; it matches stored labels byte for byte.
    /// - Throws: `CaseStoreError.invalid` for an empty label.
    public static func forRetraction(_ raw: String) throws -> String {
        let label = raw.trimmedForStore
        guard !label.isEmpty else { throw CaseStoreError.invalid("a tag label cannot be empty") }
        return label
    }

    /// The built-in label `label` would be taken for, when it is not that label: the same once
    /// its compatibility forms (NFKC: full-width letters, `ⅾ` U+217E), dashes, letter case and the
    /// Cyrillic and Greek letters that look like Latin ones are folded (`ring‐member` with U+2010,
    /// `bеnign` with a Cyrillic e). A label holding any other letter outside ASCII is not.
    static func lookAlikeOfBuiltIn(_ label: String) -> String? {
        guard !isBuiltIn(label) else { return nil }
        let compatible = label.precomposedStringWithCompatibilityMapping
        let folded = String(String.UnicodeScalarView(compatible.unicodeScalars.map(foldedScalar))).lowercased()
        return builtIn.first { $0 == folded }
    }

    private static func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        // Full-width forms are folded by NFKC before this; a soft hyphen is refused as unsafe.
        if (0x2010...0x2015).contains(v) || v == 0x2212 { return "-" }
        if let latin = LatinLookAlikes.latin(scalar) { return latin.unicodeScalars.first! }
        return scalar
    }

    /// True for a label of the built-in taxonomy.
    public static func isBuiltIn(_ label: String) -> Bool { builtIn.contains(label) }
}

/// Checks on other free text going into the store.
enum CaseText {
    /// A title: any printable text up to 200 characters (it never names a file).
    static func title(_ raw: String) throws -> String {
        let title = raw.trimmedForStore
        guard !title.isEmpty else { throw CaseStoreError.invalid("a case title cannot be empty") }
        guard title.count <= 200 else { throw CaseStoreError.invalid("a case title holds at most 200 characters") }
        guard !title.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw CaseStoreError.invalid("a case title cannot hold control characters")
        }
        return title
    }

    /// A note or field value: up to 64 KiB, no NUL.
    static func note(_ raw: String) throws -> String {
        guard !raw.trimmedForStore.isEmpty else { throw CaseStoreError.invalid("a note cannot be empty") }
        guard raw.utf8.count <= 65_536 else { throw CaseStoreError.invalid("a note holds at most 64 KiB") }
        guard !raw.utf8.contains(0) else { throw CaseStoreError.invalid("a note cannot hold NUL bytes") }
        return raw
    }

    /// The longest tag target accepted, in bytes: the longest account id the loader keeps
    /// (`AccountLoader`), so every account loaded can be tagged.
    static let maxTargetBytes = 65_536

    /// An account, cluster or value target: 1 to 65,536 bytes, any bytes (stored exactly).
    static func target(_ raw: ExactText) throws -> ExactText {
        guard !raw.bytes.isEmpty, raw.bytes.count <= maxTargetBytes else {
            throw CaseStoreError.invalid("a tag target must hold 1 to \(maxTargetBytes) bytes")
        }
        return raw
    }

    /// A retraction reason: one printable line of at most 1024 bytes, or empty.
    static func reason(_ raw: String) throws -> String {
        let reason = raw.trimmedForStore
        guard reason.utf8.count <= 1024, !reason.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { throw CaseStoreError.invalid("a reason must be one printable line of at most 1024 bytes") }
        return reason
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmedForStore: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
