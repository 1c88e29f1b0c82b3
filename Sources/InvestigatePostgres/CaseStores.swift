import Investigate

/// Opens the case store a `--db` value or `$INVESTIGATE_DB` names: a `postgresql://` URL opens
/// `PostgresCaseStore`, anything else is the path of a SQLite `CaseStore`.
public enum CaseStores {
    /// Opens (creating or migrating when needed) the store at `location`.
    /// - Parameter patience: how long to wait for other writers, or for an unreachable server, in seconds.
    /// - Throws: `CaseStoreError`.
    public static func open(_ location: String, patience: Double = 60) throws -> any CaseStoring {
        if PostgresTarget.isURL(location) { return try PostgresCaseStore(url: location, patience: patience) }
        return try CaseStore(path: location, patience: patience)
    }
}
