import Foundation
import Investigate
import PostgresNIO

/// The case store on a PostgreSQL server, shared by a team: the same cases, tags, notes and
/// audit chain as the SQLite `CaseStore`, written by the same code (`CaseStoring`).
///
/// Every write is one transaction that locks its case row first (`SELECT ... FOR UPDATE`), so
/// writers in many processes and hosts append to a case's chain one at a time, and returns only
/// after `COMMIT` succeeded. When the connection is lost the store connects again and retries for
/// up to 20 seconds (`patience` when shorter); when it is lost during `COMMIT` itself, the store reconnects and
/// looks for the audit entry the write appended (its hash is unique) to learn whether it
/// committed, so a write is never reported saved unless it was, and never applied twice.
/// When the server stays unreachable, operations fail with `CaseStoreError(.unreachable)`.
///
/// Calls are synchronous and serialized (one connection per store): they block the calling
/// thread on PostgresNIO futures, which run on `PostgresSession.loops`.
public final class PostgresCaseStore: CaseStoring, @unchecked Sendable {
    /// The server and database.
    public let target: PostgresTarget
    /// `<os user> as <database role>`: who the writes are recorded as.
    public let user: String
    /// The operating-system account (what a bundle manifest names).
    public let investigator: String
    /// The source of timestamps.
    public let clock: any CaseClock
    /// How long a write waits for a case's lock, in seconds.
    let patience: Double
    /// How long an operation keeps trying to reach the server (a restart takes seconds), in seconds.
    var reconnectWindow: Double { min(patience, 20) }
    private var session: PostgresSession?
    private let lock = NSLock()

    /// Where the store is: the URL without its password.
    public var location: String { target.display }

    /// Connects to the server named by `url` (see `PostgresTarget`), migrating the schema when needed.
    /// - Parameters:
    ///   - user: the operating-system account to record (default: the one running the tool).
    ///   - patience: how long a write waits for a case another writer holds, and (up to 20 s)
    ///     for an unreachable server, in seconds.
    /// - Throws: `CaseStoreError`.
    public init(
        url: String, clock: any CaseClock = SystemClock(), user: String? = nil, patience: Double = 60,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        target = try PostgresTarget(url: url, environment: environment)
        self.clock = clock
        self.patience = patience
        investigator = user ?? InvestigatePaths.currentUser()
        let first = try Self.connect(target, patience: min(patience, 20), lockTimeout: patience)
        session = first
        self.user = investigator + " as " + first.role
        do {
            try PostgresSchema.prepare(first)
        } catch {
            first.close()
            throw PostgresErrors.describe(error, target: target)
        }
    }

    deinit { session?.close() }

    /// Closes the connection (the next operation opens a new one).
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        session?.close()
        session = nil
    }

    /// Runs `body` in `BEGIN ... COMMIT` and returns after the commit succeeded; see the type's
    /// notes for what happens when the connection is lost.
    public func inWriteTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", body)
    }

    /// Runs `body` on one snapshot (`REPEATABLE READ READ ONLY`).
    public func inReadTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T>(begin: PostgresQuery, _ body: (any CaseTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(reconnectWindow)
        var delay = 0.05
        while true {
            var committing = false
            var tx: PostgresCaseTransaction?
            var computed: T?
            do {
                let current = try liveSession(deadline: deadline)
                let attempt = PostgresCaseTransaction(session: current)
                tx = attempt
                _ = try current.run(begin)
                let result: T
                do {
                    result = try body(attempt)
                } catch {
                    if !PostgresErrors.isConnectionLost(error) { _ = try? current.run("ROLLBACK") }
                    throw error
                }
                computed = result
                committing = true
                _ = try current.run("COMMIT")
                return result
            } catch {
                let lost = PostgresErrors.isConnectionLost(error)
                // What the body threw of its own (a missing case, a failed bundle commit) goes out as it is.
                guard lost || error is PSQLError else { throw error }
                if lost { dropSession() }
                if committing, lost, let entry = tx?.appended {
                    // The COMMIT went out and the answer did not come back: did it commit?
                    // The body is not run again when it did: its result was computed before COMMIT.
                    if try committed(entry, deadline: deadline), let computed { return computed }
                }
                // Otherwise nothing was committed (every write appends an entry): try again.
                guard lost || PostgresErrors.isRetryable(error), Date() < deadline else {
                    throw PostgresErrors.describe(error, target: target)
                }
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 1)
            }
        }
    }

    /// Learns whether `entry` committed, reconnecting until `deadline`; the case row's lock is
    /// taken first, so a transaction still finishing on the server is waited for.
    private func committed(_ entry: AuditEntry, deadline: Date) throws -> Bool {
        while true {
            do {
                let current = try liveSession(deadline: deadline)
                _ = try current.run("BEGIN")
                defer { _ = try? current.run("ROLLBACK") }
                _ = try current.run("SELECT 1 FROM cases WHERE id = \(entry.caseID) FOR UPDATE")
                let found = try current.run(
                    "SELECT hash FROM audit WHERE case_id = \(entry.caseID) AND seq = \(entry.seq)"
                ).rows.first?.decode(String.self)
                return found == entry.hash
            } catch {
                guard PostgresErrors.isConnectionLost(error), Date() < deadline else {
                    throw CaseStoreError(
                        .unreachable,
                        "the connection to \(location) was lost while committing and the server stayed unreachable; "
                            + "the change may not have been saved")
                }
                dropSession()
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    private func liveSession(deadline: Date) throws -> PostgresSession {
        if let session, !session.isClosed { return session }
        dropSession()
        let fresh = try Self.connect(target, patience: max(0, deadline.timeIntervalSinceNow), lockTimeout: patience)
        session = fresh
        return fresh
    }

    private func dropSession() {
        session?.close()
        session = nil
    }

    /// Connects, retrying while the server cannot be reached, for up to `patience` seconds.
    static func connect(_ target: PostgresTarget, patience: Double, lockTimeout: Double) throws -> PostgresSession {
        let deadline = Date().addingTimeInterval(patience)
        var delay = 0.1
        while true {
            do {
                return try PostgresSession(target: target, lockTimeout: max(lockTimeout, 1))
            } catch let error as CaseStoreError where error.kind == .unreachable && Date() < deadline {
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 1)
            }
        }
    }
}
