/// The refusal of an export that could not read again, from the source files, rows it loaded.
///
/// The engine keeps prompts, extra keys and emails on disk and reads each exported row again by
/// the line it was loaded from; a line that no longer holds that row (another row, another time
/// or account, a line that no longer parses, a file gone) means the files changed since the
/// load. Writing the loaded values in its place would sign a bundle that differs from the
/// source (a prompt as null, its extra keys gone), so the export writes nothing instead, and
/// says how many rows of which file, and what to do: load the source again and export again.
public enum SourceChangedSinceLoad {
    /// The refusal, or nil when every row was read again. `queries` and `accounts` count the
    /// rows not read again by file index (`QueryTable.files`, `SourceFiles.accounts`).
    static func refusal(queries: [Int: Int], accounts: [Int: Int], data: CaseData) -> BundleError? {
        guard let (listed, total, inAll) = listing(queries: queries, accounts: accounts, data: data) else { return nil }
        return BundleError(
            "the source changed since it was loaded: \(listed) could not be read again\(inAll)"
                + "; nothing was exported: load it again (--fresh) and export again",
            brief: [
                "source changed since load: \(listed) unreadable; reload (--fresh)",
                "source changed since load: \(total) \(total == 1 ? "row" : "rows") unreadable; reload (--fresh)",
            ])
    }

    /// The same finding for a command that prints query rows as it reads them again
    /// (`queries`): which files' rows could not be read again and how many, then `outcome`
    /// (what was done about them); nil when every row was read again.
    public static func message(queries: [Int: Int], data: CaseData, outcome: String) -> String? {
        guard let (listed, _, inAll) = listing(queries: queries, accounts: [:], data: data) else { return nil }
        return "the source changed since it was loaded: \(listed) could not be read again\(inAll); " + outcome
    }

    /// `N rows of FILE, ...`, the total, and ` (T rows in all)` when more than one file is
    /// named (else empty); nil when no row is counted.
    private static func listing(queries: [Int: Int], accounts: [Int: Int], data: CaseData) -> (String, Int, String)? {
        let named =
            counts(accounts, names: data.files.accounts.map(\.name), paths: data.files.accounts.map(\.path))
            + counts(queries, names: data.files.queries.map(\.name), paths: data.queries.files)
        guard !named.isEmpty else { return nil }
        let total = named.reduce(0) { $0 + $1.rows }
        let listed = named.prefix(3).map { "\($0.rows) \($0.rows == 1 ? "row" : "rows") of \($0.name)" }
            .joined(separator: ", ") + (named.count > 3 ? ", ..." : "")
        return (listed, total, named.count == 1 ? "" : " (\(total) rows in all)")
    }

    /// Each file with rows not read again, in file order, by its name in the source (made inert).
    private static func counts(_ byFile: [Int: Int], names: [String], paths: [String]) -> [(name: String, rows: Int)] {
        byFile.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { file, rows in
            let name = file < names.count ? names[file]
                : TextEscaping.visible(String(paths[safe: file]?.split(separator: "/").last ?? "a source file"), limit: 80)
            return (name, rows)
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
