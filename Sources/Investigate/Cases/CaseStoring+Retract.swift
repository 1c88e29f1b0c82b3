import Foundation

/// Retractions: withdrawing a tag or a note is an audited entry, never a deletion. The row
/// stays, marked with who retracted it, when and why; the case shows it as retracted.
extension CaseStoring {
    /// Retracts a label from targets of one kind; returns how many standing tags were retracted.
    /// - Throws: `CaseStoreError` (`.invalidInput` when none of the targets carries the label).
    @discardableResult
    public func untag(
        caseID: String, label: String, kind: TagTargetKind, targets: [ExactText], reason: String = "",
        context: [String: String] = [:]
    ) throws -> Int {
        try untag(caseID: caseID, label: label, targets: targets.map { (kind, $0) }, reason: reason, context: context)
    }

    /// Retracts a label from a cluster and its member accounts in one transaction.
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func untagCluster(
        caseID: String, label: String, cluster: String, members: [ExactText], reason: String = "",
        context: [String: String] = [:]
    ) throws -> Int {
        var detail = context
        detail["cluster"] = cluster
        return try untag(
            caseID: caseID, label: label,
            targets: [(TagTargetKind.cluster, ExactText(cluster))] + members.map { (TagTargetKind.account, $0) },
            reason: reason, context: detail)
    }

    /// Retracts a label from targets of any kinds, in one transaction with one `tag.remove`
    /// audit entry that lists the tags it retracted (targets that do not carry the label are
    /// left out of it).
    /// - Throws: `CaseStoreError`.
    @discardableResult
    public func untag(
        caseID: String, label rawLabel: String, targets rawTargets: [(TagTargetKind, ExactText)],
        reason rawReason: String = "", context: [String: String] = [:]
    ) throws -> Int {
        try retractTags(caseID: caseID, label: rawLabel, targets: rawTargets, reason: rawReason, context: context).count
    }

    /// `untag`, returning the targets whose tag it retracted (in (kind, bytes) order): a caller
    /// names the targets it was given that carried no such tag (a mistyped id matches nothing,
    /// and a count alone hides it).
    /// - Throws: `CaseStoreError` (`.invalidInput` when none of the targets carries the label).
    public func retractTags(
        caseID: String, label rawLabel: String, targets rawTargets: [(TagTargetKind, ExactText)],
        reason rawReason: String = "", context: [String: String] = [:]
    ) throws -> [(TagTargetKind, ExactText)] {
        let label = try TagLabel.forRetraction(rawLabel)
        let reason = try CaseText.reason(rawReason)
        let targets = try TagTargets(rawTargets)
        return try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            let now = timestamp()
            let retraction = CaseRetraction(who: user, at: now, reason: reason)
            let done = try tx.retractTags(caseID: caseID, targets: targets.list, label: label, retraction: retraction)
            let retracted = zip(targets.list, done).filter { $0.1 }.map { $0.0 }
            guard !retracted.isEmpty else {
                throw CaseStoreError.invalid("none of these targets carries the tag \(inert(label)) in \(caseID)")
            }
            var detail = targets.detail(label: label, context: context, only: retracted)
            detail["removed"] = .int(Int64(retracted.count))
            detail["reason"] = .string(reason)
            try touch(tx, caseID, now)
            try AuditChain.append(tx, caseID: caseID, at: now, who: user, action: "tag.remove", detail: .object(detail))
            return retracted
        }
    }

    /// Retracts note `seq` of a case: it stays, marked retracted (who, when, why).
    /// - Throws: `CaseStoreError` (`.invalidInput` when there is no such standing note).
    public func retractNote(caseID: String, seq: Int, reason rawReason: String = "") throws {
        let reason = try CaseText.reason(rawReason)
        try inWriteTransaction { tx in
            try requireCase(tx, caseID)
            let now = timestamp()
            guard try tx.retractNote(caseID: caseID, seq: seq, retraction: CaseRetraction(who: user, at: now, reason: reason))
            else {
                throw CaseStoreError.invalid("\(caseID) has no standing note \(seq)")
            }
            try touch(tx, caseID, now)
            try AuditChain.append(
                tx, caseID: caseID, at: now, who: user, action: "note.retract",
                detail: ["note": .int(Int64(seq)), "reason": .string(reason)])
        }
    }
}
