import Crypto

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
        for table in [accounts, payments, links, queries] { out += identicalFileWarnings(table) }
        return out
    }

    /// Files of one table with the same size and the same first and last 16 KiB (all of a file
    /// up to 32 KiB), under other names: a re-download's `part-001 (1).jsonl`, a retried export
    /// (a trial's two identical files under `queries/` counted 17,376 queries for 8,688, with no
    /// word). Each longer name (then each later one) is warned of at its line 1, naming the first; both are read, nothing
    /// lost. Only files sharing a size are read (32 KiB each at most, opened without blocking); a
    /// top-level query file and a file under `queries/` are left to `folderBesideFileWarnings`.
    static func identicalFileWarnings(_ table: [Entry]) -> [LoadIssue] {
        let bySize = Dictionary(grouping: table.filter { $0.bytes > 0 }, by: \.bytes).values.filter { $0.count > 1 }
        var out: [LoadIssue] = []
        for group in bySize {
            var firstWithDigest: [[UInt8]: Entry] = [:]
            // The likelier original first: the shorter name (a copy's `part-001 (1).jsonl`, `copy of ...`), then name order.
            for entry in group.sorted(by: { ($0.name.utf8.count, $0.name) < ($1.name.utf8.count, $1.name) }) {
                var hasher = SHA256()
                guard SourceFileEdges.add(entry.path, edgeBytes: CaseSource.edgeBytes, modificationTime: false, to: &hasher) else { continue }
                // Keyed apart for the top level and `queries/` (the folder's own warning covers a pair across them).
                let digest = Array(hasher.finalize()) + [entry.name.hasPrefix("queries/") ? 1 : 0]
                guard let first = firstWithDigest[digest] else {
                    firstWithDigest[digest] = entry
                    continue
                }
                // Names alike but for letter case have their own warning (`SourceFiles`).
                if first.name.lowercased() == entry.name.lowercased() { continue }
                out.append(
                    LoadIssue(
                        file: entry.name, line: 1,
                        reason: "the same size (\(entry.bytes) bytes) and the same first and last 16 KiB as \(first.name): most likely a "
                            + "copy of it; both are read, so their rows count twice: remove one"))
            }
        }
        return out.sorted { $0.file < $1.file }
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
