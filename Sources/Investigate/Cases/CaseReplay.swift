/// Where a case first stops being what its audit trail says, in words (`tags: account acct_1
/// label ring-member is in the table but no audit entry adds it`).
public struct CaseDivergence: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first difference found.
    public var message: String

    /// Creates a divergence with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A case as its audit entries describe it: every tag and note, standing or retracted.
public struct ReplayedCase: Equatable, Sendable {
    /// The case fields after the last entry.
    public var info: CaseInfo
    /// Every tag ever added and not since removed from the chain's story, retracted ones
    /// included, sorted by (kind, target bytes, label bytes).
    public var tags: [CaseTag]
    /// Every note, retracted ones included, by number.
    public var notes: [CaseNote]

    /// The snapshot this state gives, with the chain it came from.
    public func snapshot(audit: [AuditEntry]) -> CaseSnapshot {
        CaseSnapshot(
            info: info, tags: tags.filter { $0.retracted == nil }, notes: notes.filter { $0.retracted == nil },
            retractedTags: tags.filter { $0.retracted != nil }, retractedNotes: notes.filter { $0.retracted != nil },
            audit: audit)
    }
}

/// A tag's identity: kind, exact target bytes, exact label bytes (Swift `String` equality
/// would merge canonically equivalent labels; the table's UNIQUE constraint does not).
struct TagKey: Hashable, Comparable {
    var kind: TagTargetKind
    var target: ExactText
    var label: ExactText

    init(_ tag: CaseTag) {
        kind = tag.kind
        target = tag.target
        label = ExactText(tag.label)
    }

    static func < (a: TagKey, b: TagKey) -> Bool {
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.target != b.target { return a.target < b.target }
        return a.label < b.label
    }

    /// `account acct_1 label ring-member`, escaped for a terminal.
    var described: String { "\(kind.rawValue) \(target.display) label \(label.display)" }
}

/// Folds a case's audit entries into its state: the audit trail is the source of truth.
public enum CaseReplay {
    /// Replays `entries` (oldest first) of case `caseID`.
    /// - Throws: `CaseDivergence` naming the first entry that does not make sense where it
    ///   stands (an action on a tag or note that is not there, a status `from` that is not the
    ///   current status, an unknown action, an unreadable detail).
    public static func replay(_ entries: [AuditEntry], caseID: String) throws -> ReplayedCase {
        var fold = CaseFold(caseID: caseID)
        for entry in entries { try fold.apply(entry) }
        guard let info = fold.info else { throw CaseDivergence("the audit trail is empty: no case.new entry") }
        return ReplayedCase(
            info: info, tags: fold.tags.keys.sorted().map { fold.tags[$0]! },
            notes: fold.notes.keys.sorted().map { fold.notes[$0]! })
    }

    /// The accounts whose standing tag `label` was made by an entry that tagged `cluster` too (a
    /// cluster's tag writes the cluster and its members in one entry). An untag of the cluster
    /// retracts those, not a member's own tag made apart from it (a trial's `case untag
    /// --cluster c1` also retracted an account's own `ring-member`, made before the cluster's).
    /// - Throws: `CaseDivergence` as `replay` does.
    public static func accountsTagged(
        with cluster: ExactText, label: String, entries: [AuditEntry], caseID: String
    ) throws -> Set<ExactText> {
        var fold = CaseFold(caseID: caseID)
        for entry in entries { try fold.apply(entry) }
        let wanted = ExactText(label)
        return Set(
            fold.madeWithClusters.compactMap { key, clusters in
                key.kind == .account && key.label == wanted && fold.tags[key]?.retracted == nil && clusters.contains(cluster)
                    ? key.target : nil
            })
    }
}

/// The running state of a replay.
struct CaseFold {
    let caseID: String
    var info: CaseInfo?
    var tags: [TagKey: CaseTag] = [:]
    var notes: [Int: CaseNote] = [:]
    /// The clusters tagged by the entry that made each standing account tag stand, when it
    /// tagged any (`CaseReplay.accountsTagged`).
    var madeWithClusters: [TagKey: [ExactText]] = [:]
    /// The hash of the last entry that is not an export (what an export covers).
    var stateHead = AuditChain.genesis

    init(caseID: String) { self.caseID = caseID }

    mutating func apply(_ entry: AuditEntry) throws {
        let read = DetailReader(entry: entry)
        if entry.action == "case.new" {
            guard info == nil else { throw read.fail("a second case.new") }
            info = CaseInfo(
                id: caseID, title: try read.string("title"), status: .open, severity: "", assignee: "",
                disposition: "", createdBy: entry.who, createdAt: entry.at, updatedAt: entry.at)
            stateHead = entry.hash
            return
        }
        guard var current = info else { throw read.fail("comes before the case.new entry") }
        switch entry.action {
        case "tag.add": try addTags(read)
        case "tag.remove": try removeTags(read)
        case "note.add": try addNote(read)
        case "note.retract": try retractNote(read)
        case "status.set":
            let from = try read.string("from"), to = try read.string("to")
            guard let status = CaseStatus(rawValue: to) else { throw read.fail("unknown status \(inert(to))") }
            guard from == current.status.rawValue else {
                throw read.fail("says the status went from '\(inert(from))', but the chain before it says '\(current.status.rawValue)'")
            }
            current.status = status
        case "field.set":
            let value = try read.string("value")
            switch try read.string("field") {
            case "title": current.title = value
            case "severity": current.severity = value
            case "assignee": current.assignee = value
            case "disposition": current.disposition = value
            case let other: throw read.fail("unknown field \(inert(other))")
            }
        case "export":
            let covered = try read.string("audit_head")
            guard covered == stateHead else {
                throw read.fail("records an export of audit head \(inert(covered)), but the chain before it ends at \(stateHead)")
            }
            return
        default: throw read.fail("unknown action")
        }
        current.updatedAt = entry.at
        info = current
        stateHead = entry.hash
    }

    mutating func addTags(_ read: DetailReader) throws {
        let label = try read.string("label")
        var added = 0
        let keys = try read.targets(label: label)
        let clusters = keys.filter { $0.kind == .cluster }.map(\.target)
        for key in keys {
            if let existing = tags[key], existing.retracted == nil { continue }
            tags[key] = CaseTag(kind: key.kind, target: key.target, label: label, who: read.entry.who, at: read.entry.at)
            if key.kind == .account { madeWithClusters[key] = clusters.isEmpty ? nil : clusters }
            added += 1
        }
        if let claimed = try read.optionalInt("added"), claimed != added {
            throw read.fail("says it added \(claimed) tags; replaying it adds \(added)")
        }
    }

    mutating func removeTags(_ read: DetailReader) throws {
        let label = try read.string("label")
        let retraction = CaseRetraction(who: read.entry.who, at: read.entry.at, reason: try read.optionalString("reason"))
        var removed = 0
        for key in try read.targets(label: label) {
            guard var tag = tags[key], tag.retracted == nil else {
                throw read.fail("retracts the tag \(key.described), which is not standing")
            }
            tag.retracted = retraction
            tags[key] = tag
            removed += 1
        }
        if let claimed = try read.optionalInt("removed"), claimed != removed {
            throw read.fail("says it retracted \(claimed) tags; replaying it retracts \(removed)")
        }
    }

    mutating func addNote(_ read: DetailReader) throws {
        let seq = try read.int("note")
        let expected = (notes.keys.max() ?? 0) + 1
        guard seq == expected else { throw read.fail("adds note \(seq), expected note \(expected)") }
        notes[seq] = CaseNote(seq: seq, text: try read.string("text"), who: read.entry.who, at: read.entry.at)
    }

    mutating func retractNote(_ read: DetailReader) throws {
        let seq = try read.int("note")
        guard var note = notes[seq], note.retracted == nil else {
            throw read.fail("retracts note \(seq), which is not standing")
        }
        note.retracted = CaseRetraction(who: read.entry.who, at: read.entry.at, reason: try read.optionalString("reason"))
        notes[seq] = note
    }
}

/// Typed reads of one entry's detail, failing with a divergence that names the entry.
struct DetailReader {
    let entry: AuditEntry

    func fail(_ what: String) -> CaseDivergence {
        CaseDivergence("audit entry \(entry.seq) (\(inert(entry.action))) \(what)")
    }

    func string(_ key: String) throws -> String {
        guard let value = entry.detail[key]?.stringValue else { throw fail("has no text \(key)") }
        return value
    }

    func optionalString(_ key: String) throws -> String {
        guard let value = entry.detail[key] else { return "" }
        guard let text = value.stringValue else { throw fail("has a \(key) that is not text") }
        return text
    }

    func int(_ key: String) throws -> Int {
        guard let value = entry.detail[key]?.intValue else { throw fail("has no number \(key)") }
        return Int(value)
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let value = entry.detail[key] else { return nil }
        guard let number = value.intValue else { throw fail("has a \(key) that is not a number") }
        return Int(number)
    }

    /// The targets under `accounts`, `clusters` and `values`, exact (`ExactText.jsonValue` form).
    func targets(label: String) throws -> [TagKey] {
        var keys: [TagKey] = []
        for kind in TagTargetKind.allCases {
            guard let list = entry.detail[kind.rawValue + "s"] else { continue }
            guard let items = list.arrayValue else { throw fail("has \(kind.rawValue)s that are not a list") }
            for item in items {
                guard let target = ExactText(json: item) else { throw fail("has an unreadable \(kind.rawValue) target") }
                keys.append(TagKey(CaseTag(kind: kind, target: target, label: label, who: "", at: "")))
            }
        }
        guard !keys.isEmpty else { throw fail("names no target") }
        return keys
    }
}

/// Text made safe for a message.
func inert(_ text: String) -> String { TextEscaping.visible(text, limit: 200) }
