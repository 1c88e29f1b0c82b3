import GRDB

/// The schema of the case store, for both backends, in one place: each version's statements in
/// the SQLite dialect and in the PostgreSQL one. Append new versions; never edit one that shipped.
///
/// SQLite applies them through GRDB's `DatabaseMigrator` (recorded in `grdb_migrations`);
/// PostgreSQL through `PostgresSchema` (recorded in `investigate_migrations`), one transaction
/// per version under an advisory lock.
public enum CaseSchema {
    /// One version of the schema.
    public struct Version: Sendable {
        /// Its name, as the migration records keep it.
        public let identifier: String
        /// Its statements for SQLite.
        public let sqlite: String
        /// Its statements for PostgreSQL.
        public let postgres: String
    }

    /// Every version, oldest first.
    public static let versions: [Version] = [v1, v2]

    /// The tables every healthy store holds.
    public static let tables = ["cases", "tags", "notes", "audit"]

    /// The SQLite migrator over `versions`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for version in versions {
            migrator.registerMigration(version.identifier) { db in try db.execute(sql: version.sqlite) }
        }
        return migrator
    }

    /// v1: cases, tags, notes and the audit chain.
    static let v1 = Version(
        identifier: "v1-cases-tags-notes-audit",
        sqlite: """
            CREATE TABLE IF NOT EXISTS cases (
                num INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open','triage','confirmed','dismissed','closed')),
                severity TEXT NOT NULL DEFAULT '',
                assignee TEXT NOT NULL DEFAULT '',
                disposition TEXT NOT NULL DEFAULT '',
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tags (
                id INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                target_kind TEXT NOT NULL CHECK (target_kind IN ('account','cluster','value')),
                target TEXT NOT NULL,
                label TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (case_id, target_kind, target, label));
            CREATE INDEX IF NOT EXISTS tags_by_target ON tags(target_kind, target);
            CREATE TABLE IF NOT EXISTS notes (
                id INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                seq INTEGER NOT NULL,
                text TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (case_id, seq));
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                seq INTEGER NOT NULL,
                at TEXT NOT NULL,
                who TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                UNIQUE (case_id, seq));
            """,
        postgres: """
            CREATE TABLE cases (
                num INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open','triage','confirmed','dismissed','closed')),
                severity TEXT NOT NULL DEFAULT '',
                assignee TEXT NOT NULL DEFAULT '',
                disposition TEXT NOT NULL DEFAULT '',
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE tags (
                id BIGSERIAL PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                target_kind TEXT NOT NULL CHECK (target_kind IN ('account','cluster','value')),
                target TEXT NOT NULL,
                label TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                CONSTRAINT tags_one_label UNIQUE (case_id, target_kind, target, label));
            CREATE INDEX tags_by_target ON tags(target_kind, target);
            CREATE TABLE notes (
                id BIGSERIAL PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                seq INTEGER NOT NULL,
                text TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (case_id, seq));
            CREATE TABLE audit (
                id BIGSERIAL PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                seq INTEGER NOT NULL,
                at TEXT NOT NULL,
                who TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                UNIQUE (case_id, seq));
            """)

    /// v2: tag targets become exact bytes (BLOB, BYTEA; old text targets keep their UTF-8
    /// bytes), tags and notes gain retraction columns (withdrawn, never deleted), and each case
    /// row keeps its audit chain's head and length, so a truncated chain is seen.
    static let v2 = Version(
        identifier: "v2-exact-targets-retractions-head",
        sqlite: """
            CREATE TABLE tags_v2 (
                id INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                target_kind TEXT NOT NULL CHECK (target_kind IN ('account','cluster','value')),
                target BLOB NOT NULL CHECK (typeof(target) = 'blob' AND length(target) > 0),
                label TEXT NOT NULL,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                retracted_by TEXT,
                retracted_at TEXT,
                retract_reason TEXT,
                UNIQUE (case_id, target_kind, target, label));
            INSERT INTO tags_v2 (id, case_id, target_kind, target, label, who, at)
                SELECT id, case_id, target_kind, CAST(target AS BLOB), label, who, at FROM tags;
            DROP TABLE tags;
            ALTER TABLE tags_v2 RENAME TO tags;
            CREATE INDEX tags_by_target ON tags(target_kind, target);
            ALTER TABLE notes ADD COLUMN retracted_by TEXT;
            ALTER TABLE notes ADD COLUMN retracted_at TEXT;
            ALTER TABLE notes ADD COLUMN retract_reason TEXT;
            ALTER TABLE cases ADD COLUMN audit_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE cases ADD COLUMN audit_head TEXT NOT NULL DEFAULT '\(AuditChain.genesis)';
            UPDATE cases SET
                audit_count = (SELECT COUNT(*) FROM audit WHERE audit.case_id = cases.id),
                audit_head = IFNULL(
                    (SELECT hash FROM audit WHERE audit.case_id = cases.id ORDER BY seq DESC LIMIT 1),
                    '\(AuditChain.genesis)');
            """,
        postgres: """
            ALTER TABLE tags DROP CONSTRAINT tags_one_label;
            DROP INDEX tags_by_target;
            ALTER TABLE tags ALTER COLUMN target TYPE BYTEA USING convert_to(target, 'UTF8');
            -- A target holds up to 4096 bytes, more than a btree entry may: index its sha256.
            CREATE UNIQUE INDEX tags_one_label ON tags (case_id, target_kind, sha256(target), label);
            CREATE INDEX tags_by_target ON tags (target_kind, sha256(target));
            ALTER TABLE tags ADD CONSTRAINT tags_target_not_empty CHECK (length(target) > 0);
            ALTER TABLE tags ADD COLUMN retracted_by TEXT, ADD COLUMN retracted_at TEXT, ADD COLUMN retract_reason TEXT;
            ALTER TABLE notes ADD COLUMN retracted_by TEXT, ADD COLUMN retracted_at TEXT, ADD COLUMN retract_reason TEXT;
            ALTER TABLE cases ADD COLUMN audit_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE cases ADD COLUMN audit_head TEXT NOT NULL DEFAULT '\(AuditChain.genesis)';
            UPDATE cases SET
                audit_count = (SELECT COUNT(*) FROM audit WHERE audit.case_id = cases.id),
                audit_head = COALESCE(
                    (SELECT hash FROM audit WHERE audit.case_id = cases.id ORDER BY seq DESC LIMIT 1),
                    '\(AuditChain.genesis)');
            """)
}
