import Foundation
import Investigate

/// Draws an account's timing pane: the summaries (wrapped), then one line per account it fires
/// or sits with (id, cluster, the scale they meet within, `hour` for shared clock hours, times
/// together, times expected by chance, bits), the cursor line marked
/// `>` and reversed, scrolled to keep it on screen, with a ` 3/12 ` counter when cut.
enum FiringPane {
    static let title = "who it fires with (j/k move, Enter opens, y copies; Tab: back to values)"

    static func draw(_ firing: AccountFiring?, cursor: Int, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        guard height > 0 else { return }
        guard let firing else {
            buffer.put("  reading when the other accounts fire...", row: top, col: 0, role: .muted)
            return
        }
        let summary = TextWrap.wrap(firing.summary, width: max(10, buffer.cols - 2)).prefix(max(1, height / 2))
        for (i, line) in summary.enumerated() { buffer.put("  " + line, row: top + i, col: 0) }
        var row = top + summary.count
        guard !firing.partners.isEmpty, row + 1 < top + height else { return }
        buffer.put(header(buffer.cols), row: row, col: 0, style: [.bold])
        row += 1
        let room = top + height - row
        let first = max(0, min(cursor - room + 1, firing.partners.count - room))
        for (i, partner) in firing.partners.dropFirst(first).prefix(room).enumerated() {
            let selected = first + i == cursor
            let style: CellStyle = selected ? [.reverse] : []
            buffer.put(selected ? "> " : "  ", row: row + i, col: 0, style: style.union(.bold))
            buffer.put(line(partner, cols: buffer.cols, ellipsis: buffer.glyphs.ellipsis), row: row + i, col: 2, style: style)
        }
        if firing.partners.count > room {
            buffer.putCounter(" \(cursor + 1)/\(firing.partners.count) ", row: top - 1)
        }
    }

    /// The id column's width at a screen width (the numbers take 44 columns).
    static func idWidth(_ cols: Int) -> Int { max(12, min(40, cols - 2 - 44)) }

    static func header(_ cols: Int) -> String {
        "  " + TextFit.pad("account", to: idWidth(cols)) + " " + TextFit.pad("cluster", to: 7) + " "
            + TextFit.pad("within", to: 7, right: true) + " " + TextFit.pad("together", to: 8, right: true) + " " + TextFit.pad("expected", to: 9, right: true) + " "
            + TextFit.pad("bits", to: 6, right: true)
    }

    static func line(_ p: FiringPartner, cols: Int, ellipsis: String) -> String {
        TextFit.pad(p.id, to: idWidth(cols), ellipsis: ellipsis) + " " + TextFit.pad(p.cluster.map { "c\($0)" } ?? "-", to: 7) + " "
            + TextFit.pad(p.sittings ? "hour" : p.windowSeconds > 0 ? "\(p.windowSeconds) s" : "-", to: 7, right: true) + " "
            + TextFit.pad("\(p.together)", to: 8, right: true) + " " + TextFit.pad(ExpectedCount.text(p.expected, compact: true), to: 9, right: true) + " "
            + TextFit.pad(String(Int(p.bits.rounded())), to: 6, right: true)
    }
}
