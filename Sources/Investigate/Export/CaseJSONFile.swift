/// `case.json`: the case record with its tags (who/when) and notes, and `audit.jsonl`: the chain.
enum CaseJSONFile {
    static func render(_ input: BundleInput) -> BundleFile {
        BundleFile(
            path: "case.json",
            bytes: bytes(input.snapshot, notInSource: input.missingAccounts, sourceLoad: SourceLoadRecord(input.data.report).json),
            records: 1)
    }

    /// The file for a case state: its accounts are `snapshot.accountIDs`, of which
    /// `notInSource` (sorted) are not in the exported source, and `sourceLoad` what the export's
    /// load of the source skipped (`SourceLoadRecord.json`, as the manifest's `source.load`).
    /// `verify` writes it again from the state the audit trail replays to, and compares bytes.
    static func bytes(_ snapshot: CaseSnapshot, notInSource: [ExactText], sourceLoad: JSONValue) -> [UInt8] {
        Array((document(snapshot, notInSource: notInSource, sourceLoad: sourceLoad).canonical + "\n").utf8)
    }

    /// The record as a JSON object (see `bytes`). `reasserted_tags` are the standing tags that
    /// were retracted before, each with those retractions (`CaseTagHistory`).
    static func document(_ snapshot: CaseSnapshot, notInSource: [ExactText], sourceLoad: JSONValue) -> JSONValue {
        let info = snapshot.info
        let tags: [JSONValue] = snapshot.tags.map { tag in
            [
                "kind": .string(tag.kind.rawValue), "target": tag.target.jsonValue, "label": .string(tag.label),
                "who": .string(tag.who), "at": .string(tag.at),
            ]
        }
        let notes: [JSONValue] = snapshot.notes.map { note in
            ["seq": .int(Int64(note.seq)), "text": .string(note.text), "who": .string(note.who), "at": .string(note.at)]
        }
        return [
            "id": .string(info.id), "title": .string(info.title), "status": .string(info.status.rawValue),
            "severity": .string(info.severity), "assignee": .string(info.assignee),
            "disposition": .string(info.disposition), "created_by": .string(info.createdBy),
            "created_at": .string(info.createdAt), "updated_at": .string(info.updatedAt),
            "tags": .array(tags), "notes": .array(notes),
            "retracted_tags": .array(snapshot.retractedTags.map(retractedTag)),
            "retracted_notes": .array(snapshot.retractedNotes.map(retractedNote)),
            "reasserted_tags": .array(CaseTagHistory.reasserted(snapshot).map(reassertedTag)),
            "source_load": sourceLoad,
            "accounts": .array(snapshot.accountIDs.map(\.jsonValue)),
            "accounts_not_in_source": .array(notInSource.map(\.jsonValue)),
        ]
    }

    /// A withdrawn tag: what it was, who added it, and who withdrew it, when and why.
    static func retractedTag(_ tag: CaseTag) -> JSONValue {
        [
            "kind": .string(tag.kind.rawValue), "target": tag.target.jsonValue, "label": .string(tag.label),
            "who": .string(tag.who), "at": .string(tag.at), "retracted": retraction(tag.retracted),
        ]
    }

    /// A tag standing again, with the retractions it came back from (oldest first).
    static func reassertedTag(_ r: CaseTagHistory.Reasserted) -> JSONValue {
        [
            "kind": .string(r.tag.kind.rawValue), "target": r.tag.target.jsonValue, "label": .string(r.tag.label),
            "who": .string(r.tag.who), "at": .string(r.tag.at),
            "earlier_retractions": .array(r.retractions.map { retraction($0) }),
        ]
    }

    /// A withdrawn note, with its text and its retraction.
    static func retractedNote(_ note: CaseNote) -> JSONValue {
        [
            "seq": .int(Int64(note.seq)), "text": .string(note.text), "who": .string(note.who), "at": .string(note.at),
            "retracted": retraction(note.retracted),
        ]
    }

    static func retraction(_ r: CaseRetraction?) -> JSONValue {
        guard let r else { return .null }
        return ["who": .string(r.who), "at": .string(r.at), "reason": .string(r.reason)]
    }

    static func audit(_ input: BundleInput) -> BundleFile {
        let text = input.snapshot.audit.map { $0.jsonLine + "\n" }.joined()
        return BundleFile(path: "audit.jsonl", bytes: Array(text.utf8), records: input.snapshot.audit.count)
    }
}
