/// A prompt's line as drawn: its sign (`:`, `/`, `filter: `), the part of the typed text in
/// view and the cursor. Text wider than the line scrolls to keep the cursor in view, by half a
/// line at a time (as readline's horizontal scroll does), with an ellipsis on each side where
/// more text lies; the cursor is `_` at the end and the reversed character it stands on
/// elsewhere. With the cursor at the end the line's end is in view, as before; with it where
/// the line's start can show it, the start is in view.
enum PromptLine {
    /// The text in view: `before` the cursor, the character `under` it (nil at the end), what
    /// comes `after`, and whether more text lies to the `left` or `right` of the view.
    struct View: Equatable {
        var left = false
        var before = ""
        var under: String?
        var after = ""
        var right = false
    }

    /// The view of `text` with the cursor at character `cursor`, in `room` columns (the cursor's
    /// `_` at the end included); `ellipsis` marks hidden text. Widths are of the text as drawn
    /// (sanitised), so an escaped control character takes the room its escape takes.
    /// A cursor at or before `floor` (where editing starts: the end of a locked command word)
    /// shows the line's start whenever the start holds it.
    static func view(_ text: String, cursor: Int, room: Int, ellipsis: String = "…", ascii: Bool = false,
                     floor: Int = 0) -> View {
        let characters = Array(text)
        let cursor = max(0, min(cursor, characters.count))
        let widths = characters.map { TextWidth.of(Sanitizer.inert(String($0), ascii: ascii)) }
        let mark = TextWidth.of(ellipsis)
        let room = max(1, room - 1)  // the last column is the cursor's at the end
        func slice(_ range: Range<Int>) -> String { String(characters[range]) }
        func make(_ start: Int, _ end: Int) -> View {
            View(left: start > 0, before: slice(start..<cursor),
                 under: cursor < characters.count ? String(characters[cursor]) : nil,
                 after: cursor < end ? slice((cursor + 1)..<end) : "", right: end < characters.count)
        }
        if widths.reduce(0, +) <= room { return make(0, characters.count) }
        // The furthest end a view starting at `start` reaches.
        func end(from start: Int) -> Int {
            var used = start > 0 ? mark : 0, index = start
            while index < characters.count {
                let more = index + 1 < characters.count ? mark : 0
                if used + widths[index] + more > room { break }
                used += widths[index]
                index += 1
            }
            return index
        }
        // The view ending at the text's end starts at `tailStart`; a cursor left of it pages
        // the view left by half the room until it is in view.
        var tailStart = characters.count, used = mark
        while tailStart > 0, used + widths[tailStart - 1] <= room { used += widths[tailStart - 1]; tailStart -= 1 }
        // A cursor the line's start holds in view shows the start: paged left by halves (or in
        // the tail's view of a note a little longer than the line), Home on a long note showed
        // `:…e c3 is a`, the command word cut, as if more lay before it.
        let first = end(from: 0)
        if cursor <= floor, cursor < first { return make(0, first) }
        if cursor >= tailStart { return make(tailStart, characters.count) }
        if cursor < first { return make(0, first) }
        let page = max(1, room / 2)
        var start = tailStart
        while start > 0, cursor < start { start = max(0, start - page) }
        var stop = end(from: start)
        // Wide characters can leave the cursor past a page's end: the view then ends on it.
        while cursor >= stop, start < cursor { start += 1; stop = end(from: start) }
        return make(start, max(stop, min(cursor + 1, characters.count)))
    }

    /// The prompt as plain text (the cursor a `_` at the end; elsewhere not marked).
    static func text(_ sign: String, _ view: View, ellipsis: String = "…") -> String {
        sign + (view.left ? ellipsis : "") + view.before + (view.under ?? "") + view.after
            + (view.right ? ellipsis : "") + (view.under == nil ? "_" : "")
    }

    /// Draws `sign` and `text` with the cursor `tail` characters before its end on `row`, in
    /// the line's width less one column; `selected` text is drawn reversed (typing replaces
    /// it); `floor` is where editing starts (`view`). Returns the column after the last one drawn.
    @discardableResult
    static func draw(_ sign: String, _ text: String, tail: Int, row: Int, selected: Bool = false, floor: Int = 0,
                     into buffer: inout ScreenBuffer) -> Int {
        var col = buffer.put(sign, row: row, col: 0, style: [.bold])
        let room = max(1, buffer.cols - col - 1)
        let ellipsis = buffer.glyphs.ellipsis
        let shown = view(text, cursor: PromptEditing.cursor(text, tail: tail), room: room,
                         ellipsis: ellipsis, ascii: buffer.glyphs.ascii, floor: floor)
        let style: CellStyle = selected ? [.bold, .reverse] : [.bold]
        if shown.left { col = buffer.put(ellipsis, row: row, col: col, style: [.dim]) }
        col = buffer.put(shown.before, row: row, col: col, style: style)
        if let under = shown.under {
            col = buffer.put(under, row: row, col: col, style: [.bold, .reverse, .underline])
            col = buffer.put(shown.after, row: row, col: col, style: style)
            if shown.right { col = buffer.put(ellipsis, row: row, col: col, style: [.dim]) }
            return col
        }
        return buffer.put("_", row: row, col: col)
    }
}
