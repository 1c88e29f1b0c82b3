import Investigate
import NIOCore
import PostgresNIO

/// Tags and retractions sent in batches: the targets travel as two arrays (kinds, exact bytes)
/// that `unnest` turns into rows, so tagging an operation of 45,000 accounts is a few statements
/// rather than 45,000 round trips. The rows written are those of `addTag`/`retractTag`.
extension PostgresCaseTransaction {
    /// Targets per statement: a few hundred kilobytes of parameters at most.
    static let tagBatch = 5_000

    func addTags(caseID: String, targets: [(TagTargetKind, ExactText)], label: String, who: String, at: String) throws
        -> Int
    {
        var added = 0
        for start in stride(from: 0, to: targets.count, by: Self.tagBatch) {
            let batch = targets[start..<min(targets.count, start + Self.tagBatch)]
            let kinds = batch.map { $0.0.rawValue }, bytes = batch.map { ByteBuffer(bytes: $0.1.bytes) }
            // A standing tag stays as it is; a retracted one stands again, as added now. The
            // targets are distinct, so no row is touched twice by one statement.
            let result = try session.run(
                """
                INSERT INTO tags (case_id, target_kind, target, label, who, at)
                SELECT \(caseID), u.kind, u.target, \(label), \(who), \(at)
                FROM unnest(\(kinds)::text[], \(bytes)::bytea[]) AS u(kind, target)
                ON CONFLICT (case_id, target_kind, sha256(target), label) DO UPDATE SET
                    who = excluded.who, at = excluded.at, retracted_by = NULL, retracted_at = NULL, retract_reason = NULL
                WHERE tags.retracted_at IS NOT NULL
                """)
            added += result.metadata.rows ?? 0
        }
        return added
    }

    func retractTags(
        caseID: String, targets: [(TagTargetKind, ExactText)], label: String, retraction: CaseRetraction
    ) throws -> [Bool] {
        var done = [Bool](repeating: false, count: targets.count)
        for start in stride(from: 0, to: targets.count, by: Self.tagBatch) {
            let batch = targets[start..<min(targets.count, start + Self.tagBatch)]
            let kinds = batch.map { $0.0.rawValue }, bytes = batch.map { ByteBuffer(bytes: $0.1.bytes) }
            let rows = try session.run(
                """
                UPDATE tags SET retracted_by = \(retraction.who), retracted_at = \(retraction.at),
                    retract_reason = \(retraction.reason)
                FROM unnest(\(kinds)::text[], \(bytes)::bytea[]) WITH ORDINALITY AS u(kind, target, n)
                WHERE tags.case_id = \(caseID) AND tags.target_kind = u.kind
                    AND sha256(tags.target) = sha256(u.target) AND tags.target = u.target
                    AND tags.label = \(label) AND tags.retracted_at IS NULL
                RETURNING u.n
                """
            ).rows
            for row in rows {
                let n = try row.makeRandomAccess()["n"].decode(Int.self)
                guard n >= 1, n <= batch.count else {
                    throw CaseStoreError(.io, "the case store answered row \(n) of a batch of \(batch.count); nothing was saved")
                }
                done[start + n - 1] = true
            }
        }
        return done
    }
}
