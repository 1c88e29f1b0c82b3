/// Whether a bundle's `case.json` is the state its audit chain describes (bundle.md: "the case
/// state in the bundle is the state that chain describes"). The chain is replayed
/// (`CaseReplay`) and every field of the case record, its tags and notes (standing and
/// withdrawn, with who and when) and its account list are compared with what the replay gives.
/// A trial re-signed a bundle whose chain lost its last `status` entry while `case.json` still
/// said `confirmed`, and `verify` passed it: the hashes and the signature were all in order.
enum BundleCaseState {
    /// The first difference between `case.json` and the replayed chain, or nil when they agree.
    /// `updated_at` is not compared: it also moves with exports, which the bundle's chain leaves out.
    static func divergence(caseJSON: JSONValue, _ facts: BundleCaseFacts) -> String? {
        guard case .object(let record) = caseJSON else { return "case.json is not an object" }
        let state = facts.snapshot
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

extension BundleCaseState {
    /// The first way `case.json` (`bytes`, read as `caseJSON`) is not, byte for byte, the record
    /// the exporter writes for the replayed state (`CaseJSONFile.bytes`), or nil. Two fields do
    /// not come from the trail and are taken from the file: `updated_at` (it moves with exports,
    /// which the bundle's chain leaves out) and `accounts_not_in_source` (it depends on the
    /// source), which must list case accounts, sorted, once each, and, when `accounts.csv` was
    /// read, exactly those it marks `in_source` false (`notInSource`). A bundle written before
    /// withdrawals were kept may lack `retracted_tags` and `retracted_notes` when it has none.
    /// `source_load` (format 5) is taken from the file too, and must be the manifest's
    /// `source.load` (`sourceLoad`; nil when the manifest holds none, a format 4 bundle, whose
    /// `case.json` has no such member).
    static func documentDivergence(
        bytes: [UInt8], caseJSON: JSONValue, _ facts: BundleCaseFacts, notInSource: [ExactText]?, sourceLoad: JSONValue?
    ) -> String? {
        if let problem = divergence(caseJSON: caseJSON, facts) { return problem }
        guard case .object(let record) = caseJSON else { return "case.json is not an object" }
        guard case .array(let listed)? = record["accounts_not_in_source"] else {
            return "case.json: accounts_not_in_source is missing or not a list"
        }
        let missing = listed.compactMap(ExactText.init(json:))
        guard missing.count == listed.count else { return "case.json: accounts_not_in_source holds a value that is not an id" }
        if let stranger = missing.first(where: { !facts.accountSet.contains($0) }) {
            return "case.json: accounts_not_in_source names \(BundleCaseFacts.shown(stranger)), which is not a case account in the audit trail"
        }
        guard missing == Array(Set(missing)).sorted() else { return "case.json: accounts_not_in_source is not sorted and unique" }
        if let notInSource, notInSource.sorted() != missing {
            let differs = Set(notInSource).symmetricDifference(missing).sorted().first.map(BundleCaseFacts.shown) ?? ""
            return
                "case.json: accounts_not_in_source lists \(missing.count) accounts, accounts.csv marks \(notInSource.count) not in the source (\(differs) differs)"
        }
        var state = facts.snapshot
        guard let updated = record["updated_at"]?.stringValue else { return "case.json: updated_at is missing" }
        state.info.updatedAt = updated
        if record["source_load"] != sourceLoad {
            return sourceLoad == nil
                ? "case.json: holds 'source_load', which the manifest does not record"
                : "case.json: source_load is not what the manifest's source.load records of the export's load"
        }
        guard case .object(var expected) = CaseJSONFile.document(state, notInSource: missing, sourceLoad: sourceLoad ?? .null) else {
            return nil
        }
        if sourceLoad == nil { expected["source_load"] = nil }
        for name in ["retracted_tags", "retracted_notes", "reasserted_tags"] where record[name] == nil && expected[name] == .array([]) {
            expected[name] = nil
        }
        if let extra = record.keys.sorted().first(where: { expected[$0] == nil }) {
            return "case.json: holds '\(TextEscaping.visible(extra, limit: 60))', which the exporter does not write"
        }
        if let gone = expected.keys.sorted().first(where: { record[$0] == nil }) { return "case.json: lacks '\(gone)'" }
        if let field = expected.keys.sorted().first(where: { record[$0] != expected[$0] }) {
            return "case.json: \(field) is not what the exporter writes for the replayed state"
        }
        let written = Array((JSONValue.object(expected).canonical + "\n").utf8)
        guard written == bytes else {
            let at = zip(written, bytes).prefix { $0 == $1 }.count
            return "case.json: not byte for byte the record the exporter writes for the replayed state (first difference at byte \(at))"
        }
        return nil
    }
}
