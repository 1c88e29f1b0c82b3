/// Timestamps written without a zone (`2025-01-01T00:00:00`, or a bare date `2025-01-01`) in one
/// file. The data format asks for RFC 3339 (`Z` or an offset) or an epoch number: such a value
/// is read as UTC, which may be hours off the instant meant. A lenient load keeps the rows and
/// says so once per file, with the count and the first line; a strict load stops at the first.
struct ZonelessTimes: Sendable, Equatable {
    /// How many values in the file had no zone.
    var count = 0
    /// The line of the first one.
    var firstLine = Int.max
    /// The first one's column and value, as shown in messages.
    var example = ""
}

extension IssueLog {
    /// Notes a timestamp with no zone at `file:line` (`column`, its value quoted as `shown`).
    /// Strict mode stops at it (false); lenient mode counts it for the file's one warning.
    func noteZoneless(_ file: String, _ line: Int, _ column: String, _ shown: () -> String) -> Bool {
        if options.strict {
            return warn(file, line, "\(column) \(shown()) has no time zone (Z or an offset, which the data format requires)")
        }
        var times = zonelessTimes[file] ?? ZonelessTimes()
        times.count += 1
        if line < times.firstLine {
            times.firstLine = line
            times.example = "\(column) \(shown())"
        }
        zonelessTimes[file] = times
        return true
    }

    /// Adds the zone-less timestamps another log (a worker's) counted in `file`, whose lines
    /// there are numbered `lineBase` lines into the file.
    func mergeZoneless(from other: IssueLog, file: String, lineBase: Int) {
        guard let theirs = other.zonelessTimes[file] else { return }
        var times = zonelessTimes[file] ?? ZonelessTimes()
        times.count += theirs.count
        if theirs.firstLine + lineBase < times.firstLine {
            times.firstLine = theirs.firstLine + lineBase
            times.example = theirs.example
        }
        zonelessTimes[file] = times
    }

    /// Reports the counted zone-less timestamps: one warning per file, in `files` order (others
    /// after, by name), each counted once per value.
    func reportZonelessTimes(inOrderOf files: [String]) {
        let rank = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let names = zonelessTimes.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        for name in names {
            guard let times = zonelessTimes[name], times.count > 0 else { continue }
            let reason = times.count == 1
                ? "\(times.example) has no time zone (Z or an offset); read as UTC"
                : "\(times.count) timestamps have no time zone (Z or an offset), the first here (\(times.example)); "
                    + "all read as UTC"
            _ = warn(name, times.firstLine, reason)
            report.warningCount += times.count - 1
        }
        zonelessTimes = [:]
    }
}
