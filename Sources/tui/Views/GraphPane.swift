/// Draws a `ClusterGraph` in a pane: one row per account (its id on the left), one column per
/// shared value, `●` where an account holds the value and a vertical line joining its holders
/// (`o` and `|` in ASCII). Hub columns are dimmed and marked `h` in the legend (never colour
/// alone). The cursor row is marked `>` and reversed; rows scroll with it.
enum GraphPane {
    /// Columns given to the account ids.
    static let labelWidth = 18

    static func draw(_ graph: ClusterGraph, cursor: Int, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        let g = buffer.glyphs
        let columns = max(0, min(graph.values.count, (buffer.cols - labelWidth - 3) / 2))

        // Legend: each column's letter and value (hubs marked), as many as fit.
        var legend = ""
        for v in 0..<columns {
            let line = graph.values[v]
            let item = letter(v) + " " + TextFit.truncate(line.text.components(separatedBy: " == ").first ?? line.text, to: 26,
                                                         ellipsis: g.ellipsis) + (line.isHub ? " (hub)" : "") + "   "
            legend += item
        }
        let wrapped = TextWrap.wrap(legend, width: buffer.cols - 1)
        let legendLines = min(3, max(1, height / 4), wrapped.count)
        let rows = max(1, height - legendLines - 1)
        for (i, chunk) in wrapped.prefix(legendLines).enumerated() {
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
            let label = " \(cursor + 1)/\(graph.accounts.count) accounts, \(columns) of \(graph.values.count) values "
            buffer.put(label, row: top - 1, col: max(0, buffer.cols - label.count), style: [.bold])
        }
    }

    /// `A`..`Z`, then `a`..`z`, then `?`.
    static func letter(_ v: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return v < letters.count ? String(letters[v]) : "?"
    }
}
