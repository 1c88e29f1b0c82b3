/// Status and confirmation messages at the smallest screen (80 columns). A trial read
/// `tagged ... saved in case-0…` beside the marks counter: a message offers its fullest
/// wording first and shorter ones after, and the first that fits is said (with realistic
/// values: 24-character ids, `case-0001`, 25 marks, the longest built-in label). Beside it, the
/// sheet's counter gives way (`Chrome.sheetInfo`).
enum StatusFit {
    /// The status line's room at 80 columns (the last column is never written).
    static let width = 79

    /// What a write's message grows by at most once the store has it: ` in case-0001` becomes
    /// ` - saved in case-0001` (`SaveAck.saved`); the pending ` (saving...)` drops the case to fit.
    static let acknowledgementGrowth = 8

    /// The first of `candidates` (fullest first) within `room` columns, or the last.
    static func first(_ candidates: [String], room: Int = width) -> String {
        candidates.first { TextWidth.of($0) <= room } ?? candidates.last ?? ""
    }

    /// The first of a write's messages (each ending in its case suffix) that still fits once
    /// acknowledged.
    static func write(_ candidates: [String]) -> String {
        first(candidates, room: width - acknowledgementGrowth)
    }
}
