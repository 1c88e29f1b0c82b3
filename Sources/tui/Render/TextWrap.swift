/// Wrapping text into lines of at most a number of display columns (wide graphemes count 2):
/// at the last space that fits, else mid-word.
enum TextWrap {
    /// The lines of `text` (which must already be inert: no controls) at `width` columns.
    /// Newlines in `text` start new lines; an empty text is one empty line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += wrapLine(String(paragraph), width: width)
        }
        return out
    }

    private static func wrapLine(_ text: String, width: Int) -> [String] {
        if TextWidth.of(text) <= width { return [text] }
        var lines: [String] = []
        var line: [Character] = []
        var used = 0
        // Where the line may break: at a space (dropped), or after a comma (kept), so a list with
        // no spaces (an audit entry's JSON) breaks between its items, not inside an id.
        var lastBreak: (at: Int, dropsSpace: Bool)?
        for character in text {
            let w = TextWidth.of(character)
            if used + w > width {
                if let cut = lastBreak, cut.at > 0 {
                    lines.append(String(line[..<cut.at]))
                    line = Array(line[(cut.dropsSpace ? cut.at + 1 : cut.at)...])
                } else {
                    lines.append(String(line))
                    line = []
                }
                used = line.reduce(0) { $0 + TextWidth.of($1) }
                lastBreak = nil
                // A space that would start the new line is the break itself: dropped (a list
                // broken after its comma read `c21 (2),` then ` c24 (2)`, one column in).
                if character == " ", line.isEmpty { continue }
            }
            if character == " " { lastBreak = (line.count, true) }
            line.append(character)
            used += w
            if character == "," { lastBreak = (line.count, false) }
        }
        lines.append(String(line))
        return lines
    }
}
