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
        var lastSpace: Int?
        for character in text {
            let w = TextWidth.of(character)
            if used + w > width {
                if let space = lastSpace, space > 0 {
                    lines.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(String(line))
                    line = []
                }
                used = line.reduce(0) { $0 + TextWidth.of($1) }
                lastSpace = nil
            }
            if character == " " { lastSpace = line.count }
            line.append(character)
            used += w
        }
        lines.append(String(line))
        return lines
    }
}
