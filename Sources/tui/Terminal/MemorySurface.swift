/// An in-memory surface: keeps the last frame, counts the cells a diffing terminal would have
/// touched, and feeds keys from a queue. Used by tests and by `investigate replay`.
final class MemorySurface: Surface {
    private(set) var size: TerminalSize
    let colors: Bool
    let glyphs: Glyphs
    /// The last frame drawn.
    private(set) var frame: ScreenBuffer?
    /// Cells that differed, per draw call.
    private(set) var cellsTouched: [Int] = []
    /// Keys still to be delivered.
    var pendingKeys: [Key] = []
    /// What `copyToClipboard` received, and the OSC 52 bytes a tty would have got.
    private(set) var clipboard: [String] = []
    private(set) var clipboardSequences: [String] = []
    /// Whether `close` ran.
    private(set) var closed = false

    init(size: TerminalSize, colors: Bool = false, glyphs: Glyphs = .unicode) {
        self.size = size
        self.colors = colors
        self.glyphs = glyphs
    }

    /// Changes the size and queues a resize key, like a SIGWINCH.
    func resize(to newSize: TerminalSize) {
        size = newSize
        pendingKeys.insert(.resize, at: 0)
    }

    /// Counts the cells the terminal surface would send, by the same `FrameDiff` rule.
    func draw(_ newFrame: ScreenBuffer) {
        cellsTouched.append(FrameDiff.plan(from: frame, to: newFrame).cells.count)
        frame = newFrame
    }

    func nextKey(timeoutMilliseconds: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    func copyToClipboard(_ text: String) -> String {
        clipboard.append(text)
        clipboardSequences.append(OSC52.sequence(for: text, tmux: false))
        return "copied \(TextFit.truncate(Sanitizer.inert(bytes: Array(text.utf8)), to: 40, ellipsis: "..")) (in memory: no terminal in replay)"
    }

    func close() { closed = true }

    /// The text of the last frame.
    func lines() -> [String] { frame?.lines() ?? [] }
}
