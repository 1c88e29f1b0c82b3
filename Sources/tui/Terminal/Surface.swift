/// A terminal size in rows and columns.
struct TerminalSize: Hashable, Sendable {
    var rows: Int
    var cols: Int

    /// Parses `120x40` (columns x rows).
    init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]), c > 0, r > 0 else { return nil }
        cols = c
        rows = r
    }

    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }
}

/// One key press, decoded from the terminal or from a key script.
enum Key: Hashable, Sendable {
    case char(Character)
    case enter, backspace, escape, tab, backTab, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case ctrl(Character)
    case resize
}

/// Where frames go and keys come from: ncurses on a real terminal, memory in tests and replay.
protocol Surface: AnyObject {
    /// The current size.
    var size: TerminalSize { get }
    /// Whether colours may be used (false under `NO_COLOR` or on a monochrome terminal).
    var colors: Bool { get }
    /// The glyph set that the locale can show.
    var glyphs: Glyphs { get }
    /// Draws a frame, touching only what changed since the last one.
    func draw(_ frame: ScreenBuffer)
    /// The next key, waiting at most `timeoutMilliseconds`; nil on timeout.
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// Copies text to the user's clipboard (tmux's buffer inside tmux, else OSC 52); returns
    /// what really happened, for the status line.
    func copyToClipboard(_ text: String) -> String
    /// Restores the terminal. Safe to call twice.
    func close()
}
