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

    /// Creates a case record.
    public init(
        id: String, title: String, status: CaseStatus, severity: String, assignee: String, disposition: String,
        createdBy: String, createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.severity = severity
        self.assignee = assignee
        self.disposition = disposition
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Who withdrew a tag or a note, when, and why. Withdrawn things stay in the case, marked.
public struct CaseRetraction: Equatable, Sendable, Hashable {
    /// Who retracted it.
    public var who: String
    /// RFC 3339 UTC.
    public var at: String
    /// The reason given, or empty.
    public var reason: String

    /// Creates a retraction record.
    public init(who: String, at: String, reason: String) {
        self.who = who
        self.at = at
        self.reason = reason
    }
}

/// A tag on an account, cluster or value. The target is the exact bytes (an account id from a
/// hostile source need not be valid UTF-8).
public struct CaseTag: Equatable, Sendable, Hashable {
    public var kind: TagTargetKind
    public var target: ExactText
    public var label: String
    /// Who added it (last added, when it was retracted and added again).
    public var who: String
    public var at: String
    /// Set when the tag was withdrawn (`case untag`); nil while it stands.
    public var retracted: CaseRetraction?

    /// Creates a tag record.
    public init(
        kind: TagTargetKind, target: ExactText, label: String, who: String, at: String,
        retracted: CaseRetraction? = nil
    ) {
        self.kind = kind
        self.target = target
        self.label = label
        self.who = who
        self.at = at
        self.retracted = retracted
    }
}

/// A free text note.
public struct CaseNote: Equatable, Sendable {
    public var seq: Int
    public var text: String
    public var who: String
    public var at: String
    /// Set when the note was withdrawn (`case retract-note`); nil while it stands.
    public var retracted: CaseRetraction?

    /// Creates a note record.
    public init(seq: Int, text: String, who: String, at: String, retracted: CaseRetraction? = nil) {
        self.seq = seq
        self.text = text
        self.who = who
        self.at = at
        self.retracted = retracted
    }
}

/// One entry of a case's audit trail: a link of its hash chain.
public struct AuditEntry: Equatable, Sendable {
    /// 1-based position in the case's chain.
    public var seq: Int
    public var caseID: String
    public var at: String
    public var who: String
    /// `case.new`, `tag.add`, `tag.remove`, `note.add`, `note.retract`, `status.set`,
    /// `field.set`, `export`.
    public var action: String
    /// Action details (canonical JSON object).
    public var detail: JSONValue
    /// The hash of the previous entry (64 zeros for the first).
    public var prevHash: String
    /// sha256 of `line`.
    public var hash: String

    /// Creates an entry as stored (`AuditChain.verify` checks it).
    public init(
        seq: Int, caseID: String, at: String, who: String, action: String, detail: JSONValue, prevHash: String,
        hash: String
    ) {
        self.seq = seq
        self.caseID = caseID
        self.at = at
        self.who = who
        self.action = action
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
    }

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

/// A case as its audit trail describes it, read in one snapshot: `CaseStore.snapshot` replays
/// the chain and refuses when the tables say anything else.
public struct CaseSnapshot: Equatable, Sendable {
    public var info: CaseInfo
    /// Standing tags sorted by (kind, target bytes, label); retracted ones are in `retractedTags`.
    public var tags: [CaseTag]
    /// Standing notes, oldest first; retracted ones are in `retractedNotes`.
    public var notes: [CaseNote]
    /// Tags withdrawn and not added again, sorted like `tags`, each with its `retracted` record.
    public var retractedTags: [CaseTag] = []
    /// Notes withdrawn, oldest first, each with its `retracted` record.
    public var retractedNotes: [CaseNote] = []
    /// The audit chain, oldest first.
    public var audit: [AuditEntry]

    /// Every account id carrying a standing tag, in byte order and unique.
    public var accountIDs: [ExactText] {
        Array(Set(tags.filter { $0.kind == .account }.map(\.target))).sorted()
    }

    /// The standing labels on one target, sorted and unique.
    public func labels(of kind: TagTargetKind, _ target: ExactText) -> [String] {
        Array(Set(tags.filter { $0.kind == kind && $0.target == target }.map(\.label))).sorted()
    }

    /// The standing labels on a target given as text (a cluster id such as `c3`).
    public func labels(of kind: TagTargetKind, _ target: String) -> [String] {
        labels(of: kind, ExactText(target))
    }

    /// The hash of the last audit entry (64 zeros for none).
    public var auditHead: String { audit.last?.hash ?? AuditChain.genesis }
}
