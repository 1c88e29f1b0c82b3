import Investigate

/// Type-ahead while the `c` picker's list is read.
enum PickerTypeAhead {
    /// Keys kept at most; more are not used (the picker would have opened long before).
    static let limit = 64
}

/// The pure state transition of the console: `update(state, action) -> Step`, the new state and
/// the side effects it asks for, which the runner performs in order. The helpers take the state and
/// the effects so far as two `inout` arguments; no effect is ever kept in the state.
enum AppUpdate {
    /// Applies one action: the new state and the effects to perform, in order.
    static func update(_ state: AppState, _ action: Action) -> Step {
        var s = state
        var effects: [Effect] = []
        switch action {
        case .key(let key):
            handleKey(&s, &effects, key)
        case .command(let id):
            run(&s, &effects, id)
        case .run(let line):
            runLine(&s, &effects, line)
        case .resize(let size):
            s.size = size
            scrollIntoView(&s)
        case .progress(let fraction, let label):
            s.load.fraction = fraction
            s.load.label = label
        case .loaded(let data):
            s.data = data
            s.load.fraction = 1
            s.load.label = "ready"
            // The totals are in triage's header; the status line is left for what keys do (a
            // message there would cost the first move a status-line redraw), but for keymap
            // problems, said once here where they can be acted on.
            s.status = s.keymap.notice ?? ""
            // What the load skipped is said once, as it opens: the header's totals count only
            // what was kept.
            let loadText = data.model.loadIssues.map { "load: \($0) (investigate load lists each by file:line)" }
            if let text = loadText { s.status = s.status.isEmpty ? text : s.status + "; " + text }
            for depth in s.stack.indices { clampCursor(&s, depth: depth) }
            if let saved = s.pendingRestore {
                s.pendingRestore = nil
                let restored = Session.restore(saved, into: s)
                s = restored.state
                effects += restored.effects
                // The restore says where it put the investigator; what the load skipped still
                // goes first (a reopened source with bad rows said nothing of them).
                if let text = loadText, !s.status.contains(text) { s.status = text + "; " + s.status }
                if let notice = s.keymap.notice, !s.status.hasPrefix(notice) { s.status = notice + "; " + s.status }
            }
            for sheet in s.stack where isPending(s, sheet) { effects.append(.prepare(sheet.kind)) }
        case .loadFailed(let message):
            s.load.failed = message
            s.status = "load failed: " + message
        case .orderReady(let depth, let kind, let order):
            guard depth < s.stack.count, s.stack[depth].kind == kind else { break }
            s.stack[depth].order = order
            if let row = s.stack[depth].follow {
                // The cursor goes where its row went, on the screen line it was on: the rows
                // reorder around it (scrolled only as far as the sheet's ends require).
                s.stack[depth].follow = nil
                if let position = order == nil ? row : order?.firstIndex(of: row) {
                    let line = s.stack[depth].cursor - s.stack[depth].top
                    s.stack[depth].cursor = position
                    s.stack[depth].top = max(0, position - line)
                }
            }
            clampCursor(&s, depth: depth)
            if depth == s.stack.count - 1 {
                let t = table(s, s.current)
                let shown = Format.plural(s.current.visibleCount(tableRows: t.count), "row")
                var status = s.current.filter.map { "filter '\($0)': \(shown)" } ?? shown
                if let coverage = Captions.filterCoverage(s, s.current) { status += " (" + coverage.dropFirst("filter ".count) + ")" }
                if let column = s.current.sortColumn, column < t.columns.count {
                    status += ", sorted by \(t.columns[column].title), " + (s.current.sortAscending ? "smallest first" : "largest first")
                }
                s.status = status
            }
        case .searchResult(let generation, let position, let match, let count):
            guard generation == s.search.generation else { break }
            if let position {
                s.current.cursor = position
                scrollIntoView(&s)
                s.status = "/\(s.search.query): match \(Format.grouped(match)) of \(Format.grouped(count)) (n next, N previous)"
            } else {
                if let origin = s.search.origin, origin != s.current.cursor {
                    s.current.cursor = origin
                    clampCursor(&s, depth: s.stack.count - 1)
                    scrollIntoView(&s)
                }
                s.status = "no match for '\(TextEscaping.visible(s.search.query))'"
            }
        case .status(let text):
            s.status = text
        case .statusWordings(let wordings):
            s.statusWordings = wordings
            s.status = wordings.first ?? ""
        case .exportWarnings(let bundle, let warnings):
            s.exportWarnings = ExportWarnings(bundle: bundle, warnings: warnings)
        case .prepared(let kind):
            for depth in s.stack.indices where s.stack[depth].kind == kind {
                // A rebuilt (longer) table: a filter or sort in force is run again over it.
                if s.stack[depth].order != nil { effects.append(.computeOrder(depth: depth)) }
                clampCursor(&s, depth: depth)
            }
            if s.search.waitingFor == kind {
                s.search.waitingFor = nil
                if s.current.kind == kind { TextInput.startSearch(&s, &effects, s.search.query, from: s.current.cursor) }
            }
        case .clock(let now):
            s.now = now
        case .caseSynced(let stored):
            s.caseState = stored
        case .recordRead(let request, let fields):
            guard case .record(var record)? = s.overlay, record.pending == request else { break }
            record.fields = fields
            record.pending = nil
            s.overlay = .record(record)
        case .firingRead(let account):
            // Drawn from the model on the next frame; the pane's cursor stays on a partner.
            if s.current.kind == .account(account), let count = s.data?.model.firing(account, build: false)?.partners.count {
                s.current.paneCursor = max(0, min(s.current.paneCursor, count - 1))
            }
        case .valuesFound(let generation, let ids, let total, let exact):
            valuesFound(&s, &effects, generation: generation, ids: ids, total: total, exact: exact)
        case .casesListed(let cases):
            let cursor = cases.firstIndex { $0.id == s.caseState.id } ?? 0
            s.overlay = .casePicker(cases: cases, cursor: cursor)
            s.status = cases.isEmpty ? "no cases yet (n starts one)" : "\(cases.count) case\(cases.count == 1 ? "" : "s")"
            // Keys typed while the list was read go to the picker now, in order.
            let typed = s.pickerTypeAhead ?? []
            s.pickerTypeAhead = nil
            for key in typed { handleKey(&s, &effects, key) }
        case .caseListFailed(let message):
            let dropped = s.pickerTypeAhead?.count ?? 0
            s.pickerTypeAhead = nil
            s.status = message + (dropped > 0 ? "; \(Format.plural(dropped, "key")) typed after c not used" : "")
        }
        // A prompt's locked command word lives only as long as a `:` prompt is open.
        if case .commandLine = s.overlay {} else {
            s.promptLock = ""
            s.heldWrite = nil
            s.heldClusterTag = nil
        }
        if s.overlay?.takesText != true { s.promptTail = 0 }
        return Step(state: s, effects: effects)
    }

    /// The table of a sheet: from the data cache, or from the case state for the case sheet.
    static func table(_ s: AppState, _ sheet: Sheet) -> SheetTable {
        if sheet.kind == .caseFile { return CaseTable.build(s.caseState) }
        return s.data?.tableIfReady(sheet.kind) ?? .empty
    }

    /// True while a sheet's rows are being built in the background.
    static func isPending(_ s: AppState, _ sheet: Sheet) -> Bool {
        guard let data = s.data, sheet.kind != .caseFile else { return false }
        return data.tableIfReady(sheet.kind) == nil
    }

    /// Why there is no data to act on: still loading, or the load failed (then saying
    /// "loading" would be untrue: nothing more is coming).
    static func notLoaded(_ s: AppState) -> String {
        guard let failed = s.load.failed else { return "still loading" }
        return "the source did not load (\(failed)); q quits"
    }

    /// Number of visible rows of the current sheet.
    static func visibleCount(_ s: AppState) -> Int {
        s.current.visibleCount(tableRows: table(s, s.current).count)
    }

    /// The table row under the cursor, if any.
    static func selectedRow(_ s: AppState) -> (table: SheetTable, row: Int)? {
        let t = table(s, s.current)
        let count = s.current.visibleCount(tableRows: t.count)
        guard count > 0, s.current.cursor < count else { return nil }
        return (t, s.current.tableRow(at: s.current.cursor))
    }

    private static func handleKey(_ s: inout AppState, _ effects: inout [Effect], _ key: Key) {
        if key == .resize { return }
        // While the screen says "terminal too small" nothing it would act on is visible: every
        // key but quit is ignored (not queued: a key acted on later, unseen, could tag or export),
        // and the screen says so.
        if ViewLayout.tooSmall(s.size) {
            if s.keymap.command(for: key) == .quit { s.quitting = true }
            return
        }
        // The case list is on its way: keys wait for the picker (Esc gives up on it).
        if s.pickerTypeAhead != nil {
            if s.keymap.command(for: key) == .closeOverlay {
                s.pickerTypeAhead = nil
                s.status = "case picker not opened"
            } else if s.pickerTypeAhead!.count < PickerTypeAhead.limit {
                s.pickerTypeAhead!.append(key)
            }
            return
        }
        // A `:pivot` scan being read: Esc drops it (before Esc's other uses: no mark is cleared).
        if s.overlay == nil, s.pivotScan != nil, s.keymap.command(for: key) == .closeOverlay, cancelPivotScan(&s) { return }
        if let overlay = s.overlay {
            if overlay.takesText {
                TextInput.handle(&s, &effects, key)
                return
            }
            if case .help(let offset) = overlay {
                // Scrolls within the wrapped text, so Up after overshooting Down moves at once.
                let last = HelpOverlay.maxOffset(s, size: s.size)
                let page = max(1, HelpOverlay.height(rows: s.size.rows) - 1)
                func scroll(_ to: Int) { s.overlay = .help(offset: max(0, min(last, to))) }
                switch s.keymap.command(for: key) {
                case .moveDown: scroll(offset + 1)
                case .moveUp: scroll(offset - 1)
                case .pageDown: scroll(offset + page)
                case .pageUp: scroll(offset - page)
                case .top: scroll(0)
                case .bottom: scroll(last)
                default: s.overlay = nil
                }
                return
            }
            if case .record(let record) = overlay {
                handleRecordKey(&s, &effects, key, record)
                return
            }
            if case .casePicker(let cases, let cursor) = overlay {
                CasePicker.handle(&s, &effects, key, cases: cases, cursor: cursor)
                return
            }
        }
        // The status line speaks of the last thing done: every key on a sheet starts it empty, and
        // the command run says its own (issue 14 follow-up: "marks cleared" lingered).
        s.status = ""
        let command = s.keymap.command(for: key)
        if command != .closeOverlay { s.clearMarksArmed = false }
        guard let id = command else {
            s.status = "unbound key \(KeyNames.name(key)) (? for help)"
            return
        }
        run(&s, &effects, id)
    }

    /// Clamps the cursor of a stack sheet to its rows.
    static func clampCursor(_ s: inout AppState, depth: Int) {
        let sheet = s.stack[depth]
        if isPending(s, sheet) { return }
        let count = sheet.visibleCount(tableRows: table(s, sheet).count)
        s.stack[depth].cursor = max(0, min(sheet.cursor, count - 1))
        if depth == s.stack.count - 1 { scrollIntoView(&s) }
    }

    /// Moves `top` so that the cursor row is on screen.
    static func scrollIntoView(_ s: inout AppState) {
        let height = max(1, ViewLayout.tableHeight(s.current.kind, s.size))
        var sheet = s.current
        if sheet.cursor < sheet.top { sheet.top = sheet.cursor }
        if sheet.cursor >= sheet.top + height { sheet.top = sheet.cursor - height + 1 }
        let count = sheet.visibleCount(tableRows: table(s, sheet).count)
        sheet.top = max(0, min(sheet.top, max(0, count - height)))
        s.current = sheet
    }

    /// Moves the cursor by `delta` rows.
    static func move(_ s: inout AppState, by delta: Int) {
        let count = visibleCount(s)
        guard count > 0 else { return }
        s.current.cursor = max(0, min(count - 1, s.current.cursor + delta))
        scrollIntoView(&s)
    }

    /// Pushes a sheet (a pivot); the forward stack is cleared.
    /// The status line is about the sheet it was said on: a pivot starts with it empty.
    static func push(_ s: inout AppState, _ effects: inout [Effect], _ kind: SheetKind) {
        // `:pivot` to the value in view (or Enter on the sheet's own row) stays: the breadcrumb
        // once read `payment X > payment X > payment X`.
        guard s.current.kind != kind else { s.status = "already on this sheet"; return }
        s.status = ""
        s.stack.append(Sheet(kind))
        if isPending(s, s.current) { effects.append(.prepare(kind)) }
        s.forwardStack.removeAll()
        scrollIntoView(&s)
    }
}
