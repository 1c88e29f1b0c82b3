extension SourceFiles {
    /// Warnings for files that most likely hold one table twice: a file beside the same name
    /// without `.gz` in any letter case (what `gunzip -k` or `gzip -k` leaves), at the top level
    /// or in one folder under `queries/`. Both are read in full (their rows twice), and a strict load stops on
    /// the warning. Files of one table in two formats (`queries.csv` beside `queries.jsonl`) are
    /// read without one: an export may well split a table so.
    static func copyWarnings(
        accounts: [Entry], payments: [Entry], links: [Entry], queries: [Entry]
    ) -> [LoadIssue] {
        var out: [LoadIssue] = []
        let all = accounts + payments + links + queries
        // By name in any letter case (`part.jsonl` beside `PART.JSONL.gz`), within one folder.
        let byName = Dictionary(all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for entry in all where entry.name.lowercased().hasSuffix(".gz") {
            guard let plainEntry = byName[String(entry.name.lowercased().dropLast(3))] else { continue }
            let plain = plainEntry.name
            out.append(
                LoadIssue(
                    file: entry.name, line: 1,
                    reason: "the name of \(plain) with .gz, most likely a compressed copy of it (gunzip -k leaves both); "
                        + "both are read, so their rows are read twice: remove one"))
        }
        return out
    }
}
