import Foundation

/// Reads: each runs on one consistent snapshot.
extension CaseStoring {
    /// Every case, by id.
    /// - Throws: `CaseStoreError`.
    public func listCases() throws -> [CaseInfo] {
        try inReadTransaction { tx in try tx.fetchCases().map(\.info) }
    }

    /// The audit chain of a case, oldest first.
    /// - Throws: `CaseStoreError` when the case does not exist.
    public func auditEntries(caseID: String) throws -> [AuditEntry] {
        try inReadTransaction { tx in
            guard try tx.fetchCase(caseID) != nil else { throw CaseStoreError.noCase(caseID) }
            return try tx.fetchAudit(caseID: caseID)
        }
    }

    /// The cases that tag an account (the same account can be in several cases).
    /// Only standing tags count (a retracted tag no longer ties the account to the case).
    /// - Throws: `CaseStoreError`.
    public func cases(taggingAccount accountID: ExactText) throws -> [String] {
        try inReadTransaction { tx in try tx.cases(taggingAccount: accountID) }
    }
}
