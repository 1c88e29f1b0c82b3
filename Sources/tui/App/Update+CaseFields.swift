import Investigate

/// The case's own fields from the console: status, severity, assignee, disposition (`S`, then
/// the `:set` line and its Enter). Each is an audited write, and `u` can set it back.
extension AppUpdate {
    /// Severity labels the console offers.
    static let severities = ["low", "medium", "high", "critical"]

    /// `S`: the `:set` prompt with what it accepts shown beneath, every field named within the
    /// footer (16b at 80 columns read `status ...  severity low|medium|high|critic…`, the
    /// assignee and disposition unsaid; Tab after a field lists its values).
    static func askCaseField(_ s: inout AppState) {
        let status = "status " + CaseStatus.allCases.map(\.rawValue).joined(separator: "|")
        PromptLock.open(&s, "set ", completions: [StatusFit.first([
            [status, "severity " + severities.joined(separator: "|"), "assignee NAME", "disposition TEXT"].joined(separator: "  "),
            status + "  severity, assignee, disposition", "status, severity, assignee, disposition (Tab lists values)",
        ], room: s.size.cols - 2)])
    }

    /// Why `:set FIELD VALUE` would be refused (no such field, no value, a value the field does
    /// not take), or nil when it can be written.
    static func caseFieldProblem(field: String, value: String) -> String? {
        let value = value.trimmingCharacters(in: .whitespaces)
        let fields = "status severity assignee disposition"
        let statuses = CaseStatus.allCases.map(\.rawValue)
        switch field {
        case "": return "set what? :set FIELD VALUE (fields: \(fields))"
        case "status", "severity", "assignee", "disposition": break
        default: return "no case field '\(field)' (\(fields))"
        }
        let accepted = field == "status" ? statuses : field == "severity" ? severities : []
        guard !value.isEmpty else {
            return "\(field) needs a value" + (accepted.isEmpty ? "" : " (" + accepted.joined(separator: " ") + ")")
        }
        if !accepted.isEmpty, !accepted.contains(value) {
            return "unknown \(field) '\(value)' (" + accepted.joined(separator: " ") + ")"
        }
        return nil
    }

    /// `:set FIELD VALUE` (or `:status VALUE`, ...): validates, writes and says what changed.
    static func setCaseField(_ s: inout AppState, _ effects: inout [Effect], field: String, value: String) {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { s.status = "usage: :set status|severity|assignee|disposition VALUE"; return }
        let previous: String
        switch field {
        case "status":
            guard CaseStatus(rawValue: value) != nil else {
                s.status = "unknown status '\(TextEscaping.visible(value))' (" + CaseStatus.allCases.map(\.rawValue).joined(separator: " ") + ")"
                return
            }
            previous = s.caseState.status
            s.caseState.status = value
            effects.append(.persist(.setStatus(value)))
        case "severity", "assignee", "disposition":
            if field == "severity", !severities.contains(value) {
                s.status = "unknown severity '\(TextEscaping.visible(value))' (" + severities.joined(separator: " ") + ")"
                return
            }
            previous = caseField(s.caseState, field)
            setField(&s.caseState, field, value)
            effects.append(.persist(.setField(field: field, value: value)))
        default:
            s.status = "no case field '\(TextEscaping.visible(field))' (status severity assignee disposition)"
            return
        }
        audit(&s, field + ".set", value)
        s.undoable.append(UndoEntry(write: .field(field, previous: previous), caseID: s.caseState.id,
                                    summary: "\(field) '\(value)' (back to '\(previous.isEmpty ? "none" : previous)')"))
        s.status = "\(field) set to '\(TextEscaping.visible(value))'" + caseSuffix(s)
    }

    /// A case field's value by name.
    static func caseField(_ c: CaseState, _ field: String) -> String {
        switch field {
        case "status": return c.status
        case "severity": return c.severity
        case "assignee": return c.assignee
        case "disposition": return c.disposition
        default: return ""
        }
    }

    static func setField(_ c: inout CaseState, _ field: String, _ value: String) {
        switch field {
        case "status": c.status = value
        case "severity": c.severity = value
        case "assignee": c.assignee = value
        case "disposition": c.disposition = value
        default: break
        }
    }
}

/// What the case sheet says about the last export: when, and whether writes came after it.
enum ExportStatus {
    /// `not exported`, `exported 2026-06-01T14:03:00Z (up to date)` or
    /// `exported ... (stale: 3 writes since; e exports again)`.
    static func line(_ c: CaseState) -> String {
        guard let last = c.audit.lastIndex(where: { $0.command == "export" }) else { return "not exported" }
        let since = c.audit.count - last - 1
        return "exported \(c.audit[last].time)"
            + (since == 0 ? " (up to date)" : " (stale: \(Format.plural(since, "write")) since; e exports again)")
    }

    /// `not exported`, `up to date` or `stale (3 writes since)`: for a line the folder shares.
    static func short(_ c: CaseState) -> String {
        guard let last = c.audit.lastIndex(where: { $0.command == "export" }) else { return "not exported" }
        let since = c.audit.count - last - 1
        return since == 0 ? "up to date" : "stale (\(Format.plural(since, "write")) since)"
    }
}
