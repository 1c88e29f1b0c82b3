import Foundation
import GRDB

/// The case store: cases, tags, notes and a hash-chained audit trail in one SQLite file.
///
/// Opened as a GRDB `DatabasePool` in WAL mode with `synchronous=FULL`: a write returns only
/// after its transaction is durably committed. Every write runs in an IMMEDIATE transaction
/// with a busy timeout and is retried on `SQLITE_BUSY`, so several processes can tag at once
/// without losing anything. SQLite failures come out as `CaseStoreError` with a plain message.
///
/// The audit trail is the source of truth: `snapshot` replays it (`CaseReplay`) and refuses a
/// case whose tables say anything else; `verify` names the first difference. Only a path that
/// does not exist is created; an empty, foreign or damaged file is refused before any write.
public final class CaseStore: CaseStoring, @unchecked Sendable {
    /// The database file.
    public let path: String
    /// Who the writes are recorded as.
    public let user: String
    /// The source of timestamps.
    public let clock: any CaseClock
    /// Who exports: the same account the writes are recorded as.
    public var investigator: String { user }
    /// The database file's path.
    public var location: String { path }
    let pool: DatabasePool
    /// How long a write waits for other writers before failing with `.locked`, in seconds.
    let patience: Double

    /// Opens (creating and migrating when needed) the store at `path`.
    /// - Parameters:
    ///   - clock: the source of timestamps (inject a fixed one in tests).
    ///   - user: the `who` of writes (default `$USER`).
    ///   - patience: how long to wait for other writers before giving up, in seconds.
    /// - Throws: `CaseStoreError`.
    public init(path: String, clock: any CaseClock = SystemClock(), user: String? = nil, patience: Double = 60) throws {
        self.path = path
        self.patience = patience
        self.clock = clock
        self.user = user ?? InvestigatePaths.currentUser()
        try InvestigatePaths.ensureParent(of: path)
        var config = Configuration()
        config.busyMode = .timeout(min(20, patience / 3))
        config.label = "investigate.cases"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        if try !CaseStoreFile.checkExisting(path) {
            try CaseStoreFile.create(path, configuration: config, patience: patience)
            _ = try CaseStoreFile.checkExisting(path)
        }
        try CaseStoreFile.makePrivate(path)
        let opened: DatabasePool = try Self.retrying(path: path, patience: patience) {
            try DatabasePool(path: path, configuration: config)
        }
        pool = opened
        try Self.retrying(path: path, patience: patience) {
            try Self.checkHealth(opened, path: path)
            let migrator = CaseSchema.migrator
            if try opened.read({ try migrator.hasCompletedMigrations($0) }) { return }
            try migrator.migrate(opened)
        }
        try CaseStoreFile.makePrivate(path)
    }

    /// Refuses a damaged database or one that is not a case store, so no write is ever
    /// acknowledged on it: `PRAGMA quick_check` must say ok, and the case tables (or, for a
    /// store from an older version, its migration record) must be there.
    /// - Throws: `CaseStoreError(.corrupt)`, or a `DatabaseError` to map.
    static func checkHealth(_ pool: DatabasePool, path: String) throws {
        try pool.read { db in
            let verdict: [String]
            do {
                verdict = try String.fetchAll(db, sql: "PRAGMA quick_check")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                verdict = [error.message ?? "malformed"]
            }
            guard verdict == ["ok"] else {
                throw CaseStoreError(
                    .corrupt, "\(path) is damaged (\(inert(verdict.prefix(3).joined(separator: "; ")))); nothing was written")
            }
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            guard tables.contains("grdb_migrations") else {
                throw CaseStoreError(.corrupt, "\(path) is a SQLite database but not a case store; nothing was written")
            }
            let missing = CaseSchema.tables.filter { !tables.contains($0) }
            guard missing.isEmpty else {
                throw CaseStoreError(
                    .corrupt, "\(path) is damaged: the table \(missing.joined(separator: ", ")) is missing; nothing was written")
            }
        }
    }

    /// Runs `body` in one IMMEDIATE transaction, retrying on `SQLITE_BUSY`; returns after commit.
    /// - Throws: `CaseStoreError`, or what `body` throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.retrying(path: path, patience: patience) {
            var result: T?
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
            return result!
        }
    }

    /// Runs `body` on a consistent read snapshot.
    /// - Throws: `CaseStoreError`, or what `body` throws.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.retrying(path: path, patience: patience) { try pool.read { try body($0) } }
    }

    /// Runs `body` in one IMMEDIATE transaction (`CaseStoring`'s writes), retrying on `SQLITE_BUSY`.
    public func inWriteTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T {
        try write { try body(SQLiteCaseTransaction(db: $0)) }
    }

    /// Runs `body` on a consistent read snapshot (`CaseStoring`'s reads).
    public func inReadTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T {
        try read { try body(SQLiteCaseTransaction(db: $0)) }
    }

    /// Calls `body`, retrying with backoff for up to `patience` seconds while the database is
    /// busy, and maps SQLite failures to `CaseStoreError`.
    static func retrying<T>(path: String, patience: Double, _ body: () throws -> T) throws -> T {
        var delay: UInt32 = 5_000
        var waited: UInt64 = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError {
                let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                let racingSchema = error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("already exists")
                if (busy || racingSchema) && Double(waited) < patience * 1_000_000 {
                    usleep(delay)
                    waited += UInt64(delay)
                    delay = min(delay * 2, 500_000)
                    continue
                }
                throw describe(error, path: path)
            } catch let error as CaseStoreError {
                throw error
            }
        }
    }

    /// Turns a SQLite error into a message that says what to do.
    static func describe(_ error: DatabaseError, path: String) -> CaseStoreError {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CaseStoreError(.locked, "the case store \(path) stayed locked by another process; try again")
        case .SQLITE_FULL:
            return CaseStoreError(.diskFull, "the disk holding \(path) is full; nothing was written")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return CaseStoreError(.unwritable, "cannot write the case store \(path): \(detail)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return CaseStoreError(.corrupt, "\(path) is not a readable case database: \(detail)")
        case .SQLITE_CONSTRAINT:
            return CaseStoreError(.invalidInput, "rejected by the case store: \(detail)")
        case .SQLITE_IOERR:
            return CaseStoreError(.io, "disk error on \(path): \(detail)")
        default:
            return CaseStoreError(.io, "case store \(path): \(detail)")
        }
    }
}
