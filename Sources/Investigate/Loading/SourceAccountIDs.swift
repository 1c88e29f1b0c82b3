/// The account ids a case source lists, read without loading the source: one pass over its
/// accounts files (the `account_id` column only, its exact bytes as the loader reads them), none
/// over its queries. A query for an account no accounts file lists is skipped by the
/// load, so these are the ids the loaded source can hold. `case tag` checks the ids it is given
/// against the case's recorded source this way: a source of ten million queries keeps its
/// accounts in files of a few megabytes, and loading the queries to answer would take seconds.
public enum SourceAccountIDs {
    static let schema = TableSchema(columns: ["account_id"], required: ["account_id"])

    /// Those of `ids` that no accounts file of `files` lists, in the order given (each once).
    /// - Complexity: one pass over the accounts files; stops early once every id is found.
    /// - Throws: `LoadFailure` when an accounts file cannot be read.
    public static func absent(_ ids: [ExactText], from files: SourceFiles) throws -> [ExactText] {
        var missing = Set(ids.map(\.bytes))
        var scratch: [UInt8] = []
        for entry in files.accounts where !missing.isEmpty {
            var reader = TableReader(path: entry.path, displayName: entry.name, schema: schema)
            reader.keepsExtras = false
            try reader.forEachRow(onError: { _, _ in true }) { row in
                FieldParsing.copyAccountID(row, 0, into: &scratch)
                missing.remove(scratch)
                return !missing.isEmpty
            }
        }
        var said = Set<[UInt8]>()
        return ids.filter { missing.contains($0.bytes) && said.insert($0.bytes).inserted }
    }
}
