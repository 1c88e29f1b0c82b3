/// The `?` overlay: every command of the registry with its current keys, from the same table
/// that drives key handling (so rebinding shows here).
enum HelpOverlay {
    static func lines(_ state: AppState) -> [String] {
        var out = ["Help: every command and its keys (j/k scroll, any other key closes)", ""]
        for command in ConsoleCommands.all {
            let keys = state.keymap.keys(for: command.id).map(KeyNames.name).joined(separator: " ")
            out.append(TextFit.pad(keys, to: 16) + " " + TextFit.pad(command.id.rawValue, to: 14) + " "
                       + command.help + (command.writes ? " (writes)" : ""))
        }
        out += ["", ":open ID  :pivot KIND VALUE  :tag LABEL  :note TEXT  :export  :dump FILE  :q",
                ":case (the case sheet)  :case new TITLE  :case open ID",
                ":set status|severity|assignee|disposition VALUE  :mark EXPR  :undo  :more  :singles  :triage",
                "Writes (tag, T, note, set, undo) happen only on the Enter of their own prompt.",
                "In a record (Enter on a query, note or audit row; = on two marked accounts): j/k scroll, Esc closes."]
        out += state.keymap.problems.map { "keymap: " + $0 }
        return out
    }

    static func draw(_ state: AppState, offset: Int, into buffer: inout ScreenBuffer) {
        let top = 1
        let height = buffer.rows - 3
        let all = lines(state)
        let start = max(0, min(offset, all.count - height))
        for r in top..<(top + height) { buffer.clearRow(r) }
        for (i, line) in all.dropFirst(start).prefix(height).enumerated() {
            buffer.put(line, row: top + i, col: 1, style: i == 0 && start == 0 ? [.bold, .underline] : [])
        }
    }
}
