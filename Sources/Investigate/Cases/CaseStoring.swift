import Foundation

/// A case store backend: cases, tags, notes and a hash-chained audit trail, kept in SQLite
/// (`CaseStore`, one file) or PostgreSQL (`PostgresCaseStore`, shared by a team).
///
/// A backend gives transactions (`CaseTransaction`); every operation (tagging, notes, status,
/// exports, reads, verification and replay) is written once, here, on top of them. A write
/// returns only after its transaction committed.
public protocol CaseStoring: AnyObject, Sendable {
    /// Who the writes are recorded as (`who` in the audit trail).
    var user: String { get }
    /// Who exports, as a bundle manifest names them (the operating-system account).
    var investigator: String { get }
    /// Where the store is, for messages: a path, or a URL without its password.
    var location: String { get }
    /// The source of timestamps.
    var clock: any CaseClock { get }
    /// Runs `body` in one write transaction and returns after it committed.
    /// - Throws: `CaseStoreError`, or what `body` throws (then nothing is written).
    func inWriteTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T
    /// Runs `body` on one consistent read snapshot.
    /// - Throws: `CaseStoreError`, or what `body` throws.
    func inReadTransaction<T>(_ body: (any CaseTransaction) throws -> T) throws -> T
}

extension CaseStoring {
    /// The current time as stored (RFC 3339 UTC).
    func timestamp() -> String { Timestamp.format(millis: clock.now() * 1000) }

    /// Locks the case for the rest of the write and returns its fields.
    /// - Throws: `CaseStoreError(.notFound)`.
    @discardableResult
    func requireCase(_ tx: any CaseTransaction, _ caseID: String) throws -> CaseInfo {
        guard let stored = try tx.lockCase(caseID) else { throw CaseStoreError.noCase(caseID) }
        return stored.info
    }

    func touch(_ tx: any CaseTransaction, _ caseID: String, _ now: String) throws {
        try tx.updateCase(caseID, column: .updatedAt, to: now)
    }
}

/// Case ids and numbers: `case-0001` is case number 1.
public enum CaseNumbering {
    /// `case-0001`, `case-0042`, `case-12345`.
    public static func caseID(number: Int) -> String {
        let digits = String(number)
        return "case-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The number in a case id, nil when `id` is not one this tool makes.
    public static func number(of id: String) -> Int? {
        guard id.hasPrefix("case-"), let number = Int(id.dropFirst(5)), number > 0,
            caseID(number: number) == id
        else { return nil }
        return number
    }
}
