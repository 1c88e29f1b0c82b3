import GRDB

/// Reads: each runs on one consistent snapshot.
extension CaseStore {
    /// Every case, by id.
    /// - Throws: `CaseStoreError`.
    public func listCases() throws -> [CaseInfo] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY num").map(Self.info) }
    }

    /// One case with its tags, notes and audit chain.
    /// - Throws: `CaseStoreError` when the case does not exist.
    public func snapshot(caseID: String) throws -> CaseSnapshot {
        try read { db in
            guard let info = try Self.fetchInfo(db, caseID) else { throw CaseStoreError.noCase(caseID) }
            let tags = try Row.fetchAll(
                db, sql: "SELECT * FROM tags WHERE case_id = ? ORDER BY target_kind, target, label", arguments: [caseID]
            ).map { row in
                CaseTag(
                    kind: TagTargetKind(rawValue: row["target_kind"]) ?? .value, target: row["target"],
                    label: row["label"], who: row["who"], at: row["at"])
            }
            let notes = try Row.fetchAll(
                db, sql: "SELECT * FROM notes WHERE case_id = ? ORDER BY seq",
                arguments: [caseID]
            ).map { row in
                CaseNote(seq: row["seq"], text: row["text"], who: row["who"], at: row["at"])
            }
            return CaseSnapshot(info: info, tags: tags, notes: notes, audit: try AuditChain.entries(db, caseID: caseID))
        }
    }

    /// The audit chain of a case, oldest first.
    /// - Throws: `CaseStoreError` when the case does not exist.
    public func auditEntries(caseID: String) throws -> [AuditEntry] {
        try read { db in
            guard try Self.fetchInfo(db, caseID) != nil else { throw CaseStoreError.noCase(caseID) }
            return try AuditChain.entries(db, caseID: caseID)
        }
    }

    /// The cases that tag an account (the same account can be in several cases).
    /// - Throws: `CaseStoreError`.
    public func cases(taggingAccount accountID: String) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT case_id FROM tags WHERE target_kind = 'account' AND target = ? ORDER BY case_id",
                arguments: [accountID])
        }
    }

    static func fetchInfo(_ db: Database, _ caseID: String) throws -> CaseInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [caseID]).map(info)
    }

    static func info(_ row: Row) -> CaseInfo {
        CaseInfo(
            id: row["id"], title: row["title"], status: CaseStatus(rawValue: row["status"]) ?? .open,
            severity: row["severity"], assignee: row["assignee"], disposition: row["disposition"],
            createdBy: row["created_by"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}
