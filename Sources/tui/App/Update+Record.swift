import Investigate

/// The record view: opening a row as a whole record, comparing two marked accounts, and the
/// keys that scroll and close it.
extension AppUpdate {
    /// Enter on a row that pivots nowhere: a query opens as a record (re-read in full in the
    /// background), a case-sheet row (tag, note, audit entry) as its record.
    static func openRecord(_ s: inout AppState, _ effects: inout [Effect], table: SheetTable, row: Int) {
        switch s.current.kind {
        case .queries(let scope):
            guard let detail = s.data?.model.queries(scope), row < detail.rows.count else { return }
            let request = "query \(scope) \(row) \(s.search.generation)"
            let q = detail.rows[row]
            s.overlay = .record(RecordView(title: "query by \(q.account) at \(q.time)", fields: RecordBuilder.query(q),
                                           pending: request, whole: RecordText.queryWhole))
            effects.append(.readQuery(scope: scope, row: row, request: request))
            s.status = "record: j/k scroll, Esc closes"
        case .caseFile:
            guard let record = RecordBuilder.caseRow(s.caseState, markKey: table.markKeys[row]) else {
                s.status = "nothing to open on this row"
                return
            }
            s.overlay = .record(record)
            s.status = "record: j/k scroll, Esc closes"
        case .triage:
            guard let op = selectedOperation(s) else { s.status = "nothing to open on this row"; return }
            let record = operationRecord(op, model: s.data?.model)
            s.overlay = .record(record)
            s.status = record.choicesHint
        default:
            s.status = "nothing to open on this row"
        }
    }

    /// `=`: the two marked accounts side by side, the first marked on the left.
    static func compareMarked(_ s: inout AppState) {
        guard let model = s.data?.model else { s.status = notLoaded(s); return }
        let accounts = s.marks.compactMap { key -> Int? in
            guard let (kind, id) = MarkKey.target(key), kind == .account else { return nil }
            return model.accountIndex(id.utf8String ?? id.display)
        }
        guard accounts.count == 2, let a = model.account(accounts[0]), let b = model.account(accounts[1]) else {
            s.status = "compare: mark exactly two accounts (space), then = (\(Format.plural(accounts.count, "account")) marked)"
            return
        }
        let record = RecordBuilder.compare(a, b, why: model.pairReasons(accounts[0], accounts[1]))
        s.overlay = .record(record)
        s.status = compareStatus(record, size: s.size, ascii: s.glyphs.ascii)
    }

    /// What `=` says as the pair opens. Where why the two are linked starts below the first
    /// screen, or shows fewer than its first three lines there (80x24: at line 21 or 23, under the
    /// shared values), it says where: a trial at 80x24 read the first page, all fields and shared
    /// values, and nothing said the verdict was one page down.
    static func compareStatus(_ record: RecordView, size: TerminalSize, ascii: Bool) -> String {
        let lines = RecordOverlay.lines(record, width: size.cols - 2, ascii: ascii)
        guard let why = lines.firstIndex(where: { $0.text.hasPrefix("why linked") }),
              why + 3 > RecordOverlay.height(rows: size.rows) else { return "comparing two accounts: j/k scroll, Esc closes" }
        // Its heading at the foot of the first screen, PgDn would scroll past it: j says it.
        let key = why >= RecordOverlay.height(rows: size.rows) ? "PgDn" : "j scrolls"
        return "comparing two accounts: why linked is at line \(why + 1) (\(key)); Esc closes"
    }

    /// Keys while a record is open: move and page keys scroll, Esc, Back, Enter and q close it.
    /// A record with choices (an operation's tying values): j/k select one, Enter opens it.
    static func handleRecordKey(_ s: inout AppState, _ effects: inout [Effect], _ key: Key, _ record: RecordView) {
        var r = record
        // An operation's record says "T tags the operation whole": T there does it (the row
        // under the overlay is the operation's), as it would with the overlay closed.
        if record.title.hasPrefix("operation "), s.keymap.command(for: key) == .tagCluster {
            s.overlay = nil
            run(&s, &effects, .tagCluster)
            return
        }
        let page = max(1, RecordOverlay.height(rows: s.size.rows) - 1)
        let last = RecordOverlay.maxOffset(record, size: s.size, ascii: s.glyphs.ascii)
        if !record.choices.isEmpty {
            let command = s.keymap.command(for: key)
            var choice = record.choice
            switch command {
            case .moveDown: choice += 1
            case .moveUp: choice -= 1
            case .top: choice = 0
            case .bottom: choice = record.choices.count - 1
            case .open:
                s.overlay = nil
                push(&s, &effects, record.choices[max(0, min(record.choices.count - 1, record.choice))].target)
                return
            default: break
            }
            if [.moveDown, .moveUp, .top, .bottom].contains(command) {
                r.choice = max(0, min(record.choices.count - 1, choice))
                // The selected line stays on screen.
                let line = RecordOverlay.choiceLine(r, width: s.size.cols - 2, ascii: s.glyphs.ascii)
                let height = RecordOverlay.height(rows: s.size.rows) - 1
                if line - 1 >= r.offset + height { r.offset = line - height }
                if line < r.offset + 1 { r.offset = line - 1 }
                r.offset = max(0, min(last, r.offset))
                s.overlay = .record(r)
                return
            }
        }
        switch s.keymap.command(for: key) {
        case .moveDown: r.offset += 1
        case .moveUp: r.offset -= 1
        case .pageDown: r.offset += page
        case .pageUp: r.offset -= page
        case .top: r.offset = 0
        case .bottom: r.offset = last
        case .closeOverlay, .back, .open, .quit:
            s.overlay = nil
            s.status = ""
            return
        default:
            // A key the record does not take: its own hint again (an operation's names its choices).
            s.status = record.choices.isEmpty ? "record: j/k PgUp PgDn scroll, Esc closes" : record.choicesHint
            return
        }
        r.offset = max(0, min(last, r.offset))
        s.overlay = .record(r)
    }
}
