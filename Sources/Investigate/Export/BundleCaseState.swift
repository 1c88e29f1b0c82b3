/// Whether a bundle's `case.json` is the state its audit chain describes (bundle.md: "the case
/// state in the bundle is the state that chain describes"). The chain is replayed
/// (`CaseReplay`) and every field of the case record, its tags and notes (standing and
/// withdrawn, with who and when) and its account list are compared with what the replay gives.
/// A trial re-signed a bundle whose chain lost its last `status` entry while `case.json` still
/// said `confirmed`, and `verify` passed it: the hashes and the signature were all in order.
enum BundleCaseState {
    /// The first difference between `case.json` and the replayed chain, or nil when they agree.
    /// `updated_at` is not compared: it also moves with exports, which the bundle's chain leaves out.
    static func divergence(caseJSON: JSONValue, audit: [AuditEntry], caseID: String) -> String? {
        let replayed: ReplayedCase
        do { replayed = try CaseReplay.replay(audit, caseID: caseID) } catch {
            return "the audit trail does not replay: \(error)"
        }
        guard case .object(let record) = caseJSON else { return "case.json is not an object" }
        let state = replayed.snapshot(audit: audit)
        let info = state.info
        let fields: [(String, String)] = [
            ("id", info.id), ("title", info.title), ("status", info.status.rawValue), ("severity", info.severity),
            ("assignee", info.assignee), ("disposition", info.disposition), ("created_by", info.createdBy),
            ("created_at", info.createdAt),
        ]
        for (name, expected) in fields where record[name] != .string(expected) {
            let shown = record[name]?.stringValue.map { "'\(TextEscaping.visible($0, limit: 80))'" } ?? "missing"
            return "case.json: \(name) is \(shown), the audit trail says '\(TextEscaping.visible(expected, limit: 80))'"
        }
        func same(_ name: String, _ expected: [JSONValue]) -> String? {
            // A list an older bundle did not write (`retracted_tags` before withdrawals existed)
            // reads as empty: it holds what the chain says only if the chain has none.
            let items: [JSONValue]
            switch record[name] {
            case .array(let list)?: items = list
            case nil: items = []
            default: return "case.json: \(name) is not a list"
            }
            let have = items.map(\.canonical).sorted(), want = expected.map(\.canonical).sorted()
            guard have != want else { return nil }
            let extra = Set(have).subtracting(want).count, gone = Set(want).subtracting(have).count
            return "case.json: \(name) differ from the audit trail (\(extra) not in it, \(gone) of it missing)"
        }
        let tags: [JSONValue] = state.tags.map { tag in
            [
                "kind": .string(tag.kind.rawValue), "target": tag.target.jsonValue, "label": .string(tag.label),
                "who": .string(tag.who), "at": .string(tag.at),
            ]
        }
        let notes: [JSONValue] = state.notes.map { note in
            ["seq": .int(Int64(note.seq)), "text": .string(note.text), "who": .string(note.who), "at": .string(note.at)]
        }
        return same("tags", tags) ?? same("notes", notes)
            ?? same("retracted_tags", state.retractedTags.map(CaseJSONFile.retractedTag))
            ?? same("retracted_notes", state.retractedNotes.map(CaseJSONFile.retractedNote))
            ?? same("accounts", state.accountIDs.map(\.jsonValue))
    }
}
