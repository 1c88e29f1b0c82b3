/// Fitting text into a number of columns: truncation with an ellipsis and padding, measured in
/// display columns (wide graphemes count 2).
enum TextFit {
    /// The longest prefix of `text` that fits in `width` columns, ending in `ellipsis` when cut.
    /// - Complexity: O(n) in the characters examined.
    static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width && Sanitizer.isPlainASCII(text) { return text }
        if TextWidth.of(text) <= width { return text }
        let room = width - TextWidth.of(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for character in text {
            let w = TextWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    static func pad(_ text: String, to width: Int, ellipsis: String = "…", right: Bool = false) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let fill = max(0, width - TextWidth.of(cut))
        let spaces = String(repeating: " ", count: fill)
        return right ? spaces + cut : cut + spaces
    }
}
