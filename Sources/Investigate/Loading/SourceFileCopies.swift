extension SourceFiles {
    /// Warnings for files that most likely hold one table twice: a file beside the same name
    /// without `.gz` (what `gunzip -k` or `gzip -k` leaves), at the top level or under
    /// `queries/`. Both are read in full (rows in both count twice), and a strict load stops on
    /// the warning. Files of one table in two formats (`queries.csv` beside `queries.jsonl`) are
    /// read without one: an export may well split a table so.
    static func copyWarnings(
        accounts: [Entry], payments: [Entry], links: [Entry], queries: [Entry]
    ) -> [LoadIssue] {
        var out: [LoadIssue] = []
        let all = accounts + payments + links + queries
        let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in all where entry.name.lowercased().hasSuffix(".gz") {
            let plain = String(entry.name.dropLast(3))
            guard byName[plain] != nil else { continue }
            out.append(
                LoadIssue(
                    file: entry.name, line: 1,
                    reason: "the name of \(plain) with .gz, most likely a compressed copy of it (gunzip -k leaves both); "
                        + "both are read, so rows in both count twice: remove one"))
        }
        return out
    }
}
