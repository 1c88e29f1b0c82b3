import Foundation
import GRDB

/// `CaseTransaction` on a SQLite connection inside one of `CaseStore`'s transactions. Writes
/// run in IMMEDIATE transactions, which already hold the database's write lock, so locking a
/// case is reading its row.
struct SQLiteCaseTransaction: CaseTransaction {
    let db: Database

    func lockCase(_ id: String) throws -> StoredCase? { try fetchCase(id) }

    func fetchCase(_ id: String) throws -> StoredCase? {
        try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id]).map(Self.storedCase)
    }

    func fetchCases() throws -> [StoredCase] {
        try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY num").map(Self.storedCase)
    }

    func nextCaseNumber() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(num), 0) + 1 FROM cases") ?? 1
    }

    func insertCase(number: Int, info: CaseInfo) throws {
        try db.execute(
            sql: """
                INSERT INTO cases (num, id, title, status, severity, assignee, disposition, created_by, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?)
                """,
            arguments: [
                number, info.id, info.title, info.status.rawValue, info.severity, info.assignee, info.disposition,
                info.createdBy, info.createdAt, info.updatedAt,
            ])
    }

    func updateCase(_ id: String, column: CaseColumn, to value: String) throws {
        try db.execute(sql: "UPDATE cases SET \(column.rawValue) = ? WHERE id = ?", arguments: [value, id])
    }

    func addTag(caseID: String, kind: TagTargetKind, target: ExactText, label: String, who: String, at: String) throws
        -> Bool
    {
        // A standing tag stays as it is; a retracted one stands again, as added now. The statement
        // is compiled once per connection (a tag of 45,000 accounts runs it 45,000 times).
        try db.cachedStatement(
            sql: """
                INSERT INTO tags (case_id, target_kind, target, label, who, at) VALUES (?,?,?,?,?,?)
                ON CONFLICT (case_id, target_kind, target, label) DO UPDATE SET
                    who = excluded.who, at = excluded.at,
                    retracted_by = NULL, retracted_at = NULL, retract_reason = NULL
                WHERE tags.retracted_at IS NOT NULL
                """
        ).execute(arguments: [caseID, kind.rawValue, Data(target.bytes), label, who, at])
        return db.changesCount > 0
    }

    func retractTag(
        caseID: String, kind: TagTargetKind, target: ExactText, label: String, retraction: CaseRetraction
    ) throws -> Bool {
        try db.cachedStatement(
            sql: """
                UPDATE tags SET retracted_by = ?, retracted_at = ?, retract_reason = ?
                WHERE case_id = ? AND target_kind = ? AND target = ? AND label = ? AND retracted_at IS NULL
                """
        ).execute(
            arguments: [
                retraction.who, retraction.at, retraction.reason, caseID, kind.rawValue, Data(target.bytes), label,
            ])
        return db.changesCount > 0
    }

    func fetchTags(caseID: String) throws -> [StoredTag] {
        try Row.fetchAll(db, sql: "SELECT * FROM tags WHERE case_id = ?", arguments: [caseID]).map { row in
            StoredTag(
                kind: row["target_kind"], target: Self.exactBytes(row["target"]), label: row["label"], who: row["who"],
                at: row["at"], retracted: Self.retraction(row))
        }
    }

    func insertTag(caseID: String, _ tag: CaseTag) throws {
        try db.execute(
            sql: """
                INSERT INTO tags (case_id, target_kind, target, label, who, at, retracted_by, retracted_at, retract_reason)
                VALUES (?,?,?,?,?,?,?,?,?)
                """,
            arguments: [
                caseID, tag.kind.rawValue, Data(tag.target.bytes), tag.label, tag.who, tag.at, tag.retracted?.who,
                tag.retracted?.at, tag.retracted?.reason,
            ])
    }

    func cases(taggingAccount account: ExactText) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT case_id FROM tags
                WHERE target_kind = 'account' AND target = ? AND retracted_at IS NULL ORDER BY case_id
                """,
            arguments: [Data(account.bytes)])
    }

    func nextNoteNumber(caseID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(seq), 0) + 1 FROM notes WHERE case_id = ?", arguments: [caseID]) ?? 1
    }

    func insertNote(caseID: String, _ note: CaseNote) throws {
        try db.execute(
            sql: """
                INSERT INTO notes (case_id, seq, text, who, at, retracted_by, retracted_at, retract_reason)
                VALUES (?,?,?,?,?,?,?,?)
                """,
            arguments: [
                caseID, note.seq, note.text, note.who, note.at, note.retracted?.who, note.retracted?.at,
                note.retracted?.reason,
            ])
    }

    func retractNote(caseID: String, seq: Int, retraction: CaseRetraction) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE notes SET retracted_by = ?, retracted_at = ?, retract_reason = ?
                WHERE case_id = ? AND seq = ? AND retracted_at IS NULL
                """,
            arguments: [retraction.who, retraction.at, retraction.reason, caseID, seq])
        return db.changesCount == 1
    }

    func fetchNotes(caseID: String) throws -> [CaseNote] {
        try Row.fetchAll(db, sql: "SELECT * FROM notes WHERE case_id = ?", arguments: [caseID]).map { row in
            CaseNote(seq: row["seq"], text: row["text"], who: row["who"], at: row["at"], retracted: Self.retraction(row))
        }
    }

    func lastAuditLink(caseID: String) throws -> (seq: Int, hash: String)? {
        try Row.fetchOne(
            db, sql: "SELECT seq, hash FROM audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1", arguments: [caseID]
        ).map { ($0["seq"], $0["hash"]) }
    }

    func lastStateHash(caseID: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT hash FROM audit WHERE case_id = ? AND action != 'export' ORDER BY seq DESC LIMIT 1",
            arguments: [caseID])
    }

    func insertAudit(_ entry: AuditEntry) throws {
        try db.execute(
            sql: "INSERT INTO audit (case_id, seq, at, who, action, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
            arguments: [
                entry.caseID, entry.seq, entry.at, entry.who, entry.action, entry.detail.canonical, entry.prevHash,
                entry.hash,
            ])
    }

    func setAuditHead(caseID: String, hash: String, count: Int) throws -> Bool {
        try db.execute(
            sql: "UPDATE cases SET audit_head = ?, audit_count = ? WHERE id = ?", arguments: [hash, count, caseID])
        return db.changesCount == 1
    }

    func fetchAudit(caseID: String) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE case_id = ? ORDER BY seq", arguments: [caseID]).map { row in
            AuditEntry(
                seq: row["seq"], caseID: row["case_id"], at: row["at"], who: row["who"], action: row["action"],
                detail: AuditChain.detail(stored: row["detail"]), prevHash: row["prev_hash"], hash: row["hash"])
        }
    }

    static func storedCase(_ row: Row) -> StoredCase {
        let rawStatus: String = row["status"]
        return StoredCase(
            info: CaseInfo(
                id: row["id"], title: row["title"], status: CaseStatus(rawValue: rawStatus) ?? .open,
                severity: row["severity"], assignee: row["assignee"], disposition: row["disposition"],
                createdBy: row["created_by"], createdAt: row["created_at"], updatedAt: row["updated_at"]),
            rawStatus: rawStatus, auditHead: row["audit_head"], auditCount: row["audit_count"])
    }

    /// A target column as exact bytes: BLOB as stored, TEXT as its UTF-8 bytes.
    static func exactBytes(_ value: DatabaseValue) -> ExactText? {
        switch value.storage {
        case .blob(let data): return ExactText(bytes: data)
        case .string(let text): return ExactText(text)
        default: return nil
        }
    }

    static func retraction(_ row: Row) -> CaseRetraction? {
        guard let at: String = row["retracted_at"] else { return nil }
        let who: String? = row["retracted_by"], reason: String? = row["retract_reason"]
        return CaseRetraction(who: who ?? "", at: at, reason: reason ?? "")
    }
}

extension CaseTables {
    /// Reads case `caseID`'s rows from a SQLite connection; nil when there is no such case.
    static func read(_ db: Database, caseID: String) throws -> CaseTables? {
        try read(SQLiteCaseTransaction(db: db), caseID: caseID)
    }
}

extension AuditChain {
    /// Reads a case's chain from a SQLite connection, oldest first.
    static func entries(_ db: Database, caseID: String) throws -> [AuditEntry] {
        try SQLiteCaseTransaction(db: db).fetchAudit(caseID: caseID)
    }
}
