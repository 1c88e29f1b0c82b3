/// Extra keys (JSON member names) that are not valid UTF-8, in one query file. Shown and
/// exported, such a name has U+FFFD in place of its invalid bytes, so `\xff` and `\xfe` (and a
/// real U+FFFD) read as one key and a row giving two of them keeps only the last value. A lenient
/// load keeps the rows and says so once per file, with the count and the first line; a strict
/// load stops at the first.
struct KeysNotUTF8: FileTally, Equatable {
    /// How many rows of the file had such a key.
    var count = 0
    /// The line of the first one.
    var firstLine = Int.max
    /// The first one's key, as shown in messages (`'\xff'`).
    var example = ""

    /// The warning's reason for `count` rows, the first with key `example`.
    static func reason(count: Int, example: String) -> String {
        let kept = "shown and exported with U+FFFD for its invalid bytes, so keys that differ only there "
            + "are one key and a row giving two of them keeps the last value"
        return count == 1
            ? "key \(example) is not valid UTF-8: \(kept)"
            : "\(count) rows have a key that is not valid UTF-8, the first here (\(example)): \(kept)"
    }
}

extension IssueLog {
    /// Notes a row at `file:line` with an extra key not valid UTF-8 (its name quoted as `shown`)
    /// in `tally`, the reader's own count for the file (given to the log once, `addKeysNotUTF8`).
    /// Strict mode stops at it (false); lenient mode counts it for the file's one warning.
    func noteKeyNotUTF8(_ file: String, _ line: Int, into tally: inout KeysNotUTF8, _ shown: () -> String) -> Bool {
        if options.strict { return warn(file, line, KeysNotUTF8.reason(count: 1, example: shown())) }
        tally.note(line: line, shown)
        return true
    }

    /// Adds a reader's `tally` for `file` (`noteKeyNotUTF8`), its lines numbered as the log's.
    func addKeysNotUTF8(_ tally: KeysNotUTF8, file: String) { add(tally, file: file, into: \.keysNotUTF8) }

    /// Adds what another log (a worker's) counted in `file`, whose lines there are numbered
    /// `lineBase` lines into the file.
    func mergeKeysNotUTF8(from other: IssueLog, file: String, lineBase: Int) {
        merge(\.keysNotUTF8, from: other, file: file, lineBase: lineBase)
    }

    /// Reports the counted rows: one warning per file, in `files` order (others after, by name),
    /// each row counted once.
    func reportKeysNotUTF8(inOrderOf files: [String]) {
        sayOncePerFile(\.keysNotUTF8, inOrderOf: files) { KeysNotUTF8.reason(count: $0.count, example: $0.example) }
    }
}
