import Foundation

/// A case as its tables hold it, read to be compared with the replay of its audit trail.
struct CaseTables {
    var info: CaseInfo
    /// The raw status text (a tampered row may hold anything the CHECK allows).
    var auditHead: String
    var auditCount: Int
    var tags: [TagKey: CaseTag] = [:]
    var notes: [Int: CaseNote] = [:]
    /// The first row that could not be read as a case row, if any.
    var unreadable: CaseDivergence?

    /// Reads case `caseID`'s rows; nil when there is no such case.
    static func read(_ tx: any CaseTransaction, caseID: String) throws -> CaseTables? {
        guard let stored = try tx.fetchCase(caseID) else { return nil }
        var tables = CaseTables(info: stored.info, auditHead: stored.auditHead, auditCount: stored.auditCount)
        if CaseStatus(rawValue: stored.rawStatus) == nil {
            tables.unreadable = CaseDivergence("cases.status is '\(inert(stored.rawStatus))', not a status")
        }
        for row in try tx.fetchTags(caseID: caseID) {
            guard let kind = TagTargetKind(rawValue: row.kind), let target = row.target else {
                tables.unreadable = tables.unreadable ?? CaseDivergence("tags: a row has an unreadable kind or target")
                continue
            }
            let tag = CaseTag(kind: kind, target: target, label: row.label, who: row.who, at: row.at, retracted: row.retracted)
            let key = TagKey(tag)
            if tables.tags[key] != nil {
                tables.unreadable = tables.unreadable ?? CaseDivergence("tags: \(key.described) is in the table twice")
            }
            tables.tags[key] = tag
        }
        for note in try tx.fetchNotes(caseID: caseID) { tables.notes[note.seq] = note }
        return tables
    }

    /// The first difference between these tables and the replayed chain, or nil.
    func divergence(from replayed: ReplayedCase, chain: [AuditEntry]) -> CaseDivergence? {
        if let unreadable { return unreadable }
        let head = chain.last?.hash ?? AuditChain.genesis
        if auditCount != chain.count {
            return CaseDivergence(
                "cases.audit_count is \(auditCount) but the chain holds \(chain.count) entries"
                    + (auditCount > chain.count ? " (entries were removed from the end)" : ""))
        }
        if auditHead != head {
            return CaseDivergence("cases.audit_head is \(inert(auditHead)) but the chain ends at \(head)")
        }
        if let field = Self.infoDivergence(table: info, chain: replayed.info) { return field }
        let chainTags = Dictionary(uniqueKeysWithValues: replayed.tags.map { (TagKey($0), $0) })
        for key in Set(tags.keys).union(chainTags.keys).sorted() {
            switch (tags[key], chainTags[key]) {
            case (.some, nil):
                return CaseDivergence("tags: \(key.described) is in the table but no audit entry adds it")
            case (nil, .some):
                return CaseDivergence("tags: \(key.described) is added by the audit trail but missing from the table")
            case (let table?, let chain?) where !Self.same(table, chain):
                return CaseDivergence(
                    "tags: \(key.described) is \(Self.describe(table)) in the table but \(Self.describe(chain)) in the chain")
            default: continue
            }
        }
        let chainNotes = Dictionary(uniqueKeysWithValues: replayed.notes.map { ($0.seq, $0) })
        for seq in Set(notes.keys).union(chainNotes.keys).sorted() {
            switch (notes[seq], chainNotes[seq]) {
            case (.some, nil): return CaseDivergence("notes: note \(seq) is in the table but no audit entry adds it")
            case (nil, .some): return CaseDivergence("notes: note \(seq) is added by the audit trail but missing from the table")
            case (let table?, let chain?) where !Self.same(table, chain):
                return CaseDivergence("notes: note \(seq) differs between the table and the chain (text, who, when or retraction)")
            default: continue
            }
        }
        return nil
    }

    static func infoDivergence(table: CaseInfo, chain: CaseInfo) -> CaseDivergence? {
        let fields: [(String, String, String)] = [
            ("title", table.title, chain.title), ("status", table.status.rawValue, chain.status.rawValue),
            ("severity", table.severity, chain.severity), ("assignee", table.assignee, chain.assignee),
            ("disposition", table.disposition, chain.disposition), ("created_by", table.createdBy, chain.createdBy),
            ("created_at", table.createdAt, chain.createdAt), ("updated_at", table.updatedAt, chain.updatedAt),
        ]
        for (name, inTable, inChain) in fields where !bytesEqual(inTable, inChain) {
            return CaseDivergence("cases.\(name) is '\(inert(inTable))' but the chain says '\(inert(inChain))'")
        }
        return nil
    }

    /// Byte equality of every field (String `==` would merge canonically equivalent texts).
    static func same(_ a: CaseNote, _ b: CaseNote) -> Bool {
        a.seq == b.seq && bytesEqual(a.text, b.text) && bytesEqual(a.who, b.who) && bytesEqual(a.at, b.at)
            && same(a.retracted, b.retracted)
    }

    static func same(_ a: CaseTag, _ b: CaseTag) -> Bool {
        a.kind == b.kind && a.target == b.target && bytesEqual(a.label, b.label) && bytesEqual(a.who, b.who)
            && bytesEqual(a.at, b.at) && same(a.retracted, b.retracted)
    }

    static func same(_ a: CaseRetraction?, _ b: CaseRetraction?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return bytesEqual(a.who, b.who) && bytesEqual(a.at, b.at) && bytesEqual(a.reason, b.reason)
    }

    static func bytesEqual(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    static func describe(_ tag: CaseTag) -> String {
        var text = "added by \(inert(tag.who)) at \(inert(tag.at))"
        if let r = tag.retracted { text += ", retracted by \(inert(r.who)) at \(inert(r.at))" }
        return text
    }
}
