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
        guard page.utf8.count >= head.utf8.count + ReportHTMLFile.end.utf8.count, page.hasSuffix(ReportHTMLFile.end) else {
            return ["\(file): it does not end as the exporter ends it (\(ReportHTMLFile.end.dropLast()))"]
        }
        let body = Array(page.utf8.dropFirst(head.utf8.count).dropLast(ReportHTMLFile.end.utf8.count))
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
        let comment = Array("<!--".utf8)
        if b[start...].starts(with: comment) {
            guard let close = find(Array("-->".utf8), in: b, from: start + 4) else { return (b.count, "an unclosed comment") }
            return (close + 3, nil)
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
