/// The outcome of `CaseStoring.verify(caseID:)`.
public struct CaseVerification: Equatable, Sendable {
    /// The case checked.
    public var caseID: String
    /// How many audit entries the chain holds.
    public var entryCount: Int
    /// The hash of its last entry (64 zeros for none).
    public var head: String
    /// The first problem, or nil when the chain holds, replays cleanly and matches the tables.
    public var problem: String?

    /// True when nothing is wrong.
    public var isValid: Bool { problem == nil }
}

/// The audit trail is the source of truth: verification and exports replay it and compare.
extension CaseStoring {
    /// Checks case `caseID`: the hash chain links, it replays without contradiction, its
    /// head and length match the ones the case row keeps, and the replayed state (fields, tags
    /// with who/when, notes, retractions) equals the tables. Names the first problem.
    /// - Parameter knownHead: an audit head the case is known to have reached (from a signed
    ///   bundle's manifest); the chain must contain it.
    /// - Throws: `CaseStoreError` when the case does not exist or the store cannot be read.
    public func verify(caseID: String, knownHead: String? = nil) throws -> CaseVerification {
        try inReadTransaction { tx in
            guard let tables = try CaseTables.read(tx, caseID: caseID) else { throw CaseStoreError.noCase(caseID) }
            let chain = try tx.fetchAudit(caseID: caseID)
            var result = CaseVerification(
                caseID: caseID, entryCount: chain.count, head: chain.last?.hash ?? AuditChain.genesis, problem: nil)
            if let knownHead, !chain.contains(where: { $0.hash == knownHead }) {
                result.problem = "the chain does not contain the known head \(inert(knownHead)) (entries were removed or rewritten)"
            } else if let problem = CaseChecks.check(tables: tables, chain: chain, caseID: caseID) {
                result.problem = problem
            }
            return result
        }
    }

    /// One case with its standing and retracted tags and notes, as its audit trail describes them.
    /// - Throws: `CaseStoreError` when the case does not exist, or `.tampered` naming the first
    ///   place where the tables and the audit trail disagree (nothing diverging is ever returned).
    public func snapshot(caseID: String) throws -> CaseSnapshot {
        try inReadTransaction { tx in
            guard let tables = try CaseTables.read(tx, caseID: caseID) else { throw CaseStoreError.noCase(caseID) }
            let chain = try tx.fetchAudit(caseID: caseID)
            if let problem = CaseChecks.check(tables: tables, chain: chain, caseID: caseID) {
                throw CaseStoreError(
                    .tampered,
                    "case \(caseID) does not match its audit trail: \(problem); "
                        + "see `investigate case audit \(caseID) --verify`")
            }
            return try CaseReplay.replay(chain, caseID: caseID).snapshot(audit: chain)
        }
    }
}

/// The checks both backends run on a case read in one snapshot.
enum CaseChecks {
    /// The first problem with a case's chain or tables, or nil.
    static func check(tables: CaseTables, chain: [AuditEntry], caseID: String) -> String? {
        if let broken = AuditChain.verify(chain, caseID: caseID) { return "chain broken at \(broken)" }
        let replayed: ReplayedCase
        do {
            replayed = try CaseReplay.replay(chain, caseID: caseID)
        } catch let divergence as CaseDivergence {
            return divergence.message
        } catch {
            return "\(error)"
        }
        return tables.divergence(from: replayed, chain: chain)?.message
    }
}
