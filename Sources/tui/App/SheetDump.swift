import Foundation
import Investigate

/// `:dump FILE`: the current sheet (every visible row, not only the screen) as tab-separated
/// text, cells made inert. The file holds case data, so it is written owner-only (mode 0600),
/// atomically, off the input thread.
enum SheetDump {
    /// The text of a sheet: the breadcrumb, the column titles, then one line per visible row,
    /// each with the cells the table draws (`SheetRowCells`: the open case's tags in the tags
    /// column, not only the table's own cells).
    static func text(breadcrumb: String, cells: SheetRowCells, sheet: Sheet) -> (text: String, rows: Int) {
        let table = cells.table
        var out = Sanitizer.inert(breadcrumb) + "\n"
        out += table.columns.map(\.title).joined(separator: "\t") + "\n"
        let count = sheet.visibleCount(tableRows: table.count)
        for position in 0..<count {
            out += cells.cells(ofRow: sheet.tableRow(at: position)).map { Sanitizer.inert($0) }.joined(separator: "\t") + "\n"
        }
        return (out, count)
    }

    /// Writes `text` to `path` with mode 0600; the status line to show after.
    static func write(_ text: String, rows: Int, to path: String) -> String {
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
            return "wrote \(Format.plural(rows, "row")) to \(path) (owner-only, mode 0600)"
        } catch {
            return "dump failed: \(error)"
        }
    }
}
