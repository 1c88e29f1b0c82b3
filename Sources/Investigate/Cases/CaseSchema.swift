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
        return migrator
    }
}
