/// The acknowledgement of a case write once the store has it: the status the write showed,
/// with where it went (`tagged 3 rows 'ring' - saved in case-0002`). Opening a case writes
/// nothing, so its acknowledgement never says "saved" (a restored session reopening its case
/// once claimed "saved in case-0001" although nothing had been written).
enum SaveAck {
    /// The status shown while a write is on its way to the store.
    /// At 80 columns a long message drops its ` in case-0001` (the acknowledgement says where).
    static func pending(_ message: String, write: CaseWrite) -> String {
        if case .openCase(let id) = write { return joined(message, "opening \(id)...") }
        let full = message + "  (saving...)"
        guard TextWidth.of(full) > StatusFit.width, let cut = message.range(of: " in ", options: .backwards) else { return full }
        let suffix = message[cut.upperBound...]
        guard suffix.hasPrefix("case-") || suffix == "a new case" else { return full }
        return String(message[..<cut.lowerBound]) + " (saving...)"
    }

    /// The status once the store has applied `write`; `caseID` is the case it went to, which
    /// the write created when `created` (no case existed: the status says so, not only where).
    static func acknowledged(_ message: String, write: CaseWrite, caseID: String?, created: Bool = false) -> String {
        if case .openCase(let id) = write {
            let opened = caseID ?? id
            return message.contains(opened) ? message : joined(message, "\(opened) open")
        }
        guard created, let caseID else { return saved(message, caseID: caseID) }
        // Fullest first: a message too long for both keeps the short one (cut at 80 columns
        // as ` - saved in case-0001` was).
        let text = withoutCaseGuess(message, caseID: caseID) + " - saved in " + caseID
        return StatusFit.first([text + " (a new case)", text + " (new)"])
    }

    /// The status when the store refused `write`.
    static func failed(_ message: String, write: CaseWrite, error: any Error) -> String {
        if case .openCase(let id) = write { return joined(message, "could not open \(id): case store: \(error)") }
        return "NOT saved (\(message)): case store: \(error)"
    }

    /// `message - saved in case-0002`, without the message's own ` in a new case` guess.
    static func saved(_ message: String, caseID: String?) -> String {
        withoutCaseGuess(message, caseID: caseID) + " - saved" + (caseID.map { " in " + $0 } ?? "")
    }

    /// `message` without its ` in a new case` (or ` in CASE`) ending: the acknowledgement says
    /// where the write went.
    private static func withoutCaseGuess(_ message: String, caseID: String?) -> String {
        var text = message
        for suffix in [" in a new case"] + (caseID.map { [" in " + $0] } ?? []) where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
        }
        return text
    }

    private static func joined(_ message: String, _ more: String) -> String {
        message.isEmpty ? more : message + "; " + more
    }
}
