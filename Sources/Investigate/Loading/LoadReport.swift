/// One row the loader could not take as it was: where it is and what is wrong.
public struct LoadIssue: Codable, Sendable, Equatable, CustomStringConvertible {
    /// File name relative to the case source.
    public var file: String
    /// 1-based line where the row starts.
    public var line: Int
    /// What is wrong, with any data shown as visible escapes.
    public var reason: String

    /// Creates an issue.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// What a load read, skipped and kept with warnings.
public struct LoadReport: Sendable {
    /// Accounts loaded.
    public var accounts = 0
    /// Payment rows loaded.
    public var payments = 0
    /// Query rows loaded.
    public var queries = 0
    /// Upstream links loaded.
    public var links = 0
    /// Rows skipped, all counted.
    public var skippedCount = 0
    /// The first skipped rows (up to `LoadOptions.listLimit`).
    public var skipped: [LoadIssue] = []
    /// Rows kept with a problem (a value dropped), all counted.
    public var warningCount = 0
    /// The first such rows.
    public var warnings: [LoadIssue] = []
    /// Files that lost rows nobody can count (a gzip member or the file cut short, damaged bytes
    /// passed over, a name refused before reading: a FIFO, a device, a link out), each named once,
    /// in the order found. Each loss is also one skipped row (at the line where it struck, or
    /// line 1), so `skippedCount` counts what could be counted and this says where more may be.
    public var filesWithUncountedLoss: [String] = []
    /// Files read with their row counts and sizes.
    public var files: [FileSummary] = []
    /// Seconds the load took.
    public var seconds = 0.0
    /// Seconds spent in each step of the load, in order (for `investigate bench`).
    public var phases: [Phase] = []

    /// One timed step of a load.
    public struct Phase: Sendable, Equatable {
        /// What the step did.
        public var name: String
        /// Wall-clock seconds.
        public var seconds: Double
        /// Resident memory at the step's end and the process's peak so far, in bytes (0 when
        /// not measured).
        public var residentBytes = 0, peakBytes = 0
    }

    /// Creates an empty report.
    public init() {}

    /// What was lost, for a one-line summary: `3 rows skipped`, `2 warnings`, and for files that
    /// lost rows nobody can count `an unknown number of rows lost in 1 file`; empty when nothing was.
    public var issueSummary: [String] {
        var parts: [String] = []
        if skippedCount > 0 { parts.append("\(skippedCount) row\(skippedCount == 1 ? "" : "s") skipped") }
        if !filesWithUncountedLoss.isEmpty {
            let files = filesWithUncountedLoss.count == 1 ? "1 file" : "\(filesWithUncountedLoss.count) files"
            parts.append("an unknown number of rows lost in \(files)")
        }
        if warningCount > 0 { parts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")") }
        return parts
    }

    /// A file the load read.
    public struct FileSummary: Codable, Sendable, Equatable {
        /// Name relative to the case source.
        public var name: String
        /// Bytes on disk.
        public var bytes: Int
        /// Rows loaded from it.
        public var rows: Int
    }
}

/// How a load treats bad rows.
public struct LoadOptions: Sendable {
    /// Stop at the first row lenient mode would skip or report.
    public var strict = false
    /// How many issues of each list to keep (all are counted).
    public var listLimit = 100
    /// The reasoning lexicon for prompt flags.
    public var lexicon = ReasoningLexicon.standard
    /// Plain JSONL query files are parsed in slices of about this many bytes (tests make it small
    /// to exercise the merge; the result never depends on it).
    var sliceBytes = 64 << 20
    /// Loading threads (0: one per core).
    var workers = 0
    /// Whether slices are shared by owner (`QueryLineOwner`): nil judges each slice by its row
    /// order (tests force either way; the result never depends on it).
    var sharesSlices: Bool?

    /// Lenient defaults.
    public init(strict: Bool = false) { self.strict = strict }
}

/// Collects issues during a load; in strict mode the first one stops it.
final class IssueLog {
    let options: LoadOptions
    var report: LoadReport
    private(set) var failure: LoadFailure?
    /// Timestamps with no zone, by file, until reported (see `ZonelessTimes`).
    var zonelessTimes: [String: ZonelessTimes] = [:]
    /// Query rows with an extra key that is not valid UTF-8, by file, until reported (`KeysNotUTF8`).
    var keysNotUTF8: [String: KeysNotUTF8] = [:]
    /// Account rows giving an extra key twice, by file, until reported (`AccountKeysTwice`).
    var accountKeysTwice: [String: AccountKeysTwice] = [:]
    /// Files skipped whole in lenient mode because their header lacks a required column or cannot
    /// be read, with the failure (`CaseLoader.skipUnreadableFile`): when they are all the query
    /// files there are, the load has no queries to give and stops on the first.
    var headerFailures: [String: LoadFailure] = [:]

    init(options: LoadOptions) {
        self.options = options
        report = LoadReport()
    }

    /// Records a skipped row; returns false when the load must stop.
    func skip(_ file: String, _ line: Int, _ reason: String) -> Bool {
        report.skippedCount += 1
        if report.skipped.count < options.listLimit {
            report.skipped.append(LoadIssue(file: file, line: line, reason: reason))
        }
        return stopIfStrict(file, line, reason)
    }

    /// Records that `file` lost rows past a point, how many unknown (its skipped row is recorded
    /// by `skip`).
    func lostUnknown(_ file: String) {
        if !report.filesWithUncountedLoss.contains(file) { report.filesWithUncountedLoss.append(file) }
    }

    /// Records a row kept without one of its values; returns false when the load must stop.
    func warn(_ file: String, _ line: Int, _ reason: String) -> Bool {
        report.warningCount += 1
        if report.warnings.count < options.listLimit {
            report.warnings.append(LoadIssue(file: file, line: line, reason: reason))
        }
        // Strict mode keeps nothing: "kept without it" would say the opposite of what happened.
        return stopIfStrict(file, line, options.strict ? Self.strictWording(reason) : reason)
    }

    /// A warning's reason as strict mode stops on it: what lenient mode would keep is not kept
    /// (`bad created_at 'x'; kept without it` -> `bad created_at 'x' (strict: the load stops)`);
    /// other reasons say nothing of keeping and stay as they are.
    static func strictWording(_ reason: String) -> String {
        for suffix in ["; the row is kept without it", "; kept without it"] where reason.hasSuffix(suffix) {
            return reason.dropLast(suffix.count) + " (strict: the load stops)"
        }
        return reason
    }

    private func stopIfStrict(_ file: String, _ line: Int, _ reason: String) -> Bool {
        guard options.strict else { return true }
        if failure == nil { failure = .strictRow(file: file, line: line, reason: reason) }
        return false
    }
}
