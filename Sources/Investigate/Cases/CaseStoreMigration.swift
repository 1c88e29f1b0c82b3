/// Moves cases from one store to another (SQLite to PostgreSQL, or back): every case with its
/// rows and its audit chain copied exactly, so the chain verifies on both sides and an export
/// of either gives the same bundle.
public enum CaseStoreMigration {
    /// What happened to one case.
    public struct Outcome: Equatable, Sendable {
        /// The case id.
        public var caseID: String
        /// The chain's length.
        public var entries: Int
        /// True when the destination already held this very case (same chain head), so nothing was written.
        public var alreadyThere: Bool
    }

    /// Copies every case of `source` into `destination`, each in one transaction, refusing a
    /// source case that does not verify and a destination case of the same id with another chain.
    /// Every copied case is verified on the destination afterwards.
    /// - Parameter progress: called after each case.
    /// - Throws: `CaseStoreError`.
    public static func copy(
        from source: any CaseStoring, to destination: any CaseStoring, progress: (Outcome) -> Void = { _ in }
    ) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for info in try source.listCases() {
            let (tables, chain) = try source.inReadTransaction { tx -> (CaseTables, [AuditEntry]) in
                guard let tables = try CaseTables.read(tx, caseID: info.id) else { throw CaseStoreError.noCase(info.id) }
                let chain = try tx.fetchAudit(caseID: info.id)
                if let problem = CaseChecks.check(tables: tables, chain: chain, caseID: info.id) {
                    throw CaseStoreError(
                        .tampered, "\(info.id) in \(source.location) does not verify (\(problem)); nothing of it was copied")
                }
                return (tables, chain)
            }
            guard let number = CaseNumbering.number(of: info.id) else {
                throw CaseStoreError(.invalidInput, "\(inert(info.id)) is not a case id this tool makes; not copied")
            }
            let head = chain.last?.hash ?? AuditChain.genesis
            let copied = try destination.inWriteTransaction { tx -> Bool in
                if let there = try tx.lockCase(info.id) {
                    guard there.auditHead == head, there.auditCount == chain.count else {
                        throw CaseStoreError(
                            .invalidInput,
                            "\(destination.location) already holds a different \(info.id); move cases into an empty store")
                    }
                    return false
                }
                try tx.insertCase(number: number, info: tables.info)
                for tag in tables.tags.values { try tx.insertTag(caseID: info.id, tag) }
                for note in tables.notes.values { try tx.insertNote(caseID: info.id, note) }
                for entry in chain { try tx.insertAudit(entry) }
                guard try tx.setAuditHead(caseID: info.id, hash: head, count: chain.count) else {
                    throw CaseStoreError.noCase(info.id)
                }
                return true
            }
            let check = try destination.verify(caseID: info.id, knownHead: head)
            guard check.isValid else {
                throw CaseStoreError(
                    .tampered, "\(info.id) does not verify in \(destination.location) after the copy: \(check.problem ?? "")")
            }
            let outcome = Outcome(caseID: info.id, entries: chain.count, alreadyThere: !copied)
            progress(outcome)
            outcomes.append(outcome)
        }
        return outcomes
    }
}
