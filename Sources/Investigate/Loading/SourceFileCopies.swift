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
        out += folderBesideFileWarnings(queries)
        return out
    }

    /// A top-level query file beside a `queries/` folder: the format gives one or the other, and
    /// a copy of the file in the folder (or of the folder's files at the top) reads every row
    /// twice (a trial's `queries.jsonl` beside its copy in `queries/` counted 13,124 queries for
    /// 6,562, with no word). Both are read, nothing lost; the warning, at the top-level file's
    /// line 1, names the folder's files of the same size, the likeliest copies.
    static func folderBesideFileWarnings(_ queries: [Entry]) -> [LoadIssue] {
        let inFolder = queries.filter { $0.name.hasPrefix("queries/") }
        guard !inFolder.isEmpty else { return [] }
        return queries.filter { !$0.name.hasPrefix("queries/") }.map { top in
            let sameSize = inFolder.filter { $0.bytes == top.bytes }.map(\.name)
            let copies = sameSize.isEmpty
                ? ""
                : "; \(sameSize.prefix(3).joined(separator: ", "))\(sameSize.count > 3 ? " and \(sameSize.count - 3) more" : "") "
                    + "\(sameSize.count == 1 ? "has" : "have") its size, most likely a copy"
            return LoadIssue(
                file: top.name, line: 1,
                reason: "read beside a queries/ folder of \(inFolder.count) \(inFolder.count == 1 ? "file" : "files") (a source gives "
                    + "one or the other); both are read, so rows in both count twice\(copies): remove one")
        }
    }
}
