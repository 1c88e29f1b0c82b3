/// Draws a `ClusterGraph` in a pane: one row per account (its id on the left), one column per
/// shared value, `●` where an account holds the value and a vertical line joining its holders
/// (`o` and `|` in ASCII). Hub columns are dimmed and marked `(hub)` in the legend (never colour
/// alone). The cursor row is marked `>` and reversed; rows scroll with it.
enum GraphPane {
    /// Columns given to the account ids.
    static let labelWidth = 18

    /// Widest value text in the legend.
    static let legendValueWidth = 22

    static func draw(_ graph: ClusterGraph, cursor: Int, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        let g = buffer.glyphs
        let room = min(graph.values.count, (buffer.cols - labelWidth - 3) / 2)
        // The legend names every column drawn; the columns it has no room to name are not drawn,
        // and it says how many more there are (the connect pane lists them all).
        let legend = Self.legend(graph, columns: room, width: buffer.cols - 1, lines: max(1, min(4, height / 4)), glyphs: g)
        let columns = legend.named
        let legendLines = legend.lines.count
        let rows = max(1, height - legendLines - 1)
        for (i, chunk) in legend.lines.enumerated() {
            buffer.put(chunk, row: top + i, col: 0, role: .muted)
        }
        let header = top + legendLines
        buffer.put(TextFit.pad("account", to: labelWidth), row: header, col: 2, style: [.bold, .underline])
        for v in 0..<columns {
            buffer.put(letter(v), row: header, col: 2 + labelWidth + 1 + 2 * v, style: [.bold, .underline],
                       role: graph.values[v].isHub ? .muted : .normal)
        }
        guard !graph.accounts.isEmpty else { return }
        let first = max(0, min(cursor - rows + 1, graph.accounts.count - rows))
        let spans = (0..<columns).map { graph.span($0) }
        for line in 0..<rows {
            let a = first + line
            guard a < graph.accounts.count else { break }
            let row = header + 1 + line
            let selected = a == cursor
            let style: CellStyle = selected ? [.reverse] : []
            buffer.put(selected ? ">" : " ", row: row, col: 0, style: style.union(.bold))
            buffer.putFitted(graph.accounts[a].id, row: row, col: 2, width: labelWidth, style: style)
            for v in 0..<columns {
                let x = 2 + labelWidth + 1 + 2 * v
                let role: ColorRole = graph.values[v].isHub ? .muted : .normal
                if graph.holds[a][v] {
                    buffer.put(g.ascii ? "o" : "●", row: row, col: x, style: [.bold], role: role)
                } else if let span = spans[v], span.contains(a) {
                    buffer.put(g.vertical, row: row, col: x, role: role)
                }
            }
        }
        if graph.accounts.count > rows || graph.values.count > columns {
            buffer.putCounter(" \(cursor + 1)/\(graph.accounts.count) accounts, \(columns) of \(graph.values.count) values ", row: top - 1)
        }
    }

    /// The legend's lines (at most `lines`, each at most `width` columns) naming the first
    /// `named` columns, `A payment pf_77aa  B ip 203.0.113.7  C asn AS16509 (hub)`, and ending in
    /// `+N more values (Tab twice: connect pane)` when not every value could be named.
    static func legend(_ graph: ClusterGraph, columns: Int, width: Int, lines: Int, glyphs: Glyphs)
        -> (lines: [String], named: Int)
    {
        let texts = (0..<columns).map { v in
            let line = graph.values[v]
            return Sanitizer.inert(line.text.components(separatedBy: " == ").first ?? line.text, ascii: glyphs.ascii)
        }
        let names = legendNames(texts, glyphs: glyphs)
        let items = (0..<columns).map { v in letter(v) + " " + names[v] + (graph.values[v].isHub ? " (hub)" : "") }
        func more(_ named: Int) -> String? {
            named < graph.values.count ? "+\(graph.values.count - named) more values (Tab twice: connect pane)" : nil
        }
        var placed: [[String]] = [[]]
        func fits(_ line: [String]) -> Bool { TextWidth.of(line.joined(separator: "  ")) <= width }
        for item in items {
            if fits(placed[placed.count - 1] + [item]) {
                placed[placed.count - 1].append(item)
            } else if placed.count < lines {
                placed.append([item])
            } else {
                break
            }
        }
        var named = placed.reduce(0) { $0 + $1.count }
        // Room for the "+N more" note on the last line, dropping names (and their columns) for it.
        while let note = more(named), !fits(placed[placed.count - 1] + [note]) {
            if placed[placed.count - 1].isEmpty { break }
            placed[placed.count - 1].removeLast()
            named -= 1
        }
        if let note = more(named) { placed[placed.count - 1].append(note) }
        return (placed.map { $0.joined(separator: "  ") }.filter { !$0.isEmpty }, named)
    }

    /// Each `kind value` cut to `legendValueWidth`; where two different values would then read
    /// alike (`user_agent python-req…` twice), their values are cut in the middle instead, keeping
    /// the ends where they differ (`user_agent pytho… dg/1`, `user_agent pytho… dg/2`).
    static func legendNames(_ texts: [String], glyphs: Glyphs) -> [String] {
        TextFit.distinct(texts, to: legendValueWidth, ellipsis: glyphs.ellipsis) { text in
            guard let space = text.firstIndex(of: " ") else { return TextFit.truncateMiddle(text, to: legendValueWidth, ellipsis: glyphs.ellipsis) }
            let kind = String(text[..<space])
            let room = legendValueWidth - TextWidth.of(kind) - 1
            return room >= 6 ? kind + " " + TextFit.truncateMiddle(String(text[text.index(after: space)...]), to: room, ellipsis: glyphs.ellipsis)
                : TextFit.truncateMiddle(text, to: legendValueWidth, ellipsis: glyphs.ellipsis)
        }
    }

    /// `A`..`Z`, then `a`..`z`, then `?`.
    static func letter(_ v: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return v < letters.count ? String(letters[v]) : "?"
    }
}
