/// A case row as a backend stores it: the fields, the raw status text (a tampered row may hold
/// anything its CHECK allows) and the audit head and length the row keeps.
public struct StoredCase: Sendable {
    /// The case fields (`status` is `.open` when `rawStatus` is not a status).
    public var info: CaseInfo
    /// The `status` column as stored.
    public var rawStatus: String
    /// The hash of the chain's last entry, as the case row keeps it.
    public var auditHead: String
    /// The chain's length, as the case row keeps it.
    public var auditCount: Int

    /// Creates a stored case row.
    public init(info: CaseInfo, rawStatus: String, auditHead: String, auditCount: Int) {
        self.info = info
        self.rawStatus = rawStatus
        self.auditHead = auditHead
        self.auditCount = auditCount
    }
}

/// A tag row as a backend stores it: the kind as text and the target as exact bytes (nil when the
/// column holds something that is not bytes or text), so a damaged row is reported, not dropped.
public struct StoredTag: Sendable {
    public var kind: String
    public var target: ExactText?
    public var label: String
    public var who: String
    public var at: String
    public var retracted: CaseRetraction?

    /// Creates a stored tag row.
    public init(kind: String, target: ExactText?, label: String, who: String, at: String, retracted: CaseRetraction?) {
        self.kind = kind
        self.target = target
        self.label = label
        self.who = who
        self.at = at
        self.retracted = retracted
    }
}

/// The row operations one backend (SQLite, PostgreSQL) offers inside one transaction. The case
/// logic (`CaseStoring`'s writes, the audit chain, replay and verification) runs on top of it,
/// so every backend writes the same rows and the same chain.
///
/// A write transaction holds the case's lock from `lockCase` to its commit, so a case's audit
/// chain grows one entry at a time whatever the number of writers, hosts and connections.
public protocol CaseTransaction {
    /// Locks case `id` for the rest of the transaction and returns its row; nil when no such case.
    func lockCase(_ id: String) throws -> StoredCase?
    /// The case row, unlocked (reads).
    func fetchCase(_ id: String) throws -> StoredCase?
    /// Every case row, by number.
    func fetchCases() throws -> [StoredCase]
    /// Serializes case creation and returns the next case number.
    func nextCaseNumber() throws -> Int
    /// Inserts a case row with an empty chain.
    func insertCase(number: Int, info: CaseInfo) throws
    /// Sets one column of a case row (`status`, `title`, `severity`, `assignee`, `disposition`,
    /// `updated_at`).
    func updateCase(_ id: String, column: CaseColumn, to value: String) throws

    /// Adds a tag, or makes a retracted one stand again as added by `who` at `at`; a standing
    /// tag is left as it is. Returns true when a tag now stands that did not.
    func addTag(caseID: String, kind: TagTargetKind, target: ExactText, label: String, who: String, at: String) throws
        -> Bool
    /// Marks a standing tag retracted; returns false when it is not standing.
    func retractTag(
        caseID: String, kind: TagTargetKind, target: ExactText, label: String, retraction: CaseRetraction
    ) throws -> Bool
    /// `addTag` for many targets with one label, who and time (distinct targets); returns how
    /// many tags now stand that did not. A backend may send them together
    /// (`CaseTransaction+TagBatches` gives the one-by-one default).
    func addTags(caseID: String, targets: [(TagTargetKind, ExactText)], label: String, who: String, at: String) throws
        -> Int
    /// `retractTag` for many targets (distinct); returns, for each target in order, whether a
    /// standing tag was retracted.
    func retractTags(
        caseID: String, targets: [(TagTargetKind, ExactText)], label: String, retraction: CaseRetraction
    ) throws -> [Bool]
    /// Every tag row of a case, standing or retracted.
    func fetchTags(caseID: String) throws -> [StoredTag]
    /// Inserts a tag row exactly as given (moving a store).
    func insertTag(caseID: String, _ tag: CaseTag) throws
    /// The cases where an account carries a standing tag, by id.
    func cases(taggingAccount account: ExactText) throws -> [String]

    /// The number the next note of a case gets.
    func nextNoteNumber(caseID: String) throws -> Int
    /// Inserts a note row exactly as given (with its retraction, if any).
    func insertNote(caseID: String, _ note: CaseNote) throws
    /// Marks a standing note retracted; returns false when there is no such standing note.
    func retractNote(caseID: String, seq: Int, retraction: CaseRetraction) throws -> Bool
    /// Every note row of a case.
    func fetchNotes(caseID: String) throws -> [CaseNote]

    /// The seq and hash of the chain's last entry, nil for an empty chain.
    func lastAuditLink(caseID: String) throws -> (seq: Int, hash: String)?
    /// The hash of the chain's last entry that is not an export (what an export covers).
    func lastStateHash(caseID: String) throws -> String?
    /// Appends an entry row (its detail stored as canonical JSON text).
    func insertAudit(_ entry: AuditEntry) throws
    /// Records the chain's head and length on the case row; false when there is no such case.
    func setAuditHead(caseID: String, hash: String, count: Int) throws -> Bool
    /// A case's chain, oldest first.
    func fetchAudit(caseID: String) throws -> [AuditEntry]
}

/// The case row columns a write may set.
public enum CaseColumn: String, Sendable {
    case status, title, severity, assignee, disposition
    case updatedAt = "updated_at"
}
