/// A problem that stops a load: a missing file or column, an unreadable file, or (in strict
/// mode) the first row that lenient mode would have skipped.
public enum LoadFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// A required file is absent from the case source.
    case missingFile(directory: String, expected: String)
    /// The header (or every row, for JSONL) lacks a required column.
    case missingColumn(file: String, column: String, found: [String])
    /// The header row cannot be parsed.
    case badHeader(file: String, reason: String)
    /// A CSV file has no header row.
    case emptyFile(file: String)
    /// The file could not be read or decompressed.
    case unreadable(file: String, reason: String)
    /// Strict mode stopped at a row that lenient mode would skip.
    case strictRow(file: String, line: Int, reason: String)
    /// The path is not a case source folder.
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case .missingFile(let directory, let expected):
            return "\(directory): missing required file \(expected)"
        case .missingColumn(let file, let column, let found):
            let list = found.isEmpty ? "" : " (found: \(found.joined(separator: ", ")))"
            return "\(file):1: missing required column '\(column)'\(list)"
        case .badHeader(let file, let reason):
            return "\(file):1: unreadable header: \(reason)"
        case .emptyFile(let file):
            return "\(file): empty file (no header row)"
        case .unreadable(let file, let reason):
            return "\(file): \(reason)"
        case .strictRow(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .notADirectory(let path):
            return "\(path): not a case source folder"
        }
    }
}
