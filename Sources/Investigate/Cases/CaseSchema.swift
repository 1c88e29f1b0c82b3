import GRDB

/// The schema of the case store, as `DatabaseMigrator` migrations (append new ones; never edit).
enum CaseSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-cases-tags-notes-audit") { db in
            try db.execute(
                sql: """
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
                    """)
        }
        migrator.registerMigration("v2-exact-targets-retractions-head", migrate: v2)
        return migrator
    }

    /// The tables every healthy store holds.
    static let tables = ["cases", "tags", "notes", "audit"]

    /// v2: tag targets become BLOBs (exact bytes; old TEXT targets keep their UTF-8 bytes),
    /// tags and notes gain retraction columns (withdrawn, never deleted), and each case row
    /// keeps its audit chain's head and length, so a truncated chain is seen.
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
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
                """)
    }
}
