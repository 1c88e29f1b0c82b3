/// `verify` of a bundle whose manifest lists `extra` among its redacted fields: every extra
/// value in `queries.jsonl` (a row's `extra` object) and `accounts.csv` (the `extra` column) must
/// be what `Redactor.extra` writes: each leaf the pseudonym `extra-<20 lowercase hex>`, `null`,
/// or the empty string; objects and arrays only as the shape around them. A value in clear (a
/// number, `true`, any other text) is named by file, row and key path, never shown.
enum ExtraPseudonymCheck {
    /// The hex digits after `extra-` (`Redactor.pseudonym` keeps 10 bytes of the MAC).
    static let hexDigits = 20

    /// True for `extra-` and 20 lowercase hex digits.
    static func isPseudonym(_ text: String) -> Bool {
        let prefix = Redactor.extraKind + "-"
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.utf8.dropFirst(prefix.utf8.count)
        return hex.count == hexDigits
            && hex.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }

    /// The path of the first leaf of an extra object that is not a pseudonym (`extra.messages[0].content`),
    /// or nil when all are; the object itself must be an object.
    static func firstClearLeaf(ofExtraObject value: JSONValue) -> String? {
        guard case .object = value else { return "extra (not an object)" }
        return firstClearLeaf(value, path: "extra")
    }

    /// The path of the first leaf under `value` that is not a pseudonym, `null` or "", or nil.
    static func firstClearLeaf(_ value: JSONValue, path: String) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text.isEmpty || isPseudonym(text) ? nil : path
        case .object(let members):
            for key in members.keys.sorted() {
                if let found = firstClearLeaf(members[key]!, path: path + "." + TextEscaping.visible(key, limit: 60)) { return found }
            }
            return nil
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let found = firstClearLeaf(item, path: path + "[\(i)]") { return found }
            }
            return nil
        case .bool, .int, .number, .raw: return path
        }
    }

    /// What is wrong with a row whose leaf at `path` is in clear (after `file: row N`).
    static func problem(path: String) -> String {
        "\(path) is not a pseudonym \(Redactor.extraKind)-<\(hexDigits) hex>, yet the manifest's "
            + "redaction.fields lists extra (a value in clear, or not the exporter's)"
    }
}
