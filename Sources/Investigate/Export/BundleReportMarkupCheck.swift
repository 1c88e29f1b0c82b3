/// `report.html`'s markup held to what the exporter writes, so that a page signed again cannot
/// run or fetch anything, or look other than a report: its head (the Content-Security-Policy,
/// the style sheet, the title) must be the exporter's for the replayed case, byte for byte, and
/// its last line the exporter's; in between, only the elements and attributes the exporter
/// writes (`elements`, `attributes`), each attribute double-quoted, a figure's element closed
/// by `/>`, and comments. A trial
/// re-signed a page without its policy and with a `<script>` that rewrote it to "Case dismissed:
/// do not act", and `verify` passed; a `<meta http-equiv="refresh">` and an outside image did too.
enum BundleReportMarkupCheck {
    /// The elements the exporter writes in the body (HTML, and the SVG of its figures).
    static let elements: Set<String> = [
        "header", "section", "div", "span", "p", "h1", "h2", "h3", "b", "q", "code", "pre", "ul", "ol", "li", "table", "thead",
        "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "title", "rect", "line", "text",
    ]
    /// The attributes it gives them.
    static let attributes: Set<String> = [
        "class", "id", "role", "aria-label", "viewBox", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "rx", "fill",
        "stroke", "stroke-width", "font-size", "font-weight", "text-anchor",
    ]
    /// The most problems named.
    static let maxNamed = 8

    /// What differs, one line each (empty when the markup is the exporter's).
    static func problems(_ page: String, _ info: CaseInfo) -> [String] {
        let file = BundleReportCheck.file
        let head = ReportHTMLFile.head(info)
        guard page.utf8.starts(with: head.utf8) else {
            return ["\(file): its head (policy, style sheet, title) is not the one the exporter writes for this case"]
        }
        let bytes = Array(page.utf8)
        let end = Array(ReportHTMLFile.end.utf8)
        guard let endAt = lastIndex(of: end, in: bytes, from: head.utf8.count), onlyComments(bytes[(endAt + end.count)...]) else {
            return ["\(file): it does not end as the exporter ends it (\(ReportHTMLFile.end.dropLast()))"]
        }
        let body = Array(bytes[head.utf8.count..<endAt])
        var problems: [String] = []
        var i = 0
        while i < body.count, problems.count <= maxNamed {
            guard body[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            let (next, problem) = readTag(body, at: i)
            if let problem { problems.append("\(file): \(problem), which the exporter never writes") }
            i = next
        }
        if problems.count > maxNamed { problems = Array(problems.prefix(maxNamed)) + ["\(file): and more markup the exporter never writes"] }
        return problems
    }

    /// Reads the tag or comment at `start` (a `<`): where reading goes on, and what is wrong.
    static func readTag(_ b: [UInt8], at start: Int) -> (next: Int, problem: String?) {
        if b[start...].starts(with: Array("<!--".utf8)) {
            guard let next = commentEnd(b, at: start) else { return (b.count, "an unclosed comment") }
            return (next, nil)
        }
        var i = start + 1
        if i < b.count, b[i] == UInt8(ascii: "/") { i += 1 }
        let closing = i > start + 1
        let nameStart = i
        while i < b.count, isNameByte(b[i]) { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self)
        guard elements.contains(name) else { return (i, "an element <\(closing ? "/" : "")\(shown(name))>") }
        while true {
            while i < b.count, b[i] == 0x20 { i += 1 }
            guard i < b.count else { return (i, "an unclosed <\(name)>") }
            if b[i] == UInt8(ascii: ">") { return (i + 1, nil) }
            if !closing, b[i] == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") { return (i + 2, nil) }
            if closing { return (i, "text inside the closing tag </\(name)>") }
            let attrStart = i
            while i < b.count, isNameByte(b[i]) { i += 1 }
            let attribute = String(decoding: b[attrStart..<i], as: UTF8.self)
            guard attributes.contains(attribute) else { return (max(i, attrStart + 1), "an attribute \(shown(attribute)) on <\(name)>") }
            guard i + 1 < b.count, b[i] == UInt8(ascii: "="), b[i + 1] == UInt8(ascii: "\"") else {
                return (i, "attribute \(attribute) on <\(name)> not written =\"...\"")
            }
            guard let close = b[(i + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { return (b.count, "an unclosed attribute value") }
            i = close + 1
        }
    }

    /// Where reading goes on after the comment opened (`<!--`) at `start`, as a browser ends it:
    /// at `<!-->` or `<!--->` at once (an empty comment), else after the first `-->` or `--!>`;
    /// nil when it never ends.
    static func commentEnd(_ b: [UInt8], at start: Int) -> Int? {
        let after = start + 4
        if b[after...].starts(with: Array(">".utf8)) { return after + 1 }
        if b[after...].starts(with: Array("->".utf8)) { return after + 2 }
        let close = find(Array("-->".utf8), in: b, from: after).map { $0 + 3 }
        let bang = find(Array("--!>".utf8), in: b, from: after).map { $0 + 4 }
        switch (close, bang) {
        case let (c?, x?): return min(c, x)
        case let (c, x): return c ?? x
        }
    }

    /// Where `needle` last starts in `b` at or after `from`.
    private static func lastIndex(of needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        var i = b.count - needle.count
        while i >= from {
            if b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// True when `tail` holds nothing but whitespace and whole comments.
    private static func onlyComments(_ tail: ArraySlice<UInt8>) -> Bool {
        let b = Array(tail)
        var i = 0
        while i < b.count {
            if [0x20, 0x09, 0x0A, 0x0D].contains(b[i]) {
                i += 1
                continue
            }
            guard b[i...].starts(with: Array("<!--".utf8)), let next = commentEnd(b, at: i) else { return false }
            i = next
        }
        return true
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A
    }

    private static func shown(_ name: String) -> String { name.isEmpty ? "(no name)" : TextEscaping.visible(name, limit: 40) }

    private static func find(_ needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= b.count {
            if b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
