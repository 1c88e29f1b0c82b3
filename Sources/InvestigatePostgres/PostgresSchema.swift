import Foundation
import Investigate
import PostgresNIO

/// Brings a PostgreSQL database to the current schema (`CaseSchema.versions`, PostgreSQL
/// statements), one transaction per version under an advisory lock, so several first-time
/// users racing each other migrate it once. Refuses a database that holds other tables named
/// like ours, or one migrated by a newer version of the tool.
enum PostgresSchema {
    /// The advisory lock key serializing migrations.
    static let migrationLock: Int64 = 0x696E_7665_7374_6701

    /// Migrates when needed.
    /// - Throws: `CaseStoreError`, or a `PSQLError` to map.
    static func prepare(_ session: PostgresSession) throws {
        let known = CaseSchema.versions.map(\.identifier)
        if try Set(applied(session)) == Set(known) { return }
        // A session-level lock taken before each transaction begins: a transaction that began
        // before another migrator committed would see the catalog as it was (stale caches).
        _ = try session.run("SELECT pg_advisory_lock(\(migrationLock))")
        defer { _ = try? session.run("SELECT pg_advisory_unlock(\(migrationLock))") }
        try inTransaction(session) {
            if try !exists(session, "investigate_migrations") {
                if try exists(session, "cases") {
                    throw CaseStoreError(
                        .corrupt,
                        "\(session.target.display) holds a table named cases but is not a case store; nothing was written")
                }
                _ = try session.run(
                    "CREATE TABLE investigate_migrations (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
            }
        }
        for version in CaseSchema.versions {
            try inTransaction(session) {
                let done = try applied(session)
                if let unknown = done.first(where: { !known.contains($0) }) {
                    throw CaseStoreError(
                        .corrupt,
                        "\(session.target.display) was migrated by a newer version of investigate (\(inert(unknown))); nothing was written")
                }
                if !done.contains(version.identifier) {
                    for statement in statements(version.postgres) { _ = try session.run(PostgresQuery(unsafeSQL: statement)) }
                    _ = try session.run("INSERT INTO investigate_migrations (identifier) VALUES (\(version.identifier))")
                }
            }
        }
        let missing = try CaseSchema.tables.filter { try !exists(session, $0) }
        guard missing.isEmpty else {
            throw CaseStoreError(
                .corrupt,
                "\(session.target.display) is damaged: the table \(missing.joined(separator: ", ")) is missing; nothing was written")
        }
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back when it throws.
    static func inTransaction(_ session: PostgresSession, _ body: () throws -> Void) throws {
        _ = try session.run("BEGIN")
        do {
            try body()
            _ = try session.run("COMMIT")
        } catch {
            _ = try? session.run("ROLLBACK")
            throw error
        }
    }

    /// The versions applied, in order; empty when the record table does not exist.
    static func applied(_ session: PostgresSession) throws -> [String] {
        guard try exists(session, "investigate_migrations") else { return [] }
        return try session.run("SELECT identifier FROM investigate_migrations ORDER BY applied_at, identifier").rows.map {
            try $0.decode(String.self)
        }
    }

    /// True when the search path holds a table of that name.
    static func exists(_ session: PostgresSession, _ table: String) throws -> Bool {
        try session.run("SELECT to_regclass(\(table))::text AS name").rows.first?.makeRandomAccess()["name"]
            .decode(String?.self) != nil
    }

    /// A version's script split into statements (the extended protocol takes one at a time).
    static func statements(_ script: String) -> [String] {
        script.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty }
    }
}
