import Investigate

/// The named commands of `ConsoleCommands`, applied to the state.
extension AppUpdate {
    static func run(_ s: inout AppState, _ effects: inout [Effect], _ id: CommandID) {
        let page = max(1, ViewLayout.tableHeight(s.current.kind, s.size) - 1)
        if s.current.pane == 1, case .cluster(let n) = s.current.kind, handleSketchPane(&s, &effects, id, cluster: n) { return }
        if s.current.pane == 3, case .cluster(let n) = s.current.kind, handleGraphPane(&s, &effects, id, cluster: n) { return }
        if showsRiskPane(s), handleRiskPane(&s, id) { return }
        if showsFiringPane(s), case .account(let a) = s.current.kind, handleFiringPane(&s, &effects, id, account: a) { return }
        switch id {
        case .moveDown: move(&s, by: 1)
        case .moveUp: move(&s, by: -1)
        case .top: move(&s, by: -Int.max / 2)
        case .bottom: move(&s, by: Int.max / 2)
        case .pageDown: move(&s, by: page)
        case .pageUp: move(&s, by: -page)
        case .open: open(&s, &effects)
        case .back:
            guard s.stack.count > 1 else { s.status = "already at triage"; return }
            s.forwardStack.append(s.stack.removeLast())
            s.status = ""
            scrollIntoView(&s)
        case .forward:
            guard let next = s.forwardStack.popLast() else { s.status = "nothing to go forward to"; return }
            s.stack.append(next)
            s.status = ""
            if isPending(s, next) { effects.append(.prepare(next.kind)) }
            scrollIntoView(&s)
        case .nextPane:
            s.current.pane = (s.current.pane + 1) % ViewLayout.paneCount(s.current.kind)
            s.current.paneCursor = 0
            requestFiring(s, &effects)
        case .search:
            s.overlay = .search(text: "")
            s.search.origin = s.current.cursor
        case .searchNext, .searchPrev:
            guard !s.search.query.isEmpty else { s.status = "no search yet (/)"; return }
            guard !isPending(s, s.current) else {
                TextInput.startSearch(&s, &effects, s.search.query, from: s.current.cursor)
                return
            }
            let forward = (id == .searchNext) == s.search.forward
            s.search.origin = nil
            s.search.generation += 1
            effects.append(.search(query: s.search.query, from: s.current.cursor + (forward ? 1 : -1),
                                     forward: forward, generation: s.search.generation))
        case .filter:
            s.overlay = .filter(text: s.current.filter ?? "")
            s.promptSelected = s.current.filter != nil
        case .triage:
            guard s.stack.count > 1 else { s.status = "already at triage"; return }
            s.forwardStack += s.stack.dropFirst().reversed()
            s.stack = [s.stack[0]]
            scrollIntoView(&s)
            s.status = "triage (] goes forward again)"
        case .columnLeft, .columnRight:
            let columns = table(s, s.current).columns.count
            guard columns > 0 else { return }
            let step = id == .columnRight ? 1 : -1
            let all = table(s, s.current).columns
            // A risk bar has no title and sorts as its number does, a blank column is not drawn:
            // the cursor passes over them.
            var column = max(0, min(columns - 1, (s.current.column ?? 0) + (s.current.column == nil ? 0 : step)))
            while all[column].isBar || all[column].blank, column + step >= 0, column + step < columns { column += step }
            if all[column].isBar || all[column].blank { column = s.current.column ?? 0 }
            s.current.column = column
            s.status = "column: \(table(s, s.current).columns[column].title) (s sorts by it)"
        case .sort:
            let columns = table(s, s.current).columns.count
            guard columns > 0 else { return }
            if let column = s.current.column, column < columns {
                // Sort by the column under the column cursor, largest first; again: smallest first;
                // a third time: table order.
                if s.current.sortColumn != column {
                    s.current.sortColumn = column
                    s.current.sortAscending = false
                } else if !s.current.sortAscending {
                    s.current.sortAscending = true
                } else {
                    s.current.sortColumn = nil
                    s.current.sortAscending = false
                }
            } else {
                // No column cursor yet: step through the columns.
                let all = table(s, s.current).columns
                var next = (s.current.sortColumn ?? -1) + 1
                while next < columns, all[next].isBar { next += 1 }
                s.current.sortColumn = next < columns ? next : nil
            }
            // The cursor keeps its row, not its row number (a trial sorted triage and found
            // the cursor on another cluster).
            let shown = s.current.visibleCount(tableRows: table(s, s.current).count)
            s.current.follow = s.current.cursor < shown ? s.current.tableRow(at: s.current.cursor) : nil
            effects.append(.computeOrder(depth: s.stack.count - 1))
            s.status = s.current.sortColumn.map {
                "sorted by \(table(s, s.current).columns[$0].title), " + (s.current.sortAscending ? "smallest first" : "largest first")
            } ?? "table order"
        case .mark:
            guard let (t, row) = selectedRow(s) else { return }
            let key = t.markKeys[row]
            if s.marks.contains(key) { s.marks.remove(key) } else { s.marks.insert(key) }
            s.status = "\(Format.grouped(s.marks.count)) marked"
            move(&s, by: 1)
        case .compare: compareMarked(&s)
        case .undo: askUndo(&s)
        case .caseField: askCaseField(&s)
        case .markAll: markAll(&s)
        case .invertMarks: invertMarks(&s)
        case .markMatching: PromptLock.open(&s, "mark ")
        case .showMore:
            switch s.current.kind {
            case .queries, .singles:
                effects.append(.showMore(s.current.kind))
                s.status = "reading more rows..."
            default: s.status = "this list is not cut (+ grows query history and single accounts)"
            }
        case .singles:
            guard s.data != nil else { s.status = notLoaded(s); return }
            push(&s, &effects, .singles)
        case .tag:
            PromptLock.open(&s, "tag ")
            s.statusWordings = tagTargetWordings(s)
            s.status = StatusFit.first(s.statusWordings, room: besidePromptRoom(s))
        case .tagCluster:
            PromptLock.open(&s, tagWholeWord(s) + " ")
            s.statusWordings = tagClusterTargetWordings(s)
            s.status = StatusFit.first(s.statusWordings, room: besidePromptRoom(s))
        case .note:
            PromptLock.open(&s, "note ")
            s.status = "adds a note to the open case (Esc cancels)"
        case .casePicker:
            effects.append(.listCases)
            s.pickerTypeAhead = []
        case .export: askExport(&s)
        case .copyID:
            guard let (t, row) = selectedRow(s) else { s.status = "nothing to copy"; return }
            // An id a terminal can show as it is (a backslash, which the screen doubles, included)
            // is copied exactly; one holding bytes a terminal acts on, as its inert escaped text.
            copy(&s, &effects, key: t.markKeys[row], shown: t.ids[row])
        case .history: openHistory(&s, &effects)
        case .commandLine:
            s.overlay = .commandLine(text: "", completions: [])
            s.promptLock = ""
            s.status = ""
        case .help: s.overlay = .help(offset: 0)
        case .quit: s.quitting = true
        case .closeOverlay:
            if s.overlay == nil && !s.marks.isEmpty {
                if s.clearMarksArmed {
                    s.marks.removeAll()
                    s.clearMarksArmed = false
                    s.status = "marks cleared"
                } else {
                    s.clearMarksArmed = true
                    s.status = "Esc again clears \(Format.plural(s.marks.count, "mark")) (there is no undo)"
                }
            }
            s.overlay = nil
        }
    }

    /// `e` and `:export`: an export writes a bundle and an audit entry, so it asks for its own
    /// Enter, and the case sheet shows it exported only once the store says so (`caseSynced`).
    static func askExport(_ s: inout AppState) {
        let name = s.caseState.id ?? "the open case"
        // The key line beneath the prompt (after its leading space) whole at 80 columns.
        PromptLock.open(&s, "export", completions: [StatusFit.first(
            ["Enter exports \(name) as a signed bundle, Esc cancels (a new file; earlier bundles are kept)",
             "Enter exports \(name) as a signed bundle, Esc cancels (earlier ones are kept)"], room: StatusFit.width - 1)])
    }

    private static func open(_ s: inout AppState, _ effects: inout [Effect]) {
        guard let (t, row) = selectedRow(s) else { s.status = s.data == nil ? notLoaded(s) : "no rows"; return }
        guard let target = t.targets[row] else { openRecord(&s, &effects, table: t, row: row); return }
        push(&s, &effects, target)
    }

    private static func openHistory(_ s: inout AppState, _ effects: inout [Effect]) {
        switch s.current.kind {
        case .account(let a): push(&s, &effects, .queries(.account(a)))
        case .cluster(let c): push(&s, &effects, .queries(.cluster(c)))
        default:
            if let (t, row) = selectedRow(s), let target = t.targets[row] {
                switch target {
                case .account(let a): push(&s, &effects, .queries(.account(a)))
                case .cluster(let c): push(&s, &effects, .queries(.cluster(c)))
                default: s.status = "query history needs an account or a cluster"
                }
            } else {
                s.status = "query history needs an account or a cluster"
            }
        }
    }

    /// Records a write in the case audit trail.
    static func audit(_ s: inout AppState, _ command: String, _ detail: String) {
        s.caseState.audit.append(CaseAuditLine(user: s.user, time: s.now, command: command, detail: detail))
    }

    /// What `t` will tag, said beside its prompt: marks survive pivots, so they may lie on
    /// other sheets than the one in view.
    static func tagTargetText(_ s: AppState) -> String {
        StatusFit.first(tagTargetWordings(s), room: besidePromptRoom(s))
    }

    /// `tagTargetText`'s wordings, fullest first, refitted beside the prompt as the label is
    /// typed: 16b at 80 columns read `tags 3 marked rows; not the row under the cursor (Esc
    /// cancels; Esc ag…`.
    static func tagTargetWordings(_ s: AppState) -> [String] {
        guard !s.marks.isEmpty else {
            guard let (t, row) = selectedRow(s) else { return ["nothing selected to tag (Esc cancels)", "nothing selected to tag"] }
            let id = MarkKey.display(t.markKeys[row]).text
            if t.markKeys[row].hasPrefix("cluster:") {
                // A cluster's tag labels the members a case holds; it does not bring the others in.
                return ["tags the cluster \(id), not its accounts (T tags them too; Esc cancels)",
                        "tags the cluster \(id), not its accounts (T: them too)", "tags the cluster \(id) only", "tags \(id)"]
            }
            return ["tags the selected row \(id) (Esc cancels)", "tags the selected row \(id)", "tags \(id)"]
        }
        let here = Set(table(s, s.current).markKeys)
        let away = s.marks.filter { !here.contains($0) }.count
        let count = "tags \(Format.plural(s.marks.count, "marked row"))"
        let awayText = away > 0 ? ", \(Format.grouped(away)) of them not on this sheet" : ""
        let awayShort = away > 0 ? " (\(Format.grouped(away)) on other sheets)" : ""
        // The marks win over the cursor: when the row in view is not one of them, say so.
        var cursor = "", cursorShort = ""
        if let (t, row) = selectedRow(s), !s.marks.contains(t.markKeys[row]) {
            (cursor, cursorShort) = ("; not the row under the cursor", ", not the cursor's row")
        }
        let text = count + awayText + cursor
        // Shorter still as a label is typed (17b at 80 columns read `:tag decoy-suspect_   tags 2
        // marked rows (2 on other sheets), not the cursor's…`): the cursor's row said last to go.
        let awayShorter = away > 0 ? " (\(Format.grouped(away)) elsewhere)" : ""
        return [text + " (Esc cancels; Esc again clears the marks)", text + " (Esc cancels)", text,
                count + awayShort + cursor, count + awayShort + cursorShort, count + awayShorter + cursorShort,
                count + cursorShort, count]
    }

    /// Tags the marked rows, or the selected one when nothing is marked.
    static func tag(_ s: inout AppState, _ effects: inout [Effect], label: String) {
        var keys = Array(s.marks).sorted()
        if keys.isEmpty, let (t, row) = selectedRow(s) { keys = [t.markKeys[row]] }
        guard !keys.isEmpty else { s.status = "nothing to tag"; return }
        rememberForUndo(&s, .tag(label: label, keys: keys.filter { !(s.caseState.tags[$0] ?? []).contains(label) }))
        for key in keys where !(s.caseState.tags[key] ?? []).contains(label) {
            s.caseState.tags[key, default: []].append(label)
        }
        audit(&s, "tag", "\(label): " + keys.map { MarkKey.display($0).text }.joined(separator: " "))
        effects.append(.persist(.tag(label: label, keys: keys)))
        // Cluster rows tagged with `t` carry the label, not their accounts, into the bundle
        // (a trial's ring of 20 never reached enforcement): said where it happens, before where
        // the write went (`SaveAck` reads that at the end).
        let clusters = keys.filter { $0.hasPrefix("cluster:") }.count
        let clusterNote = clusters == 0 ? ""
            : clusters == keys.count && clusters == 1 ? " (the cluster, not its accounts: T tags them)"
            : " (\(Format.plural(clusters, "cluster")) without \(clusters == 1 ? "its" : "their") accounts: T tags them)"
        s.status = "tagged \(keys.count) row\(keys.count == 1 ? "" : "s") '\(label)'" + clusterNote + caseSuffix(s)
    }

    /// `y` on a row or line whose mark key is `key` and whose text on screen is `shown`: its exact
    /// text when a terminal can show it as it is, else the escaped text with a caution, and on a
    /// second `y` the `--account-b64` argument that names the account exactly. The table and the
    /// timing pane's partners both copy through here (a trial's partner `acct_BBBB<ESC>fire` was
    /// copied as `acct_BBBB\x1bfire`, a planted account's real id, with no caution).
    static func copy(_ s: inout AppState, _ effects: inout [Effect], key: String, shown: String) {
        if s.escapedCopyKey == key, let (_, target) = MarkKey.target(key) {
            // `y` again on an id copied as escaped text: the argument that names it exactly.
            s.escapedCopyKey = nil
            effects.append(.copy("--account-b64 \(target.base64)"))
            s.status = "copying --account-b64 for this id (case tag CASE TAG --account-b64 B64 tags it)..."
            return
        }
        let copied = copyableText(key: key) ?? shown
        let caution = copyCaution(s, key: key, copied: copied)
        s.escapedCopyKey = caution.isEmpty ? nil : key
        effects.append(.copy(copied, caution: caution))
        s.status = caution.isEmpty ? "copying \(shown)..." : caution + "; copying..."
    }

    /// What `y` says first, before how the copy went, of an account id it copies in escaped form
    /// (empty for any other): the id holds bytes a terminal would act on, so the clipboard gets
    /// the inert text, which is not the id; and when that text is itself another account's id (a
    /// planted look-alike), that pasting it names that other account (a trial's `y` on
    /// `acct_ESC[2J` opened `acct_\x1b[2J`). It leads the status, so that a long "copied ..."
    /// message cannot push it off an 80-column line, and it stays when that message comes. It is
    /// said whole at 80 columns: the base64 that names the id (as long as the id and a third) is
    /// what `y` pressed again copies.
    static func copyCaution(_ s: AppState, key: String, copied: String) -> String {
        if copyableText(key: key) != nil { return "" }
        guard let (kind, target) = MarkKey.target(key), kind == .account, target.utf8String != copied else { return "" }
        if s.data?.model.isExactAccountID(copied) == true {
            return "the copied text is ANOTHER account's id, not this one; y again: --account-b64"
        }
        return "copied the id's escaped text, not the id; y again: --account-b64"
    }

    /// A row's exact text when it is an account id or value that is valid UTF-8 with nothing a
    /// terminal would act on (`TextEscaping.isUnsafe`): `y` copies it as it is, where the screen
    /// shows it escaped only for its backslashes (`corp\\alice` on screen is `corp\alice`); nil
    /// for any other row.
    static func copyableText(key: String) -> String? {
        guard let (kind, target) = MarkKey.target(key), kind != .cluster, let text = target.utf8String,
            !text.unicodeScalars.contains(where: TextEscaping.isUnsafe)
        else { return nil }
        return text
    }

    /// ` in case-0003` (or ` in a new case` before the store has one): a write says where it went.
    static func caseSuffix(_ s: AppState) -> String {
        s.caseState.id.map { " in \($0)" } ?? " in a new case"
    }
}
