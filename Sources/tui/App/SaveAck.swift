/// The acknowledgement of a case write once the store has it: the status the write showed,
/// with where it went (`tagged 3 rows 'ring' — saved in case-0002`).
enum SaveAck {
    static func saved(_ message: String, caseID: String?) -> String {
        var text = message
        for suffix in [" in a new case"] + (caseID.map { [" in " + $0] } ?? []) where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
        }
        return text + " - saved" + (caseID.map { " in " + $0 } ?? "")
    }
}
