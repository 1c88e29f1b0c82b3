/// Query timestamps out of the population's time: rows a year's silence or more away from the
/// stretch where the population's queries lie (`ActivityWindow`, measured from the loaded rows
/// themselves), such as `ts: 0` (1970), year 0000, or a 9999-12-31 "never" placeholder. The
/// value is valid, so a lenient load keeps the row (shown and exported as written) and leaves it
/// out of the timing analysis, and says so once per query file, with the count and the first
/// line, as it does for zone-less timestamps (`ZonelessTimes`); a strict load stops at the first.
extension IssueLog {
    /// Warns about the rows of `queries` outside `window`: one warning per query file (named as
    /// `names`, in the order of `queries.files`), in the files' order, each counted once per row.
    /// - Complexity: O(accounts) when every row is in the window; otherwise O(queries of the
    ///   accounts with a row outside).
    func reportOutlyingTimes(_ queries: QueryTable, names: [String], window: ActivityWindow) {
        guard !window.holdsEveryRow else { return }
        var byFile: [Int: (count: Int, line: Int, millis: Int64)] = [:]
        for account in 0..<max(0, queries.accountStart.count - 1) {
            let rows = queries.rows(of: account)
            guard !rows.isEmpty else { continue }
            // Rows are oldest first: an account inside at both ends is inside throughout.
            if window.contains(queries.timestamp(rows.lowerBound)), window.contains(queries.timestamp(rows.upperBound - 1)) {
                continue
            }
            for row in rows {
                let millis = queries.timestamp(row)
                if window.contains(millis) { continue }
                let (file, line) = queries.source(ofRow: row)
                var entry = byFile[file] ?? (0, Int.max, 0)
                entry.count += 1
                if line < entry.line { (entry.line, entry.millis) = (line, millis) }
                byFile[file] = entry
            }
        }
        let span = "\(Timestamp.format(millis: window.first)) to \(Timestamp.format(millis: window.last))"
        for file in byFile.keys.sorted() {
            guard let entry = byFile[file], file < names.count else { continue }
            let value = "ts \(Timestamp.format(millis: entry.millis))"
            let away = "a year's silence or more away from the population's queries (\(span))"
            if options.strict {
                _ = warn(names[file], entry.line, "\(value) lies \(away) (strict: the load stops)")
                return
            }
            let reason =
                entry.count == 1
                ? "\(value) lies \(away); the row is kept, out of the timing analysis"
                : "\(entry.count) timestamps lie \(away), the first here (\(value)); the rows are kept, out of the timing analysis"
            _ = warn(names[file], entry.line, reason)
            report.warningCount += entry.count - 1
        }
    }
}
