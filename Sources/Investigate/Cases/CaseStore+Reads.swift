import Foundation
import GRDB

/// Reads: each runs on one consistent snapshot.
extension CaseStore {
    /// Every case, by id.
    /// - Throws: `CaseStoreError`.
    public func listCases() throws -> [CaseInfo] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY num").map(Self.info) }
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
    /// Only standing tags count (a retracted tag no longer ties the account to the case).
    public func cases(taggingAccount accountID: ExactText) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT case_id FROM tags
                    WHERE target_kind = 'account' AND target = ? AND retracted_at IS NULL ORDER BY case_id
                    """,
                arguments: [Data(accountID.bytes)])
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
