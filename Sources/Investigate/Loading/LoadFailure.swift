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
    /// A name refused before reading (not a regular file, a link out of the folder, an
    /// undecodable name): said at line 1 of the file, where reading would have begun (a folder,
    /// its name ending in `/`, has no line).
    case refused(file: String, reason: String)
    /// Strict mode stopped at a row that lenient mode would skip.
    case strictRow(file: String, line: Int, reason: String)
    /// The path is not a case source folder.
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case .missingColumn(let file, _, _), .badHeader(let file, _):
            return "\(file):1: \(reason)"
        case .strictRow(let file, let line, _):
            return "\(file):\(line): \(reason)"
        case .emptyFile(let file):
            return "\(file):1: \(reason)"
        case .refused(let file, _):
            return file.hasSuffix("/") ? "\(file): \(reason)" : "\(file):1: \(reason)"
        case .unreadable(let file, _):
            return "\(file): \(reason)"
        case .missingFile, .notADirectory:
            return reason
        }
    }

    /// What is wrong, without the file and line (the whole message for folder-level failures).
    /// Header names are shown as visible escapes: they come from the file.
    public var reason: String {
        switch self {
        case .missingFile(let directory, let expected):
            return "\(TextEscaping.visible(directory)): missing required file \(expected)"
        case .missingColumn(_, let column, let found):
            return "missing required column '\(column)'\(Self.foundList(found))"
        case .badHeader(_, let reason):
            return "unreadable header: \(TextEscaping.visible(reason, limit: 200))"
        case .emptyFile:
            return "empty file (no header row)"
        case .unreadable(_, let reason), .refused(_, let reason):
            return TextEscaping.visible(reason)
        case .strictRow(_, _, let reason):
            return reason
        case .notADirectory(let path):
            return "\(TextEscaping.visible(path)): not a case source folder"
        }
    }

    /// The header names found, as a short inert list: the first few names, each cut short and
    /// escaped (a header line is whatever the file's first line holds: never echo much of it).
    static func foundList(_ found: [String]) -> String {
        guard !found.isEmpty else { return "" }
        let shown = found.prefix(6).map { name -> String in
            let text = TextEscaping.visible(name, limit: 24)
            return name.utf8.count > 24 ? text + "…" : text
        }
        let more = found.count > shown.count ? ", and \(found.count - shown.count) more" : ""
        return " (found: \(shown.joined(separator: ", "))\(more))"
    }
}
