/// A write of this session that `u` can take back: tags as an audited untag, a note as an
/// audited retraction. Never a silent delete.
struct UndoEntry: Hashable, Sendable {
    /// What the write did.
    enum Write: Hashable, Sendable {
        /// `label` was added to these mark keys (only those that did not carry it before).
        case tag(label: String, keys: [String])
        case note(String)
        /// A case field set; undoing sets `previous` back (itself an audited write).
        case field(String, previous: String)
    }

    var write: Write
    /// The case written to (nil while the store had not yet named it).
    var caseID: String?
    /// `tag 'ring' on 3 rows`, `note 'first seen...'`.
    var summary: String
}

extension AppUpdate {
    /// Remembers a write for `u`.
    static func rememberForUndo(_ s: inout AppState, _ write: UndoEntry.Write) {
        let summary: String
        switch write {
        case .tag(let label, let keys):
            guard !keys.isEmpty else { return }
            summary = "tag '\(label)' on \(Format.plural(keys.count, "row"))"
        case .note(let text):
            summary = "note '\(TextFit.truncate(text, to: 30, ellipsis: ".."))'"
        case .field(let field, let previous):
            summary = "\(field) (back to '\(previous)')"
        }
        s.undoable.append(UndoEntry(write: write, caseID: s.caseState.id, summary: summary))
        if s.undoable.count > 100 { s.undoable.removeFirst() }
    }

    /// `u`: asks for Enter before taking back the session's last write.
    static func askUndo(_ s: inout AppState) {
        guard let last = s.undoable.last else { s.status = "nothing to undo in this session"; return }
        PromptLock.open(&s, "undo", completions: [StatusFit.first(["Enter retracts the last write: " + last.summary + "  (Esc keeps it)",
                                                                   "Enter retracts " + last.summary + " (Esc keeps it)"],
                                                                  room: StatusFit.width - 1)])
    }

    /// `:undo`: retracts the session's last write, in the audit trail, and says what was undone.
    static func undo(_ s: inout AppState, _ effects: inout [Effect]) {
        guard let last = s.undoable.last else { s.status = "nothing to undo in this session"; return }
        if let id = last.caseID, let open = s.caseState.id, id != open {
            s.status = "the last write went to \(id); open it (c) to undo it"
            return
        }
        s.undoable.removeLast()
        switch last.write {
        case .tag(let label, let keys):
            for key in keys {
                s.caseState.tags[key]?.removeAll { $0 == label }
                if s.caseState.tags[key]?.isEmpty == true { s.caseState.tags[key] = nil }
            }
            audit(&s, "untag", "\(label): " + keys.map { MarkKey.display($0).text }.joined(separator: " "))
            effects.append(.persist(.untag(label: label, keys: keys)))
        case .note(let text):
            if let i = s.caseState.notes.lastIndex(of: text) { s.caseState.notes.remove(at: i) }
            audit(&s, "retract-note", text)
            effects.append(.persist(.retractNote(text)))
        case .field(let field, let previous):
            guard !previous.isEmpty || field == "status" else {
                s.undoable.append(last)
                s.status = "the store cannot clear \(field); set it to another value (S)"
                return
            }
            setField(&s.caseState, field, previous)
            audit(&s, field + ".set", previous)
            effects.append(.persist(field == "status" ? .setStatus(previous) : .setField(field: field, value: previous)))
        }
        s.status = StatusFit.write(["undone: \(last.summary) (retracted, kept in the audit trail)" + caseSuffix(s),
                                    "undone: \(last.summary) (retracted, audited)" + caseSuffix(s),
                                    "undone (audited): \(last.summary)" + caseSuffix(s)])
    }
}
