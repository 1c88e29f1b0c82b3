/// What the export's load of the source skipped, as a bundle records it (signed, in the
/// manifest's `source.load`; repeated in `case.json` and in `report.html`'s "Evidence checks"):
/// rows skipped in all (exact), the load's warnings (each about rows kept, or a file), files that lost rows nobody can count,
/// and per file the skipped rows among those the load listed (`LoadOptions.listLimit`, the first
/// 100) with the first reasons. A clean load says 0. A trial exported a source whose lenient load
/// had skipped half of a ring member's queries, and nothing in the bundle said so.
struct SourceLoadRecord: Equatable {
    /// One file's skipped rows among those listed, and its first few (line, reason).
    struct FileSkips: Equatable {
        var file: String
        var rows: Int
        var first: [LoadIssue]
    }

    /// Rows skipped in all.
    var skippedRows: Int
    /// Skipped rows the load listed by file and line (the per-file figures count these).
    var listed: Int
    /// Per file, in the order first met.
    var byFile: [FileSkips]
    /// Files that lost rows nobody can count.
    var uncountedLossIn: [String]
    /// Rows kept without one of their values.
    var warnings: Int

    /// How many reasons a file's entry quotes.
    static let reasonsPerFile = 3

    /// The record of a load.
    init(_ report: LoadReport) {
        skippedRows = report.skippedCount
        listed = report.skipped.count
        var order: [String] = []
        var files: [String: FileSkips] = [:]
        for issue in report.skipped {
            if files[issue.file] == nil {
                order.append(issue.file)
                files[issue.file] = FileSkips(file: issue.file, rows: 0, first: [])
            }
            files[issue.file]!.rows += 1
            if files[issue.file]!.first.count < Self.reasonsPerFile { files[issue.file]!.first.append(issue) }
        }
        byFile = order.map { files[$0]! }
        uncountedLossIn = report.filesWithUncountedLoss
        warnings = report.warningCount
    }

    /// Nothing was skipped or lost.
    var isClean: Bool { skippedRows == 0 && uncountedLossIn.isEmpty }

    /// The record as the bundle writes it.
    var json: JSONValue {
        [
            "skipped_rows": .int(Int64(skippedRows)), "skipped_listed": .int(Int64(listed)),
            "skipped_by_file": .array(
                byFile.map { f in
                    [
                        "file": .string(f.file), "rows": .int(Int64(f.rows)),
                        "first": .array(f.first.map { ["line": .int(Int64($0.line)), "reason": .string($0.reason)] }),
                    ]
                }),
            "rows_lost_uncounted_in": .array(uncountedLossIn.map { .string($0) }),
            "load_warnings": .int(Int64(warnings)),
        ]
    }

    /// Reads a record back (`verify`); nil when it is not one the exporter writes.
    init?(json: JSONValue) {
        guard let skipped = json["skipped_rows"]?.intValue, let listed = json["skipped_listed"]?.intValue,
            let files = json["skipped_by_file"]?.arrayValue, let lost = json["rows_lost_uncounted_in"]?.arrayValue,
            let warnings = json["load_warnings"]?.intValue
        else { return nil }
        var byFile: [FileSkips] = []
        for f in files {
            guard let name = f["file"]?.stringValue, let rows = f["rows"]?.intValue, let first = f["first"]?.arrayValue else { return nil }
            var issues: [LoadIssue] = []
            for issue in first {
                guard let line = issue["line"]?.intValue, let reason = issue["reason"]?.stringValue else { return nil }
                issues.append(LoadIssue(file: name, line: Int(line), reason: reason))
            }
            byFile.append(FileSkips(file: name, rows: Int(rows), first: issues))
        }
        let lostFiles = lost.compactMap(\.stringValue)
        guard lostFiles.count == lost.count else { return nil }
        self.skippedRows = Int(skipped)
        self.listed = Int(listed)
        self.byFile = byFile
        self.uncountedLossIn = lostFiles
        self.warnings = Int(warnings)
        guard self.json == json else { return nil }
    }

    /// One line for people: `the source's load skipped 12 rows (queries.jsonl 12); 2 load warnings: ...`.
    var summary: String {
        guard !isClean else {
            return "the source's load skipped 0 rows" + (warnings > 0 ? " (\(ReportText.count(warnings, "load warning")))" : "")
        }
        var text = "the source's load skipped \(ReportText.count(skippedRows, "row"))"
        if !byFile.isEmpty {
            let partial = listed < skippedRows ? "; of the first \(listed) listed" : ""
            text += " (" + byFile.map { "\($0.file) \($0.rows)" }.joined(separator: ", ") + partial + ")"
        }
        if !uncountedLossIn.isEmpty {
            text += "; an unknown number of rows lost in " + uncountedLossIn.joined(separator: ", ")
        }
        if warnings > 0 { text += "; \(ReportText.count(warnings, "load warning"))" }
        return text + ": the bundle holds only what was loaded"
    }
}
