import Foundation

/// The fields of a case that `setField` may change.
public enum CaseField: String, CaseIterable, Sendable {
    case severity, assignee, disposition, title
}

/// Writes: each runs in one transaction together with its audit entry, under the case's lock.
extension CaseStoring {
    /// Opens a new case and returns it; its id (`case-0001`) comes from a counter, never from the title.
    /// - Parameter source: the case source it is opened on, kept in its `case.new` entry
    ///   (`CaseSnapshot.source`), so that its cluster tags are never read against another.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func createCase(title rawTitle: String, source: CaseSource? = nil) throws -> CaseInfo {
        let title = try CaseText.title(rawTitle)
        return try inWriteTransaction { tx in
            let now = timestamp()
            let id = CaseNumbering.caseID(number: try tx.nextCaseNumber())
            let info = CaseInfo(
                id: id, title: title, status: .open, severity: "", assignee: "", disposition: "",
                createdBy: user, createdAt: now, updatedAt: now)
            try tx.insertCase(number: CaseNumbering.number(of: id)!, info: info)
            try AuditChain.append(tx, caseID: id, at: now, who: user, action: "case.new",
                detail: source.map { ["title": .string(title), "source": $0.jsonValue] } ?? ["title": .string(title)])
            return info
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

    /// Tags a cluster and every one of its member accounts in one transaction and one audit entry,
    /// which records the members exactly (`cluster_members.ID`, `ClusterMembers`): the cluster's
    /// tag holds only where its id still names them (`ClusterTagSources`).
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func tagCluster(
        caseID: String, label: String, cluster: String, members: [ExactText],
        context: [String: String] = [:]
    ) throws -> Int {
        var detail = context
        detail["cluster"] = cluster
        detail[ClusterMembers.key(cluster: cluster)] = ClusterMembers(ids: members).recorded
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
        return try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            let now = timestamp()
            let added = try tx.addTags(caseID: caseID, targets: targets.list, label: label, who: user, at: now)
            var detail = targets.detail(label: label, context: context)
            detail["added"] = .int(Int64(added))
            try touch(tx, caseID, now)
            try AuditChain.append(tx, caseID: caseID, at: now, who: user, action: "tag.add", detail: .object(detail))
            return added
        }
    }

    /// Adds a note; returns its number within the case.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func addNote(caseID: String, text rawText: String) throws -> Int {
        let text = try CaseText.note(rawText)
        return try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            let now = timestamp()
            let seq = try tx.nextNoteNumber(caseID: caseID)
            try tx.insertNote(caseID: caseID, CaseNote(seq: seq, text: text, who: user, at: now))
            try touch(tx, caseID, now)
            try AuditChain.append(
                tx, caseID: caseID, at: now, who: user, action: "note.add",
                detail: ["note": .int(Int64(seq)), "text": .string(text)])
            return seq
        }
    }

    /// Moves a case to a status.
    /// - Throws: `CaseStoreError`.
    public func setStatus(caseID: String, _ status: CaseStatus) throws {
        try inWriteTransaction { tx in
            let old = try requireCase(tx, caseID)
            let now = timestamp()
            try tx.updateCase(caseID, column: .status, to: status.rawValue)
            try touch(tx, caseID, now)
            try AuditChain.append(
                tx, caseID: caseID, at: now, who: user, action: "status.set",
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
        try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            let now = timestamp()
            try tx.updateCase(caseID, column: CaseColumn(rawValue: field.rawValue)!, to: value)
            try touch(tx, caseID, now)
            try AuditChain.append(
                tx, caseID: caseID, at: now, who: user, action: "field.set",
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
        try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            guard try tx.lastStateHash(caseID: caseID) == expectedHead else {
                throw CaseStoreError(.locked, "case \(caseID) changed during the export; export again")
            }
            try AuditChain.append(tx, caseID: caseID, at: timestamp(), who: user, action: "export", detail: detail)
            try commitFiles()
        }
    }
}
