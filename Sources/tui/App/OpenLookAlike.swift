import Investigate

/// `:open`'s note when the id typed is one account's exact id and, read as an escaped display
/// form (`\x1b`), another account's, whose id holds control bytes: the exact one opens (as
/// `investigate account` takes it), and the status line says that the other exists, where it
/// sits and how to name it exactly, as the command line's note does (`AmbiguousAccountID`). A
/// trial's `:open acct_A\x1b[2J` opened the literal-backslash account and said nothing.
enum OpenLookAlike {
    /// The note's wordings, fullest first; nil when the typed text names no other account.
    static func wordings(typed: String, opened: Int, model: any ConsoleModel) -> [String]? {
        guard typed.contains("\\"), let bytes = TextEscaping.bytes(fromVisible: typed),
            let other = model.accountIndex(exact: ExactText(bytes: bytes)), other != opened
        else { return nil }
        let shown = TextEscaping.visible(typed)
        let b64 = model.exactAccountID(other).base64
        let at = model.cluster(ofAccount: other).map { " (in c\($0))" } ?? ""
        return [
            "note: opened the account whose id is exactly \(shown); read as an escaped form it is another account's\(at), "
                + "whose id holds control bytes; case tag --account-b64 \(b64) names that one exactly",
            "note: opened the exact id \(shown); read as escaped, it is another account's\(at): --account-b64 \(b64)",
            "note: opened this exact id; read as escaped, it is another account's\(at), whose id holds control bytes",
            "note: opened this exact id; read as escaped, it is another account's\(at)",
        ]
    }
}
