extension BundleSTIXCheck {
    /// `stix21.json` written again by the exporter (`STIXFile.document`) from what the bundle
    /// holds and the checks before this one held to the trail: the replayed case record and
    /// standing notes, the manifest's investigator and audit head, the last audit entry's time,
    /// and `accounts.csv` (which accounts are in the source, and their `signup_ip`). Every object
    /// must be the one written: the notes (text, author, time), the relationships and the
    /// addresses they point at, and the groupings (their descriptions and references; since
    /// format 6 no empty `suspicious-activity` grouping, `omitsEmptyGrouping`). What differs is
    /// named by object, and a note by its number in the trail.
    static func rewritten(
        _ bytes: [UInt8], _ facts: BundleCaseFacts, accounts: BundleAccountsCheck, investigator: String, auditHead: String,
        groupsCleared: Bool = true, omitsEmptyGrouping: Bool = true
    ) -> [String] {
        guard let bundle = try? JSONValue.parse(bytes), case .array(let objects)? = bundle["objects"] else {
            return ["\(file): not a JSON object with a list of objects"]
        }
        let state = facts.snapshot
        let inSource = facts.accounts.filter { accounts.rows[$0]?.inSource == true }
        // The accounts enforcement.csv's rule proposes no action for (its reason for `none`
        // does not depend on the risk), each with that reason.
        var cleared: [ExactText: String] = [:]
        for id in facts.accounts {
            guard let row = accounts.rows[id] else { continue }
            let proposal = BundleEnforcementCheck.proposals(row, own: facts.ownLabels(id), state.info.status)[0]
            // Format 4 grouped every account as suspicious activity (`groupsCleared` false).
            if proposal.action == "none" && groupsCleared { cleared[id] = proposal.reason }
        }
        let content = STIXFile.Content(
            info: state.info, notes: state.notes, investigator: investigator, exportedAt: state.audit.last?.at ?? state.info.updatedAt,
            auditHead: auditHead, accounts: inSource.map { ($0, accounts.rows[$0]!.signupIP) },
            missing: facts.accounts.filter { accounts.rows[$0]?.inSource == false }, cleared: cleared,
            omitsEmptyGrouping: omitsEmptyGrouping)
        let problems = differences(objects, bytes, STIXFile.document(content), facts)
        // A format 4 bundle may have been exported before addresses were written canonically: it
        // holds them as the source wrote them (`STIXFile.Content.canonicalAddresses`), which
        // stands too. A bundle of format 5 or later is the canonical writer's.
        guard !problems.isEmpty, !groupsCleared else { return problems }
        var before = content
        before.canonicalAddresses = false
        return differences(objects, bytes, STIXFile.document(before), facts).isEmpty ? [] : problems
    }

    /// What differs between the bundle's objects and the exporter's `expected` document.
    private static func differences(_ objects: [JSONValue], _ bytes: [UInt8], _ expected: JSONValue, _ facts: BundleCaseFacts) -> [String] {
        let state = facts.snapshot
        guard case .array(let written)? = expected["objects"] else { return [] }
        var problems: [String] = []
        // The note on the cleared accounts is the exporter's, not the trail's: it is held with
        // the other objects, in order.
        let clearedNote = JSONValue.string(STIXFile.clearedNoteID(caseID: state.info.id))
        func isCaseNote(_ object: JSONValue) -> Bool { object["type"] == "note" && object["id"] != clearedNote }
        // Notes by their id (one per note number of the case): each the trail's, none more.
        let writtenNotes = Dictionary(
            uniqueKeysWithValues: zip(written.filter(isCaseNote), state.notes).map { ($0.0["id"]!.stringValue!, ($0.0, $0.1)) }
        )
        var found: Set<String> = []
        for (i, object) in objects.enumerated() where isCaseNote(object) {
            let id = object["id"]?.stringValue ?? ""
            guard let (note, record) = writtenNotes[id] else {
                problems.append("\(file): object \(i + 1) (note) is not a note the audit trail records")
                continue
            }
            found.insert(id)
            if object.canonical != note.canonical {
                problems.append(
                    "\(file): object \(i + 1) (note \(record.seq)) is not the note the audit trail records (its text, author or time differ)"
                )
            }
        }
        for (id, (_, record)) in writtenNotes.sorted(by: { $0.value.1.seq < $1.value.1.seq }) where !found.contains(id) {
            problems.append("\(file): note \(record.seq) of the audit trail is missing")
        }
        // Every other object in the exporter's order.
        let others = objects.enumerated().filter { !isCaseNote($0.element) }
        let want = written.filter { !isCaseNote($0) }
        var owner: [String: ExactText] = [:]
        for id in facts.accounts { owner[STIXFile.userAccount(id)["id"]!.stringValue!] = id }
        for (k, (i, object)) in others.enumerated() where k >= want.count || object.canonical != want[k].canonical {
            let type = object["type"]?.stringValue ?? "?"
            let ref = object["source_ref"]?.stringValue ?? object["id"]?.stringValue ?? ""
            let about = owner[ref].map { ", account \(BundleCaseFacts.shown($0))" } ?? ""
            problems.append(
                "\(file): object \(i + 1) (\(TextEscaping.visible(type, limit: 40))\(about)) is not what the exporter writes for the replayed case and accounts.csv"
            )
            break
        }
        if others.count < want.count {
            let type = want[others.count]["type"]?.stringValue ?? "?"
            problems.append("\(file): lacks the exporter's \(type) object (\(want.count - others.count) objects fewer than it writes)")
        }
        if problems.isEmpty, Array((expected.canonical + "\n").utf8) != bytes {
            problems.append("\(file): not byte for byte what the exporter writes for the replayed case and accounts.csv")
        }
        return problems
    }
}
