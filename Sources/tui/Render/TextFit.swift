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

    /// The longest suffix of `text` that fits in `width` columns, after `ellipsis` when cut: a
    /// prompt being typed keeps its end (where the cursor is) in view.
    /// - Complexity: O(n) in the characters examined.
    static func truncateHead(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(text) <= width { return text }
        let room = width - TextWidth.of(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var tail: [Character] = [], used = 0
        for character in text.reversed() {
            let w = TextWidth.of(character)
            if used + w > room { break }
            tail.append(character)
            used += w
        }
        return ellipsis + String(tail.reversed())
    }

    /// `text` cut in the middle to fit `width` columns: its start, `ellipsis`, then its end
    /// (`python-re…31.0 dg/2`), for values of one kind that differ only at their end.
    /// - Complexity: O(n) in the characters examined.
    static func truncateMiddle(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(text) <= width { return text }
        let room = width - TextWidth.of(ellipsis)
        guard room >= 2 else { return truncate(text, to: width, ellipsis: ellipsis) }
        let characters = Array(text)
        var head = "", used = 0, index = 0
        while index < characters.count, used + TextWidth.of(characters[index]) <= (room + 1) / 2 {
            head.append(characters[index]); used += TextWidth.of(characters[index]); index += 1
        }
        var tail: [Character] = [], tailUsed = 0, back = characters.count - 1
        while back >= index, tailUsed + TextWidth.of(characters[back]) <= room - used {
            tail.append(characters[back]); tailUsed += TextWidth.of(characters[back]); back -= 1
        }
        return head + ellipsis + String(tail.reversed())
    }

    /// Each text cut to `width` at its end, except where two different texts would then read
    /// alike: those are cut by `middleCut` instead (by default in the middle, keeping the ends
    /// where they differ).
    static func distinct(_ texts: [String], to width: Int, ellipsis: String = "…",
                         middleCut: ((String) -> String)? = nil) -> [String] {
        let cut = texts.map { truncate($0, to: width, ellipsis: ellipsis) }
        var originals: [String: Set<String>] = [:]
        for (text, shown) in zip(texts, cut) { originals[shown, default: []].insert(text) }
        return zip(texts, cut).map { text, shown in
            guard (originals[shown]?.count ?? 0) > 1 else { return shown }
            return middleCut?(text) ?? truncateMiddle(text, to: width, ellipsis: ellipsis)
        }
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    static func pad(_ text: String, to width: Int, ellipsis: String = "…", right: Bool = false) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let fill = max(0, width - TextWidth.of(cut))
        let spaces = String(repeating: " ", count: fill)
        return right ? spaces + cut : cut + spaces
    }
}
