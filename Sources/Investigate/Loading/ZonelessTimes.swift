/// Timestamps written without a zone (`2025-01-01T00:00:00`, or a bare date `2025-01-01`) in one
/// file. The data format asks for RFC 3339 (`Z` or an offset) or an epoch number: such a value
/// is read as UTC, which may be hours off the instant meant. A lenient load keeps the rows and
/// says so once per file, with the count and the first line; a strict load stops at the first.
struct ZonelessTimes: FileTally, Equatable {
    /// How many values in the file had no zone.
    var count = 0
    /// The line of the first one.
    var firstLine = Int.max
    /// The first one's column and value, as shown in messages.
    var example = ""
}

extension IssueLog {
    /// Notes a timestamp with no zone at `file:line` (`column`, its value quoted as `shown`) in
    /// `tally`, the reader's own count for the file (given to the log once, `addZoneless`, so
    /// that a file zone-less throughout costs no dictionary lookup a row). Strict mode stops at
    /// it (false); lenient mode counts it for the file's one warning.
    func noteZoneless(
        _ file: String, _ line: Int, _ column: String, into tally: inout ZonelessTimes, _ shown: () -> String
    ) -> Bool {
        if options.strict {
            return warn(file, line, "\(column) \(shown()) has no time zone (Z or an offset, which the data format requires)")
        }
        tally.note(line: line) { "\(column) \(shown())" }
        return true
    }

    /// Adds a reader's `tally` of zone-less timestamps in `file` (`noteZoneless`), its lines
    /// numbered as the log's.
    func addZoneless(_ tally: ZonelessTimes, file: String) { add(tally, file: file, into: \.zonelessTimes) }

    /// Adds the zone-less timestamps another log (a worker's) counted in `file`, whose lines
    /// there are numbered `lineBase` lines into the file.
    func mergeZoneless(from other: IssueLog, file: String, lineBase: Int) {
        merge(\.zonelessTimes, from: other, file: file, lineBase: lineBase)
    }

    /// Reports the counted zone-less timestamps: one warning per file, in `files` order (others
    /// after, by name), each counted once per value.
    func reportZonelessTimes(inOrderOf files: [String]) {
        sayOncePerFile(\.zonelessTimes, inOrderOf: files) { times in
            times.count == 1
                ? "\(times.example) has no time zone (Z or an offset); read as UTC"
                : "\(times.count) timestamps have no time zone (Z or an offset), the first here (\(times.example)); "
                    + "all read as UTC"
        }
    }
}
