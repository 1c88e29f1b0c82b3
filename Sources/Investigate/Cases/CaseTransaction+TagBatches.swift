/// The one-by-one defaults of the batch tag operations: a backend whose single-row statements
/// are cheap (SQLite, in process, statements compiled once) needs nothing more; one that pays a
/// network round trip per statement (PostgreSQL) sends a batch in a few statements instead.
extension CaseTransaction {
    public func addTags(
        caseID: String, targets: [(TagTargetKind, ExactText)], label: String, who: String, at: String
    ) throws -> Int {
        var added = 0
        for (kind, target) in targets {
            if try addTag(caseID: caseID, kind: kind, target: target, label: label, who: who, at: at) { added += 1 }
        }
        return added
    }

    public func retractTags(
        caseID: String, targets: [(TagTargetKind, ExactText)], label: String, retraction: CaseRetraction
    ) throws -> [Bool] {
        try targets.map { kind, target in
            try retractTag(caseID: caseID, kind: kind, target: target, label: label, retraction: retraction)
        }
    }
}
