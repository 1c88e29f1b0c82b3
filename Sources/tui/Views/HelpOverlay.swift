/// The `?` overlay: every command of the registry with its current keys, from the same table
/// that drives key handling (so rebinding shows here). Lines are wrapped to the screen's width
/// (continuations indented under the help text) and scroll with j/k, so every key is readable
/// at 80x24; the title line says which lines are shown.
enum HelpOverlay {
    /// Columns of the key list.
    static let keyWidth = 16
    /// Columns of the command name.
    static let nameWidth = 14

    /// Every help line, wrapped to `width` columns.
    static func lines(_ state: AppState, width: Int = .max) -> [String] {
        let width = max(20, width)
        var out = [String]()
        let indent = String(repeating: " ", count: keyWidth + 1 + nameWidth + 1)
        for command in ConsoleCommands.all {
            let keys = state.keymap.keys(for: command.id).map(KeyNames.name).joined(separator: " ")
            let head = TextFit.pad(keys, to: keyWidth) + " " + TextFit.pad(command.id.rawValue, to: nameWidth) + " "
            out += hanging(head, command.help + (command.writes ? " (writes)" : ""), indent: indent, width: width)
        }
        out.append("")
        for note in notes + [CaseTable.tagOrder] + state.keymap.problems.map({ "keymap: " + $0 }) {
            out += hanging("", note, indent: "  ", width: width)
        }
        return out
    }

    /// The lines after the command list: the `:` commands and the rules worth knowing.
    static let notes = [
        "Triage lists clusters likeliest first: those rated 0.5 or more by expected ring accounts (size x risk),"
            + " then the rest by risk; an operation's row sits at its riskiest cluster's rank, its clusters beneath it.",
        "age: days before the newest query or created_at in the source (not today), so it reads the same on every run.",
        ":open ID  :pivot KIND VALUE  :tag LABEL  :note TEXT  :export  :dump FILE  :q",
        ":case (the case sheet)  :case new TITLE  :case open ID  :warnings (the last export's, whole)",
        ":set status|severity|assignee|disposition VALUE  :mark EXPR  :undo  :more  :singles  :triage",
        "Tab completes on the : line: commands, link kinds, account ids, and after :tag or T's word (:tagcluster...) the built-in labels (ring-member, benign...) and the case's own.",
        "Filters (f, |, :mark): words are text; NAME OP VALUE compares a column (ops >= <= != = > < ~);"
            + " a filter that does not parse is refused and says where.",
        "Space marks (or unmarks) the row and moves down, so Space Space marks two rows in a row.",
        "Writes (tag, T, note, set, undo) happen only on the Enter of their own prompt.",
        "A case keeps the source it was made on. One from another source (or none recorded) is never opened"
            + " unasked; opened with c, it says so, its cluster tags (c-numbers of that source) are listed"
            + " apart, and its first write asks Enter/Esc.",
        "In a record (Enter on a query, note or audit row; = on two marked accounts): j/k scroll, Esc closes.",
        "Export (e): a new file each time, earlier ones kept. Its manifest's exported_at is the time of the case's"
            + " last write, not of the export, so an unchanged case exports the same bytes (and the line says so).",
        "Below 80x24 the screen says \"terminal too small\" and every key but q waits until it is larger.",
        "A prompt opened by a key (t, T, a, S, |, e, u) keeps its command word: Backspace stops at the argument.",
    ]

    /// `head` then `text` wrapped so continuation lines start under the text.
    static func hanging(_ head: String, _ text: String, indent: String, width: Int) -> [String] {
        let first = head.isEmpty ? indent : head
        let room = max(10, width - TextWidth.of(first))
        let wrapped = TextWrap.wrap(text, width: room)
        return wrapped.enumerated().map { i, line in (i == 0 ? first : indent) + line }
    }

    /// Rows the help text may use on a screen of `rows` rows (under its title line).
    static func height(rows: Int) -> Int { max(1, rows - 4) }

    /// The largest useful scroll offset at a size.
    static func maxOffset(_ state: AppState, size: TerminalSize) -> Int {
        max(0, lines(state, width: size.cols - 2).count - height(rows: size.rows))
    }

    /// Draws the help from line `offset` (clamped), with which lines are shown on its title line.
    static func draw(_ state: AppState, offset: Int, into buffer: inout ScreenBuffer) {
        let top = 1
        let height = height(rows: buffer.rows)
        let all = lines(state, width: buffer.cols - 2)
        let start = max(0, min(offset, all.count - height))
        for r in top..<(top + height + 1) { buffer.clearRow(r) }
        let end = min(all.count, start + height)
        let more = end < all.count ? ", j for more" : ""
        buffer.put("Help (j/k scroll, any other key closes)", row: top, col: 1,
                   style: [.bold, .underline])
        buffer.putCounter(" lines \(start + 1)-\(end) of \(all.count)\(more) ", row: top, style: [.bold])
        for (i, line) in all[start..<end].enumerated() {
            buffer.put(line, row: top + 1 + i, col: 1)
        }
    }
}
