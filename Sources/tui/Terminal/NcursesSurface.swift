#if canImport(Glibc)
    import Glibc
#endif
import CNcurses

/// A real terminal through ncursesw. Frames are diffed against the previous one and only the
/// changed cells are handed to ncurses (which in turn sends only what differs on screen), so a
/// one-row move costs a few dozen bytes. No terminal queries are made.
final class NcursesSurface: Surface {
    private(set) var size: TerminalSize
    let colors: Bool
    let glyphs: Glyphs
    private var last: ScreenBuffer?
    private var isOpen = true
    private let insideTmux: Bool

    /// Starts ncurses. Call `TerminalCheck.requireInteractive` first.
    /// - Throws: `TerminalUnavailable` when the terminal type is unknown.
    init(environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let codeset = inv_codeset().map { String(cString: $0) }
        glyphs = Glyphs.forLocale(codeset)
        insideTmux = !(environment["TMUX"] ?? "").isEmpty
        guard inv_newterm() != nil else {
            throw TerminalUnavailable(
                description:
                    "investigate console: cannot use terminal type '\(environment["TERM"] ?? "")'")
        }
        cbreak()
        noecho()
        nonl()
        keypad(inv_stdscr(), true)
        NcursesSurface.defineEditingKeys()
        set_escdelay(25)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var useColors = false
        if !noColor && inv_has_colors() != 0 {
            start_color()
            use_default_colors()
            NcursesSurface.definePairs()
            useColors = true
        }
        colors = useColors
        size = TerminalSize(rows: Int(inv_lines()), cols: Int(inv_cols()))
        TerminationSignals.install { endwin() }
    }

    private static func definePairs() {
        let fg: [ColorRole: Int16] = [
            .accent: Int16(COLOR_CYAN), .danger: Int16(COLOR_RED),
            .warning: Int16(COLOR_YELLOW), .muted: Int16(COLOR_BLUE),
            .good: Int16(COLOR_GREEN),
        ]
        for (role, colour) in fg { init_pair(Int16(role.rawValue), colour, -1) }
    }

    func draw(_ frame: ScreenBuffer) {
        guard isOpen else { return }
        let plan = FrameDiff.plan(from: last, to: frame)
        if plan.full { werase(inv_stdscr()) }
        for position in plan.cells { put(frame[position.row, position.col], row: position.row, col: position.col) }
        wnoutrefresh(inv_stdscr())
        doupdate()
        last = frame
    }

    private func put(_ cell: Cell, row: Int, col: Int) {
        var attrs = inv_a_normal()
        if cell.style.contains(.bold) { attrs |= inv_a_bold() }
        if cell.style.contains(.reverse) { attrs |= inv_a_reverse() }
        if cell.style.contains(.dim) { attrs |= inv_a_dim() }
        if cell.style.contains(.underline) { attrs |= inv_a_underline() }
        let pair: Int16 = colors && cell.role != .normal ? Int16(cell.role.rawValue) : 0
        var wide: [wchar_t] = []
        for scalar in (cell.text ?? " ").unicodeScalars { wide.append(wchar_t(bitPattern: scalar.value)) }
        wide.append(0)
        _ = inv_mvadd_wch(Int32(row), Int32(col), wide, attrs, pair)
    }

    /// Home and End as tmux, screen and rxvt send them (`ESC [1~` `ESC [4~`, `ESC [7~` `ESC [8~`)
    /// and as xterm does outside keypad mode (`ESC [H` `ESC [F`), whatever `TERM`'s entry says:
    /// under tmux with `TERM=xterm-256color` Home arrived as Esc and `[1~`, closing a prompt
    /// and running the rest as commands (`~` inverted the marks).
    private static func defineEditingKeys() {
        let home = inv_key_home(), end = inv_key_end()
        for (sequence, code) in [("\u{1B}[1~", home), ("\u{1B}[4~", end), ("\u{1B}[7~", home), ("\u{1B}[8~", end),
                                 ("\u{1B}[H", home), ("\u{1B}[F", end), ("\u{1B}OH", home), ("\u{1B}OF", end)] {
            _ = define_key(sequence, code)
        }
    }

    func nextKey(timeoutMilliseconds: Int) -> Key? {
        guard isOpen else { return nil }
        wtimeout(inv_stdscr(), Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let result = inv_get_wch(&ch)
        if result == inv_err() { return nil }
        if result == inv_key_code_yes() {
            let code = Int32(ch)
            if code == inv_key_resize() {
                size = TerminalSize(rows: Int(inv_lines()), cols: Int(inv_cols()))
                last = nil
                return .resize
            }
            return NcursesKeys.function(code)
        }
        return NcursesKeys.character(UInt32(ch))
    }

    func copyToClipboard(_ text: String) -> String {
        Clipboard.copy(text, insideTmux: insideTmux, shown: TextFit.truncate(Sanitizer.inert(bytes: Array(text.utf8)), to: 40, ellipsis: ".."))
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }

    deinit { close() }
}

/// Maps ncurses key codes and characters to `Key`.
enum NcursesKeys {
    static func function(_ code: Int32) -> Key? {
        switch code {
        case inv_key_up(): return .up
        case inv_key_down(): return .down
        case inv_key_left(): return .left
        case inv_key_right(): return .right
        case inv_key_npage(): return .pageDown
        case inv_key_ppage(): return .pageUp
        case inv_key_home(): return .home
        case inv_key_end(): return .end
        case inv_key_backspace(): return .backspace
        case inv_key_dc(): return .delete
        case inv_key_enter(): return .enter
        case inv_key_btab(): return .backTab
        default: return nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
