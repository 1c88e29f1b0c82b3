import Foundation
import Investigate
/// Typing into the text overlays: the `:` command line (with Tab completion), `/` search
/// (incremental) and `f` filter.
enum TextInput {
    static func handle(_ s: inout AppState, _ effects: inout [Effect], _ key: Key) {
        guard let overlay = s.overlay else { return }
        let selected = s.promptSelected
        s.promptSelected = false
        // A refusal is about the text it refused: any key that edits, submits or closes ends it.
        let refusal = s.promptRefusal
        s.promptRefusal = nil
        var text: String
        switch overlay {
        case .commandLine(let t, _), .search(let t), .filter(let t): text = t
        case .help, .casePicker, .record: return
        }
        switch key {
        case .escape:
            s.overlay = nil
            if case .commandLine = overlay { s.status = "cancelled: nothing written" }
            return
        case .enter:
            // A filter that does not parse is refused where it fails; the prompt stays open with
            // the text as typed, to be fixed (or Esc).
            if case .filter = overlay, let why = AppUpdate.filterProblem(s, text) {
                s.promptRefusal = why
                return
            }
            if case .commandLine = overlay, let why = missingArgument(text) {
                // `T` then Enter with nothing typed closed the prompt on a usage line, and the
                // keys that followed ran as commands: the prompt stays, saying what it needs.
                s.promptRefusal = why
                return
            }
            if let why = halfLabel(overlay) {
                // Enter right after a Tab that listed labels would tag with the typed start of
                // one: held once, the list closed; Enter again writes it as a new label.
                s.overlay = .commandLine(text: text, completions: [])
                s.promptRefusal = why
                return
            }
            s.overlay = nil
            s.promptTail = 0
            if case .commandLine = overlay { s.status = "" }
            submit(&s, &effects, overlay, text)
            return
        case .tab:
            if case .commandLine = overlay, !PromptLock.takesNoText(s, text) {
                let (completed, options) = Completion.complete(text, data: s.data, labels: Completion.labels(of: s.caseState))
                // Nothing to offer: the prompt (and the hint beneath it) stays as it was.
                if completed == text, options.isEmpty { s.promptRefusal = refusal; return }
                s.overlay = .commandLine(text: completed, completions: options)
                s.promptTail = 0
            } else {
                s.promptRefusal = refusal
            }
            return
        case .backspace:
            // The prompt owns every key until Enter or Esc: Backspace on an empty prompt does nothing
            // (closing it here once let the rest of the typed text run as commands and write a note),
            // nor at the start of a locked prompt's argument (the command word is not editable).
            if selected, !text.isEmpty, !PromptLock.backspaceBlocked(s, text) {
                text = PromptLock.locked(s, text)
                s.promptTail = 0
            } else if case .edited(let edited)? = edit(&s, key, text) {
                text = edited
            } else {
                s.promptRefusal = refusal
                return
            }
        case .ctrl("u"):
            text = PromptLock.locked(s, text)
            s.promptTail = 0
        case .char("o") where s.heldClusterTag != nil && PromptLock.takesNoText(s, text):
            // `T`'s question: o switches between all the members and only the others; the
            // write stays on Enter, as every write does.
            guard var held = s.heldClusterTag, held.allKeys != held.onlyKeys else { return }
            held.onlyStrong.toggle()
            s.heldClusterTag = held
            s.overlay = .commandLine(text: text, completions: [held.onlyStrong ? held.onlyKeys : held.allKeys])
            return
        case .char where PromptLock.takesNoText(s, text):
            // `export` and `undo` ask only for Enter or Esc.
            s.promptRefusal = refusal
            return
        case .char:
            // A reopened filter shows its old text selected: typing replaces it. Typed (and
            // pasted) text goes in at the cursor.
            if selected { text = ""; s.promptTail = 0 }
            if case .edited(let edited)? = edit(&s, key, text) { text = edited }
        case .delete, .ctrl("k"):
            if selected { text = ""; s.promptTail = 0 } else if case .edited(let edited)? = edit(&s, key, text) {
                text = edited
            } else {
                s.promptRefusal = refusal
                return
            }
        case .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f"):
            // The cursor moves; the text (and a refusal about it) stays. Right on a reopened
            // filter's selected text keeps it, as any move does.
            _ = edit(&s, key, text)
            s.promptRefusal = refusal
            return
        default:
            s.promptSelected = selected
            s.promptRefusal = refusal
            return
        }
        switch overlay {
        case .commandLine: s.overlay = .commandLine(text: text, completions: [])
        case .search:
            s.overlay = .search(text: text)
            startSearch(&s, &effects, text, from: s.search.origin ?? s.current.cursor)
        case .filter: s.overlay = .filter(text: text)
        case .help, .casePicker, .record: break
        }
    }

    /// Applies an editing key at the prompt's cursor, never inside a locked command word.
    private static func edit(_ s: inout AppState, _ key: Key, _ text: String) -> PromptEditing.Outcome? {
        PromptEditing.apply(key, to: text, tail: &s.promptTail, floor: PromptLock.locked(s, text).count)
    }

    /// Why Enter is held on a `tag`, `tagcluster` or `note` line with nothing after the command
    /// word, or nil.
    static func missingArgument(_ text: String) -> String? {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let word = parts.first, parts.count == 1 || parts[1].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch word {
        case "tag", "tagcluster", "tagvalue", "tagoperation": return "type a label first (Tab lists them); Esc cancels"
        case "note": return "type the note first; Esc cancels"
        default: return nil
        }
    }

    /// Why Enter is held on a `tag`/`tagcluster` line whose Tab listed several labels and whose
    /// text is only their common start (`ring-` of `ring-infrastructure`, `ring-member`), or nil.
    static func halfLabel(_ overlay: Overlay) -> String? {
        guard case .commandLine(let text, let completions) = overlay, completions.count > 1,
              let space = text.firstIndex(of: " "), (["tag"] + AppUpdate.tagWholeWords).contains(String(text[..<space])) else { return nil }
        let label = String(text[text.index(after: space)...])
        guard !completions.contains(label) else { return nil }
        return "Enter again tags '\(label)' as typed, Esc cancels; or type the rest of "
            + completions.joined(separator: ", ") + " (Tab completes)"
    }

    private static func submit(_ s: inout AppState, _ effects: inout [Effect], _ overlay: Overlay, _ text: String) {
        switch overlay {
        case .commandLine: AppUpdate.runLine(&s, &effects, text)
        case .search: startSearch(&s, &effects, text, from: s.search.origin ?? s.current.cursor)
        case .filter: applyFilter(&s, &effects, text)
        case .help, .casePicker, .record: break
        }
    }

    static func startSearch(_ s: inout AppState, _ effects: inout [Effect], _ query: String, from: Int) {
        s.search.query = query
        s.search.forward = true
        s.search.generation += 1
        s.search.waitingFor = nil
        guard !query.isEmpty else { return }
        if AppUpdate.isPending(s, s.current) {
            s.search.waitingFor = s.current.kind
            s.status = "/\(query): this list is still being built; the search runs when it shows"
            return
        }
        effects.append(.search(query: query, from: from, forward: true, generation: s.search.generation))
    }

    static func applyFilter(_ s: inout AppState, _ effects: inout [Effect], _ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        s.current.filter = trimmed.isEmpty ? nil : trimmed
        s.current.cursor = 0
        s.current.top = 0
        s.current.follow = nil
        effects.append(.computeOrder(depth: s.stack.count - 1))
    }
}

extension AppUpdate {
    /// Runs one `:` line: `open ID`, `pivot KIND VALUE`, `tag LABEL`, `case new TITLE`,
    /// `case open ID`, `case` (the case sheet), `export`, `dump FILE`, `help`, `q`, or any
    /// command's name.
    static func runLine(_ s: inout AppState, _ effects: inout [Effect], _ line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first?.lowercased() else { return }
        let rest = words.dropFirst().joined(separator: " ")
        if holdForeignWrite(&s, line, verb: verb) { return }
        switch verb {
        case "confirm":
            confirmHeldWrite(&s, &effects)
        case "open":
            guard let data = s.data else { s.status = notLoaded(s); return }
            if rest.hasPrefix("c"), let n = Int(rest.dropFirst()), data.model.cluster(n) != nil {
                push(&s, &effects, .cluster(n))
            } else if let account = data.model.accountIndex(rest) {
                push(&s, &effects, .account(account))
                // Also another account's escaped form: said, as `investigate account` says it.
                if let note = OpenLookAlike.wordings(typed: rest, opened: account, model: data.model) {
                    s.statusWordings = note
                    s.status = note[0]
                }
            } else if rest.contains("\\"), let bytes = TextEscaping.bytes(fromVisible: rest),
                let account = data.model.accountIndex(exact: ExactText(bytes: bytes))
            {
                // An id shown escaped and typed back (as `account`, `queries` and `why` take it).
                push(&s, &effects, .account(account))
                s.status = "no account's id is exactly '\(TextEscaping.visible(rest))': opened the one it shows escaped"
            } else {
                s.status = "no account or cluster '\(TextEscaping.visible(rest))'"
            }
        case "pivot":
            guard let data = s.data else { s.status = notLoaded(s); return }
            guard words.count >= 3, let kind = LinkKindName.parse(words[1]) else {
                s.status = "usage: :pivot KIND VALUE (kinds: \(LinkKindName.all.joined(separator: " ")))"
                return
            }
            let value = words.dropFirst(2).joined(separator: " ")
            // A whole value opens at once where its lookup is ready (a compacted pool's first
            // lookup rebuilds its table: 160 ms over a 10.02M-query source's IPs, looked up off
            // the input path with the rest).
            if data.model.valueLookupIsReady(kind), let id = data.model.valueID(kind, value) {
                push(&s, &effects, .sharedValue(kind, id))
                return
            }
            // Not a whole value: the values containing it, scanned off the input path (a pass
            // over the kind's values: about 70 ms more over a 10.02M-query source's IPs).
            s.pivotScans += 1
            s.pivotScan = PivotScan(kind: kind, text: value, generation: s.pivotScans, depth: s.stack.count, sheet: s.current.kind)
            effects.append(.scanValues(kind: kind, text: value, generation: s.pivotScans))
            s.status = "pivot: reading the \(kind.rawValue) values for '\(TextFit.truncate(TextEscaping.visible(value), to: 24, ellipsis: ".."))'... (Esc cancels)"
        case "tag":
            guard !rest.isEmpty else { s.status = "usage: :tag LABEL"; return }
            tag(&s, &effects, label: rest)
        case "mark":
            guard !rest.isEmpty else { s.status = "usage: :mark EXPRESSION (filter syntax: risk>0.5 country=RU text)"; return }
            if refuseFilter(&s, line, rest) { return }
            markMatching(&s, rest)
        case "tagcluster", "tagvalue", "tagoperation":
            guard !rest.isEmpty else { s.status = "usage: :\(verb) LABEL"; return }
            // `tagvalue` and `tagoperation` name what they tag: typed where it is not, nothing
            // else is tagged in its place.
            if verb != "tagcluster", verb != tagWholeWord(s) {
                s.status = verb == "tagvalue" ? "no shared value here: :tagvalue tags a value's sheet and its accounts"
                    : "no operation row here: :tagoperation tags the operation under the cursor in triage"
                return
            }
            // Enter on `T`'s question (some members rated below their cluster) tags as chosen.
            let held = s.heldClusterTag.flatMap { $0.label == rest ? $0 : nil }
            s.heldClusterTag = nil
            tagCluster(&s, &effects, label: rest, onlyStrong: held?.onlyStrong)
        case "note":
            guard !rest.isEmpty else { s.status = "usage: :note TEXT"; return }
            s.caseState.notes.append(rest)
            rememberForUndo(&s, .note(rest))
            audit(&s, "note", rest)
            effects.append(.persist(.note(rest)))
            s.status = "note added"
        case "case":
            if words.count >= 3, words[1] == "new" {
                let title = words.dropFirst(2).joined(separator: " ")
                s.caseState = CaseState(title: title)
                audit(&s, "case-new", title)
                effects.append(.persist(.newCase(title: title)))
                s.status = "new case '\(TextEscaping.visible(title))'"
            } else if words.count == 3, words[1] == "open" {
                openCase(&s, &effects, id: words[2])
            } else if words.count >= 2, words[1] == "new" || words[1] == "open" {
                s.status = words[1] == "new" ? "usage: :case new TITLE" : "usage: :case open ID"
            } else {
                showCaseSheet(&s, &effects)
            }
        case "set":
            // A refused `:set` keeps its prompt open with the text as typed and the reason beside it.
            let field = words.count >= 2 ? words[1].lowercased() : ""
            let value = words.dropFirst(2).joined(separator: " ")
            if let why = caseFieldProblem(field: field, value: value) { refuseLine(&s, line, why); return }
            setCaseField(&s, &effects, field: field, value: value)
        case "status", "severity", "assignee", "disposition":
            if let why = caseFieldProblem(field: verb, value: rest) { refuseLine(&s, line, why); return }
            setCaseField(&s, &effects, field: verb, value: rest)
        case "undo":
            undo(&s, &effects)
        case "export":
            // `:export` asks for its own Enter as `e` does: the Enter a user gives to confirm must
            // not fall through to the sheet and open the row behind it (a trial's did).
            if ["export", "confirm"].contains(s.promptLock) { effects.append(.export) } else { askExport(&s) }
        case "dump":
            guard !rest.isEmpty else { s.status = "usage: :dump FILE"; return }
            effects.append(.dump(path: rest))
        case "warnings":
            ExportWarnings.open(&s)
        case "search":
            TextInput.startSearch(&s, &effects, rest, from: s.current.cursor)
        case "filter":
            if refuseFilter(&s, line, rest) { return }
            TextInput.applyFilter(&s, &effects, rest)
        case "q", "quit":
            s.quitting = true
        default:
            if let command = ConsoleCommands.all.first(where: { $0.colonName == verb || $0.id.rawValue == verb }) {
                run(&s, &effects, command.id)
            } else {
                s.status = "unknown command '\(TextEscaping.visible(verb))' (:help)"
            }
        }
    }
}

extension AppUpdate {
    /// Why a filter expression cannot apply to the current sheet, or nil when it can.
    static func filterProblem(_ s: AppState, _ expression: String) -> String? {
        let sheet = table(s, s.current)
        return FilterCheck.problem(expression.trimmingCharacters(in: .whitespaces),
                                   columns: sheet.columns.map(\.title), numeric: FilterCheck.numericTitles(of: sheet))
    }

    /// For `:filter` and `:mark`: when the expression does not parse, the `:` line reopens with
    /// the line as typed and the refusal beside it; true when refused.
    static func refuseFilter(_ s: inout AppState, _ line: String, _ expression: String) -> Bool {
        guard let why = filterProblem(s, expression) else { return false }
        refuseLine(&s, line, why)
        return true
    }

    /// Reopens the `:` line with `line` as typed and `why` beneath it, to be fixed or cancelled.
    static func refuseLine(_ s: inout AppState, _ line: String, _ why: String) {
        s.overlay = .commandLine(text: line, completions: [])
        s.promptRefusal = why
    }
}
