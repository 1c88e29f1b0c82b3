import Investigate
import NIOCore
import PostgresNIO

/// `CaseTransaction` on one PostgreSQL connection inside `BEGIN ... COMMIT`. Every write first
/// locks the case row (`SELECT ... FOR UPDATE`), so writers on other connections and hosts
/// append to a case's audit chain one at a time; case creation takes a transaction-scoped
/// advisory lock so case numbers are handed out one at a time.
final class PostgresCaseTransaction: CaseTransaction {
    let session: PostgresSession
    /// The audit entry this transaction appended (to learn, after a lost connection, whether it committed).
    private(set) var appended: AuditEntry?

    /// The advisory lock key serializing case creation.
    static let creationLock: Int64 = 0x696E_7665_7374_6700  // "investg\0"

    init(session: PostgresSession) { self.session = session }

    private func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        try session.run(query).rows.map { $0.makeRandomAccess() }
    }

    private func changed(_ query: PostgresQuery) throws -> Int {
        try session.run(query).metadata.rows ?? 0
    }

    static let caseColumns = """
        id, title, status, severity, assignee, disposition, created_by, created_at, updated_at, audit_head, audit_count
        """

    func lockCase(_ id: String) throws -> StoredCase? {
        try rows("SELECT \(unescaped: Self.caseColumns) FROM cases WHERE id = \(id) FOR UPDATE").first.map(Self.storedCase)
    }

    func fetchCase(_ id: String) throws -> StoredCase? {
        try rows("SELECT \(unescaped: Self.caseColumns) FROM cases WHERE id = \(id)").first.map(Self.storedCase)
    }

    func fetchCases() throws -> [StoredCase] {
        try rows("SELECT \(unescaped: Self.caseColumns) FROM cases ORDER BY num").map(Self.storedCase)
    }

    func nextCaseNumber() throws -> Int {
        _ = try session.run("SELECT pg_advisory_xact_lock(\(Self.creationLock))")
        return try rows("SELECT (COALESCE(MAX(num), 0) + 1)::bigint AS next FROM cases").first?["next"].decode(Int.self) ?? 1
    }

    func insertCase(number: Int, info: CaseInfo) throws {
        _ = try session.run(
            """
            INSERT INTO cases (num, id, title, status, severity, assignee, disposition, created_by, created_at, updated_at)
            VALUES (\(number), \(info.id), \(info.title), \(info.status.rawValue), \(info.severity), \(info.assignee),
                    \(info.disposition), \(info.createdBy), \(info.createdAt), \(info.updatedAt))
            """)
    }

    func updateCase(_ id: String, column: CaseColumn, to value: String) throws {
        _ = try session.run("UPDATE cases SET \(unescaped: column.rawValue) = \(value) WHERE id = \(id)")
    }

    func addTag(caseID: String, kind: TagTargetKind, target: ExactText, label: String, who: String, at: String) throws
        -> Bool
    {
        // A standing tag stays as it is; a retracted one stands again, as added now.
        try changed(
            """
            INSERT INTO tags (case_id, target_kind, target, label, who, at)
            VALUES (\(caseID), \(kind.rawValue), \(ByteBuffer(bytes: target.bytes)), \(label), \(who), \(at))
            ON CONFLICT (case_id, target_kind, sha256(target), label) DO UPDATE SET
                who = excluded.who, at = excluded.at, retracted_by = NULL, retracted_at = NULL, retract_reason = NULL
            WHERE tags.retracted_at IS NOT NULL
            """) > 0
    }

    func retractTag(
        caseID: String, kind: TagTargetKind, target: ExactText, label: String, retraction: CaseRetraction
    ) throws -> Bool {
        try changed(
            """
            UPDATE tags SET retracted_by = \(retraction.who), retracted_at = \(retraction.at),
                retract_reason = \(retraction.reason)
            WHERE case_id = \(caseID) AND target_kind = \(kind.rawValue)
                AND sha256(target) = sha256(\(ByteBuffer(bytes: target.bytes))) AND target = \(ByteBuffer(bytes: target.bytes))
                AND label = \(label) AND retracted_at IS NULL
            """) > 0
    }

    func fetchTags(caseID: String) throws -> [StoredTag] {
        try rows(
            """
            SELECT target_kind, target, label, who, at, retracted_by, retracted_at, retract_reason
            FROM tags WHERE case_id = \(caseID)
            """
        ).map { row in
            StoredTag(
                kind: try row["target_kind"].decode(String.self),
                target: try row["target"].decode(ByteBuffer?.self).map { ExactText(bytes: $0.readableBytesView) },
                label: try row["label"].decode(String.self), who: try row["who"].decode(String.self),
                at: try row["at"].decode(String.self), retracted: try Self.retraction(row))
        }
    }

    func insertTag(caseID: String, _ tag: CaseTag) throws {
        _ = try session.run(
            """
            INSERT INTO tags (case_id, target_kind, target, label, who, at, retracted_by, retracted_at, retract_reason)
            VALUES (\(caseID), \(tag.kind.rawValue), \(ByteBuffer(bytes: tag.target.bytes)), \(tag.label), \(tag.who),
                    \(tag.at), \(tag.retracted?.who), \(tag.retracted?.at), \(tag.retracted?.reason))
            """)
    }

    func cases(taggingAccount account: ExactText) throws -> [String] {
        let bytes = ByteBuffer(bytes: account.bytes)
        return try rows(
            """
            SELECT DISTINCT case_id COLLATE "C" AS case_id FROM tags
            WHERE target_kind = 'account' AND sha256(target) = sha256(\(bytes)) AND target = \(bytes)
                AND retracted_at IS NULL
            ORDER BY 1
            """
        ).map { try $0["case_id"].decode(String.self) }
    }

    func nextNoteNumber(caseID: String) throws -> Int {
        try rows("SELECT (COALESCE(MAX(seq), 0) + 1)::bigint AS next FROM notes WHERE case_id = \(caseID)")
            .first?["next"].decode(Int.self) ?? 1
    }

    func insertNote(caseID: String, _ note: CaseNote) throws {
        _ = try session.run(
            """
            INSERT INTO notes (case_id, seq, text, who, at, retracted_by, retracted_at, retract_reason)
            VALUES (\(caseID), \(note.seq), \(note.text), \(note.who), \(note.at), \(note.retracted?.who),
                    \(note.retracted?.at), \(note.retracted?.reason))
            """)
    }

    func retractNote(caseID: String, seq: Int, retraction: CaseRetraction) throws -> Bool {
        try changed(
            """
            UPDATE notes SET retracted_by = \(retraction.who), retracted_at = \(retraction.at),
                retract_reason = \(retraction.reason)
            WHERE case_id = \(caseID) AND seq = \(seq) AND retracted_at IS NULL
            """) == 1
    }

    func fetchNotes(caseID: String) throws -> [CaseNote] {
        try rows(
            """
            SELECT seq, text, who, at, retracted_by, retracted_at, retract_reason FROM notes WHERE case_id = \(caseID)
            """
        ).map { row in
            CaseNote(
                seq: try row["seq"].decode(Int.self), text: try row["text"].decode(String.self),
                who: try row["who"].decode(String.self), at: try row["at"].decode(String.self),
                retracted: try Self.retraction(row))
        }
    }

    func lastAuditLink(caseID: String) throws -> (seq: Int, hash: String)? {
        try rows("SELECT seq, hash FROM audit WHERE case_id = \(caseID) ORDER BY seq DESC LIMIT 1").first.map { row in
            (try row["seq"].decode(Int.self), try row["hash"].decode(String.self))
        }
    }

    func lastStateHash(caseID: String) throws -> String? {
        try rows(
            "SELECT hash FROM audit WHERE case_id = \(caseID) AND action <> 'export' ORDER BY seq DESC LIMIT 1"
        ).first?["hash"].decode(String.self)
    }

    func insertAudit(_ entry: AuditEntry) throws {
        _ = try session.run(
            """
            INSERT INTO audit (case_id, seq, at, who, action, detail, prev_hash, hash)
            VALUES (\(entry.caseID), \(entry.seq), \(entry.at), \(entry.who), \(entry.action), \(entry.detail.canonical),
                    \(entry.prevHash), \(entry.hash))
            """)
        appended = entry
    }

    func setAuditHead(caseID: String, hash: String, count: Int) throws -> Bool {
        try changed("UPDATE cases SET audit_head = \(hash), audit_count = \(count) WHERE id = \(caseID)") == 1
    }

    func fetchAudit(caseID: String) throws -> [AuditEntry] {
        try rows(
            """
            SELECT seq, case_id, at, who, action, detail, prev_hash, hash FROM audit
            WHERE case_id = \(caseID) ORDER BY seq
            """
        ).map { row in
            AuditEntry(
                seq: try row["seq"].decode(Int.self), caseID: try row["case_id"].decode(String.self),
                at: try row["at"].decode(String.self), who: try row["who"].decode(String.self),
                action: try row["action"].decode(String.self),
                detail: AuditChain.detail(stored: try row["detail"].decode(String.self)),
                prevHash: try row["prev_hash"].decode(String.self), hash: try row["hash"].decode(String.self))
        }
    }

    static func storedCase(_ row: PostgresRandomAccessRow) throws -> StoredCase {
        let rawStatus = try row["status"].decode(String.self)
        return StoredCase(
            info: CaseInfo(
                id: try row["id"].decode(String.self), title: try row["title"].decode(String.self),
                status: CaseStatus(rawValue: rawStatus) ?? .open, severity: try row["severity"].decode(String.self),
                assignee: try row["assignee"].decode(String.self), disposition: try row["disposition"].decode(String.self),
                createdBy: try row["created_by"].decode(String.self), createdAt: try row["created_at"].decode(String.self),
                updatedAt: try row["updated_at"].decode(String.self)),
            rawStatus: rawStatus, auditHead: try row["audit_head"].decode(String.self),
            auditCount: try row["audit_count"].decode(Int.self))
    }

    static func retraction(_ row: PostgresRandomAccessRow) throws -> CaseRetraction? {
        guard let at = try row["retracted_at"].decode(String?.self) else { return nil }
        return CaseRetraction(
            who: try row["retracted_by"].decode(String?.self) ?? "", at: at,
            reason: try row["retract_reason"].decode(String?.self) ?? "")
    }
}
