/// The parts every screen shares: breadcrumb, status line, footer, "terminal too small".
enum Chrome {
    /// The breadcrumb text for the stack (`Triage > cluster c17 > acct_9f.. > ip 203.0.113.7`).
    /// With `full`, ids and values are whole (a file such as `:dump`'s has no width to fit).
    static func breadcrumb(_ state: AppState, full: Bool = false) -> String {
        state.stack.map { crumb($0.kind, state, full: full) }.joined(separator: " > ")
    }

    static func crumb(_ kind: SheetKind, _ state: AppState, full: Bool = false) -> String {
        let model = state.data?.model
        let short = full ? { $0 } : short
        switch kind {
        case .triage: return "Triage"
        case .cluster(let n): return "cluster c\(n)"
        case .account(let a): return short(model?.accountID(a) ?? "#\(a)")
        case .sharedValue(let kind, let v):
            let text = model?.valueText(kind, v) ?? "?"
            return kind.rawValue + " " + (full ? text : TextFit.truncate(text, to: 24, ellipsis: ".."))
        case .queries(.account(let a)): return "queries " + short(model?.accountID(a) ?? "#\(a)")
        case .queries(.cluster(let c)): return "queries c\(c)"
        case .caseFile: return "case " + state.caseState.title
        case .singles: return "single accounts"
        }
    }

    /// `acct_9f3e21` -> `acct_9f..` for ids longer than 10 characters. An escape the cut
    /// would split (`u\u{202E` of an escaped bidi override) is kept whole: `u\u{202E}..`.
    static func short(_ id: String) -> String {
        guard id.count > 10 else { return id }
        let prefix = id.prefix(8)
        guard let slash = prefix.lastIndex(of: "\\") else { return String(prefix) + ".." }
        let escape = id[slash...]
        let end: String.Index
        if escape.hasPrefix("\\u{"), let close = escape.firstIndex(of: "}") {
            end = id.index(after: close)
        } else {
            end = id.index(slash, offsetBy: escape.hasPrefix("\\x") ? 4 : 2, limitedBy: id.endIndex) ?? id.endIndex
        }
        guard end > prefix.endIndex else { return String(prefix) + ".." }
        return String(id[..<end]) + (end < id.endIndex ? ".." : "")
    }

    /// Draws the breadcrumb on row 0, keeping the right end when too long.
    static func drawBreadcrumb(_ state: AppState, into buffer: inout ScreenBuffer) {
        var text = breadcrumb(state)
        let room = buffer.cols - 1
        if TextWidth.of(text) > room {
            while TextWidth.of(text) > room - 2, !text.isEmpty { text.removeFirst() }
            text = ".." + text
        }
        buffer.clearRow(0, style: [.bold, .reverse])
        buffer.put(" " + text, row: 0, col: 0, style: [.bold, .reverse])
    }

    /// The fewest columns of a status drawn beside a prompt (less, and none of it is drawn).
    static let besideMinimum = 16

    /// Draws the status line (or the overlay's input line) and the key-hint footer.
    static func drawFooter(_ state: AppState, hints: String, into buffer: inout ScreenBuffer) {
        let statusRow = buffer.rows - 2
        let footerRow = buffer.rows - 1
        buffer.clearRow(statusRow)
        if let refusal = state.promptRefusal, state.overlay?.takesText == true {
            // The refused prompt stays on the status line; why it was refused goes under it.
            drawPrompt(state, row: statusRow, into: &buffer)
            buffer.clearRow(footerRow, style: [.reverse])
            buffer.put(" " + refusal, row: footerRow, col: 0, style: [.bold, .reverse], role: .danger)
            return
        }
        switch state.overlay {
        case .commandLine(let text, let completions)?:
            let end = PromptLine.draw(":", text, tail: state.promptTail, row: statusRow,
                                      floor: PromptLock.locked(state, text).count, into: &buffer)
            // What the command will act on (`t` with marks from other sheets says so); kept
            // beside the prompt while the line beneath lists completions or a question's keys.
            // Only where a readable part of it fits: squeezed into a column or two it was a lone
            // `…` after the typed text, read as a second ellipsis (a trial's long note).
            let room = buffer.cols - end - 1
            let status = state.statusWordings.contains(state.status) ? StatusFit.first(state.statusWordings, room: room - 3) : state.status
            if !status.isEmpty, room >= min(TextWidth.of(status), besideMinimum) + 3 {
                buffer.put("   " + status, row: statusRow, col: end, width: room, role: .accent)
            }
            if !completions.isEmpty {
                buffer.clearRow(footerRow, style: [.reverse])
                buffer.put(" " + completions.joined(separator: "  "), row: footerRow, col: 0, style: [.reverse])
                return
            }
        case .search(let text)?:
            PromptLine.draw("/", text, tail: state.promptTail, row: statusRow, into: &buffer)
        case .filter(let text)?:
            // A reopened filter shows its old text selected (reverse): typing replaces it.
            let after = PromptLine.draw("filter: ", text, tail: state.promptTail, row: statusRow,
                                        selected: state.promptSelected, into: &buffer)
            if state.promptSelected { buffer.put("   (typing replaces it; Right keeps it)", row: statusRow, col: after) }
        default:
            // An overlay is not about the sheet's rows; a status that needs the room takes it.
            // A status given in several wordings says the first that fits the line (an export's
            // whole path where its folder would be cut).
            // None fitting, the fullest is said, cut at its end.
            let wordings = state.statusWordings.count > 1 && state.statusWordings.contains(state.status) ? state.statusWordings : []
            let status = wordings.first { TextWidth.of($0) <= buffer.cols - 1 } ?? state.status
            let right = state.overlay == nil ? sheetInfo(state, beside: status, cols: buffer.cols) : ""
            let room = max(0, buffer.cols - TextWidth.of(right) - 1)
            buffer.put(status, row: statusRow, col: 0, width: room, role: .accent)
            if !right.isEmpty {
                buffer.put(right, row: statusRow, col: buffer.cols - TextWidth.of(right), style: [.bold])
            }
        }
        buffer.clearRow(footerRow, style: [.reverse])
        buffer.put(" " + hints, row: footerRow, col: 0, style: [.reverse])
    }

    /// A prompt's line with the cursor at the end, as text: its sign, the typed text and the
    /// cursor (`:note abc_`). Text wider than the screen keeps its end in view, after an
    /// ellipsis (`:…goes beyond eighty columns_`); `PromptLine` draws other cursor positions.
    static func typed(_ sign: String, _ text: String, width: Int) -> String {
        let room = max(1, width - TextWidth.of(sign) - 1)
        return PromptLine.text(sign, PromptLine.view(text, cursor: text.count, room: room))
    }

    /// The open prompt's text on `row` (`:tag ring_`, `filter: risk>>0.5_`).
    static func drawPrompt(_ state: AppState, row: Int, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .commandLine(let text, _)?:
            PromptLine.draw(":", text, tail: state.promptTail, row: row, floor: PromptLock.locked(state, text).count, into: &buffer)
        case .search(let text)?: PromptLine.draw("/", text, tail: state.promptTail, row: row, into: &buffer)
        case .filter(let text)?: PromptLine.draw("filter: ", text, tail: state.promptTail, row: row, into: &buffer)
        default: break
        }
    }

    /// The right end of the status line beside `status`. Beside a status that does not fit
    /// with all of it, the counter gives way, then the sort, then the filter, then the marks:
    /// the status says what was just done (a trial read `tagged ... saved in case-0…` beside
    /// `[25 marked]`). A status too long even alone takes the whole line: a trial read
    /// `...: the one v…  [2 marked]`, the message cut for a counter it can do without.
    static func sheetInfo(_ state: AppState, beside status: String, cols: Int) -> String {
        var info = sheetInfoParts(state)
        let room = cols - 1 - TextWidth.of(status)
        for giving in [InfoPart.position, .sort, .filter, .marks] {
            guard TextWidth.of(joined(info)) > room else { break }
            info.removeAll { $0.part == giving }
        }
        return joined(info)
    }

    /// The parts of the status line's right end, in the order drawn.
    private enum InfoPart { case marks, filter, sort, position }

    private static func joined(_ parts: [(part: InfoPart, text: String)]) -> String {
        parts.isEmpty ? "" : " " + parts.map(\.text).joined(separator: "  ") + " "
    }

    /// The right end of the status line: marks, the filter and sort in force, and the row
    /// counter (` [2 marked] filter: risk>0.5  sort: risk desc  3/50`). Kept off the column
    /// titles so they never collide.
    static func sheetInfo(_ state: AppState) -> String { joined(sheetInfoParts(state)) }

    private static func sheetInfoParts(_ state: AppState) -> [(part: InfoPart, text: String)] {
        var parts: [(part: InfoPart, text: String)] = []
        if !state.marks.isEmpty { parts.append((.marks, "[\(Format.grouped(state.marks.count)) marked]")) }
        let sheet = state.current
        if let filter = sheet.filter { parts.append((.filter, "filter: " + TextFit.truncate(filter, to: 24, ellipsis: ".."))) }
        let table = AppUpdate.table(state, sheet)
        if let column = sheet.sortColumn, column < table.columns.count {
            parts.append((.sort, "sort: \(table.columns[column].title) " + (sheet.sortAscending ? "asc" : "desc")))
        }
        let count = sheet.visibleCount(tableRows: table.count)
        if count > 0, sheet.pane == 0 {
            parts.append((.position, "\(Format.grouped(min(count, sheet.cursor + 1)))/\(Format.grouped(count))"))
        }
        return parts
    }

    /// The key hints for a sheet, built from the keymap so rebinding shows; only whole hints
    /// that fit in `width` columns.
    static func hints(_ state: AppState, _ ids: [(CommandID, String)], width: Int = .max) -> String {
        var out = ""
        for (id, label) in ids {
            guard let key = state.keymap.keys(for: id).first else { continue }
            let name = KeyNames.name(key) == "Backspace" ? "Bksp" : KeyNames.name(key)
            let hint = (out.isEmpty ? "" : "  ") + name + " " + label
            if TextWidth.of(out) + TextWidth.of(hint) > width { break }
            out += hint
        }
        return out
    }

    /// The whole frame for a terminal below 80x24: what it needs, and that keys are ignored (but q).
    static func tooSmall(_ size: TerminalSize, glyphs: Glyphs) -> ScreenBuffer {
        var buffer = ScreenBuffer(rows: size.rows, cols: size.cols, glyphs: glyphs)
        buffer.put("terminal too small: \(size.cols)x\(size.rows), need 80x24", row: 0, col: 0, style: [.bold])
        buffer.put("keys are ignored until it is larger; q quits", row: 1, col: 0)
        return buffer
    }
}
