import Foundation
import GRDB

/// The fields of a case that `setField` may change.
public enum CaseField: String, CaseIterable, Sendable {
    case severity, assignee, disposition, title
}

/// Writes: each runs in one IMMEDIATE transaction together with its audit entry.
extension CaseStore {
    /// Opens a new case and returns it; its id (`case-0001`) comes from a counter, never from the title.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func createCase(title rawTitle: String) throws -> CaseInfo {
        let title = try CaseText.title(rawTitle)
        return try write { db in
            let now = timestamp()
            let next = (try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(num), 0) + 1 FROM cases")) ?? 1
            let id = Self.caseID(number: next)
            try db.execute(
                sql: "INSERT INTO cases (num, id, title, status, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
                arguments: [next, id, title, CaseStatus.open.rawValue, user, now, now])
            try AuditChain.append(
                db, caseID: id, at: now, who: user, action: "case.new",
                detail: ["title": .string(title)])
            return CaseInfo(
                id: id, title: title, status: .open, severity: "", assignee: "", disposition: "",
                createdBy: user, createdAt: now, updatedAt: now)
        }
    }

    /// Tags targets of one kind with a label; returns how many tags now stand that did not
    /// (new, or retracted before and added again).
    /// - Parameters:
    ///   - targets: exact bytes (an account id need not be valid UTF-8).
    ///   - context: extra audit detail (`cluster`, `source`), stored as strings.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func tag(
        caseID: String, label: String, kind: TagTargetKind, targets: [ExactText],
        context: [String: String] = [:]
    ) throws -> Int {
        try tag(caseID: caseID, label: label, targets: targets.map { (kind, $0) }, context: context)
    }

    /// Tags a cluster and every one of its member accounts in one transaction and one audit entry.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func tagCluster(
        caseID: String, label: String, cluster: String, members: [ExactText],
        context: [String: String] = [:]
    ) throws -> Int {
        var detail = context
        detail["cluster"] = cluster
        return try tag(
            caseID: caseID, label: label,
            targets: [(TagTargetKind.cluster, ExactText(cluster))] + members.map { (TagTargetKind.account, $0) },
            context: detail)
    }

    /// Tags targets of any kinds with one label, in one transaction with one audit entry
    /// (`tag.add`, targets written with `ExactText.jsonValue`).
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func tag(
        caseID: String, label rawLabel: String, targets rawTargets: [(TagTargetKind, ExactText)],
        context: [String: String] = [:]
    ) throws -> Int {
        let label = try TagLabel.validate(rawLabel)
        let targets = try TagTargets(rawTargets)
        return try write { db in
            try requireCase(db, caseID)
            let now = timestamp()
            var added = 0
            for (kind, target) in targets.list {
                // A standing tag stays as it is; a retracted one stands again, as added now.
                try db.execute(
                    sql: """
                        INSERT INTO tags (case_id, target_kind, target, label, who, at) VALUES (?,?,?,?,?,?)
                        ON CONFLICT (case_id, target_kind, target, label) DO UPDATE SET
                            who = excluded.who, at = excluded.at,
                            retracted_by = NULL, retracted_at = NULL, retract_reason = NULL
                        WHERE tags.retracted_at IS NOT NULL
                        """,
                    arguments: [caseID, kind.rawValue, Data(target.bytes), label, user, now])
                added += db.changesCount
            }
            var detail = targets.detail(label: label, context: context)
            detail["added"] = .int(Int64(added))
            try touch(db, caseID, now)
            try AuditChain.append(db, caseID: caseID, at: now, who: user, action: "tag.add", detail: .object(detail))
            return added
        }
    }

    /// Adds a note; returns its number within the case.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func addNote(caseID: String, text rawText: String) throws -> Int {
        let text = try CaseText.note(rawText)
        return try write { db in
            try requireCase(db, caseID)
            let now = timestamp()
            let seq =
                (try Int.fetchOne(
                    db, sql: "SELECT IFNULL(MAX(seq), 0) + 1 FROM notes WHERE case_id = ?",
                    arguments: [caseID])) ?? 1
            try db.execute(
                sql: "INSERT INTO notes (case_id, seq, text, who, at) VALUES (?,?,?,?,?)",
                arguments: [caseID, seq, text, user, now])
            try touch(db, caseID, now)
            try AuditChain.append(
                db, caseID: caseID, at: now, who: user, action: "note.add",
                detail: ["note": .int(Int64(seq)), "text": .string(text)])
            return seq
        }
    }

    /// Moves a case to a status.
    /// - Throws: `CaseStoreError`.
    public func setStatus(caseID: String, _ status: CaseStatus) throws {
        try write { db in
            let old = try requireCase(db, caseID)
            let now = timestamp()
            try db.execute(sql: "UPDATE cases SET status = ? WHERE id = ?", arguments: [status.rawValue, caseID])
            try touch(db, caseID, now)
            try AuditChain.append(
                db, caseID: caseID, at: now, who: user, action: "status.set",
                detail: ["from": .string(old.status.rawValue), "to": .string(status.rawValue)])
        }
    }

    /// Sets severity, assignee, disposition or title.
    /// - Throws: `CaseStoreError`.
    public func setField(caseID: String, _ field: CaseField, to rawValue: String) throws {
        let value = field == .title ? try CaseText.title(rawValue) : rawValue.trimmedForStore
        guard value.utf8.count <= 1024, !value.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw CaseStoreError.invalid("\(field.rawValue) must be one printable line of at most 1024 bytes")
        }
        try write { db in
            try requireCase(db, caseID)
            let now = timestamp()
            try db.execute(sql: "UPDATE cases SET \(field.rawValue) = ? WHERE id = ?", arguments: [value, caseID])
            try touch(db, caseID, now)
            try AuditChain.append(
                db, caseID: caseID, at: now, who: user, action: "field.set",
                detail: ["field": .string(field.rawValue), "value": .string(value)])
        }
    }

    /// Records an export in the audit trail, after `commitFiles` succeeded inside the same transaction.
    /// - Parameters:
    ///   - expectedHead: the audit hash the bundle covers; a concurrent write makes this throw
    ///     `CaseStoreError(.locked...)` so the caller can export again.
    /// - Throws: `CaseStoreError`, or what `commitFiles` throws (then nothing is recorded).
    public func recordExport(
        caseID: String, expectedHead: String, detail: JSONValue,
        commitFiles: () throws -> Void
    ) throws {
        try write { db in
            try requireCase(db, caseID)
            let head = try String.fetchOne(
                db, sql: "SELECT hash FROM audit WHERE case_id = ? AND action != 'export' ORDER BY seq DESC LIMIT 1",
                arguments: [caseID])
            guard head == expectedHead else {
                throw CaseStoreError(.locked, "case \(caseID) changed during the export; export again")
            }
            try AuditChain.append(db, caseID: caseID, at: timestamp(), who: user, action: "export", detail: detail)
            try commitFiles()
        }
    }

    /// `case-0001`, `case-0042`, `case-12345`.
    static func caseID(number: Int) -> String {
        let digits = String(number)
        return "case-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    @discardableResult
    func requireCase(_ db: Database, _ caseID: String) throws -> CaseInfo {
        guard let info = try Self.fetchInfo(db, caseID) else { throw CaseStoreError.noCase(caseID) }
        return info
    }

    func touch(_ db: Database, _ caseID: String, _ now: String) throws {
        try db.execute(sql: "UPDATE cases SET updated_at = ? WHERE id = ?", arguments: [now, caseID])
    }
}
