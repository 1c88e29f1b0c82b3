/// Where a case stands in its life.
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    case open, triage, confirmed, dismissed, closed
}

/// What a tag is attached to.
public enum TagTargetKind: String, CaseIterable, Codable, Sendable {
    /// One account id.
    case account
    /// A cluster id from the engine (`c17`).
    case cluster
    /// A shared value, written `kind:value` (`ip:1.2.3.4`).
    case value
}

/// One case: the row of the `cases` table.
public struct CaseInfo: Equatable, Codable, Sendable {
    /// Short, safe id (`case-0001`); never derived from user text.
    public var id: String
    /// Free text title (may hold anything; never names a file).
    public var title: String
    /// Current status.
    public var status: CaseStatus
    /// Severity label (`low`, `medium`, `high`, `critical`) or empty.
    public var severity: String
    /// Who owns the case, or empty.
    public var assignee: String
    /// The outcome, free text, or empty.
    public var disposition: String
    /// Who opened the case.
    public var createdBy: String
    /// RFC 3339 UTC.
    public var createdAt: String
    /// RFC 3339 UTC of the last write (exports excluded).
    public var updatedAt: String
}

/// A tag on an account, cluster or value.
public struct CaseTag: Equatable, Codable, Sendable, Hashable {
    public var kind: TagTargetKind
    public var target: String
    public var label: String
    public var who: String
    public var at: String
}

/// A free text note.
public struct CaseNote: Equatable, Codable, Sendable {
    public var seq: Int
    public var text: String
    public var who: String
    public var at: String
}

/// One entry of a case's audit trail: a link of its hash chain.
public struct AuditEntry: Equatable, Sendable {
    /// 1-based position in the case's chain.
    public var seq: Int
    public var caseID: String
    public var at: String
    public var who: String
    /// `case.new`, `tag.add`, `note.add`, `status.set`, `field.set`, `export`.
    public var action: String
    /// Action details (canonical JSON object).
    public var detail: JSONValue
    /// The hash of the previous entry (64 zeros for the first).
    public var prevHash: String
    /// sha256 of `line`.
    public var hash: String

    /// The canonical line hashed into `hash` (every field but the hash itself).
    public var hashedValue: JSONValue {
        .object([
            "seq": .int(Int64(seq)), "case_id": .string(caseID), "at": .string(at), "who": .string(who),
            "action": .string(action), "detail": detail, "prev_hash": .string(prevHash),
        ])
    }

    /// The line written to `audit.jsonl` (the hashed fields plus `hash`).
    public var jsonLine: String {
        guard case .object(var members) = hashedValue else { return "" }
        members["hash"] = .string(hash)
        return JSONValue.object(members).canonical
    }
}

/// A case with everything attached to it, read in one snapshot.
public struct CaseSnapshot: Equatable, Sendable {
    public var info: CaseInfo
    /// Tags sorted by (kind, target, label).
    public var tags: [CaseTag]
    /// Notes oldest first.
    public var notes: [CaseNote]
    /// The audit chain, oldest first.
    public var audit: [AuditEntry]

    /// Every account id tagged in the case, sorted and unique.
    public var accountIDs: [String] {
        Array(Set(tags.filter { $0.kind == .account }.map(\.target))).sorted()
    }

    /// The labels on one target, sorted and unique.
    public func labels(of kind: TagTargetKind, _ target: String) -> [String] {
        Array(Set(tags.filter { $0.kind == kind && $0.target == target }.map(\.label))).sorted()
    }
}
