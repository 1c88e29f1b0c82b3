import Investigate

/// The prompt column of one query row, from the row's fields as re-read from its file: the
/// prompt, escaped; for a row with no prompt (a zero-retention account's: `prompt` absent,
/// null or empty) its `prompt_fingerprint`, escaped and marked as one, so the history of such
/// an account shows what the source keeps of its prompts instead of nothing.
enum QueryPromptText {
    /// Put before a fingerprint shown in the prompt column (the record, Enter, names the field).
    static let fingerprintMark = "[fingerprint] "

    /// Longest text kept for the column (the record shows the whole field).
    static let limit = 240

    /// The column's text for a row's `(key, value, isRaw)` fields.
    static func of(_ fields: [(key: String, value: String, isRaw: Bool)]) -> String {
        if let prompt = present("prompt", in: fields) { return TextEscaping.visible(prompt, limit: limit) }
        if let fingerprint = present("prompt_fingerprint", in: fields) {
            return fingerprintMark + TextEscaping.visible(fingerprint, limit: limit)
        }
        return ""
    }

    /// The field's value when the row has it with something in it (not absent, null or empty).
    private static func present(_ key: String, in fields: [(key: String, value: String, isRaw: Bool)]) -> String? {
        guard let field = fields.first(where: { $0.key == key }), !field.value.isEmpty,
              !(field.isRaw && field.value == "null")
        else { return nil }
        return field.value
    }
}
