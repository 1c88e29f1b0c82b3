import Foundation

/// Filtering, sorting and searching over a sheet's row strings. Pure and thread-safe, so the
/// runner can run them on a background queue for large sheets.
enum RowQuery {
    /// The visible order for a filter and sort column; nil means "all rows in table order".
    /// Sorted, triage's rows are its clusters only: an operation's row (a heading over its
    /// clusters, with no number of its own to sort by) is left out, and counted out.
    /// - Complexity: O(n log n) in the rows.
    static func order(_ table: SheetTable, filter: String?, sortColumn: Int?, ascending: Bool = false) -> [Int]? {
        guard filter != nil || sortColumn != nil else { return nil }
        var rows = Array(0..<table.count)
        if sortColumn != nil { rows = rows.filter { !isOperation(table, $0) } }
        if let filter {
            let terms = FilterTerm.parse(filter, columns: table.columns.map(\.title))
            rows = rows.filter { r in terms.allSatisfy { $0.matches(table.rows[r]) } }
        }
        if let column = sortColumn, column < table.columns.count {
            let keys = rows.map { SortKey(table.rows[$0][column]) }
            rows = zip(rows, keys).sorted { a, b in a.1 == b.1 ? a.0 < b.0 : (ascending ? a.1 < b.1 : a.1 > b.1) }.map(\.0)
        }
        return rows
    }

    /// True when `row` is an operation's heading row (triage with operations).
    static func isOperation(_ table: SheetTable, _ row: Int) -> Bool {
        row < table.markKeys.count && table.markKeys[row].hasPrefix(MarkKey.operation(""))
    }

    /// The first visible position at or after `from` (or before, backwards) whose row contains
    /// `query`, case-insensitively, wrapping around.
    /// Which match (1-based) a position is, and how many visible rows match `query`.
    static func matchCount(_ table: SheetTable, order: [Int]?, query: String, at position: Int) -> (index: Int, count: Int) {
        let needle = query.lowercased()
        let count = order?.count ?? table.count
        var index = 0, total = 0
        for p in 0..<count {
            let row = order.map { $0[p] } ?? p
            if table.searchText(row).lowercased().contains(needle) {
                total += 1
                if p <= position { index = total }
            }
        }
        return (index, total)
    }

    static func search(_ table: SheetTable, order: [Int]?, query: String, from: Int, forward: Bool) -> Int? {
        let count = order?.count ?? table.count
        guard count > 0, !query.isEmpty else { return nil }
        let needle = query.lowercased()
        let start = ((from % count) + count) % count
        for step in 0..<count {
            let position = forward ? (start + step) % count : (start - step + count) % count
            let row = order.map { $0[position] } ?? position
            if table.searchText(row).lowercased().contains(needle) { return position }
        }
        return nil
    }
}

/// A sort key: numeric when the cell reads as a number (`12.3k`, `45d`, `0.87`), else text.
struct SortKey: Comparable {
    let number: Double?
    let text: String

    init(_ cell: String) {
        text = cell.lowercased()
        number = SortKey.numeric(cell)
    }

    static func numeric(_ cell: String) -> Double? {
        var body = Substring(cell)
        var scale = 1.0
        if let last = body.last {
            switch last {
            case "k": scale = 1e3; body = body.dropLast()
            case "M": scale = 1e6; body = body.dropLast()
            case "d": body = body.dropLast()
            default: break
            }
        }
        return Double(body).map { $0 * scale }
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a.number, b.number) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return a.text < b.text
        }
    }
}

/// One term of a filter expression: `risk>0.5`, `country=RU`, `plan!=free`, `ua~python`,
/// `time>=2026-06-01` (text compares in order, so ISO times work), or plain text matched
/// anywhere in the row.
struct FilterTerm {
    let column: Int?
    let op: String
    let value: String

    /// Names an investigator types for columns whose titles are short (`country=RU` is the
    /// `ctry` column, as `?` promises).
    static let aliases = ["country": "ctry", "output": "out tok", "out": "out tok", "tokens": "out tok",
                          "query": "queries", "id": "account"]

    static func parse(_ text: String, columns: [String]) -> [FilterTerm] {
        text.split(separator: " ").map { word in
            for op in [">=", "<=", "!=", "=", ">", "<", "~"] {
                if let range = word.range(of: op) {
                    if let column = column(named: String(word[..<range.lowerBound]), in: columns) {
                        return FilterTerm(column: column, op: op, value: String(word[range.upperBound...]))
                    }
                }
            }
            return FilterTerm(column: nil, op: "~", value: String(word))
        }
    }

    /// The column a typed name means: the first title it starts (case-insensitively), or an
    /// alias's title. A title's space is typed as `_` (`out_tok>2000`): a filter word has none.
    static func column(named typed: String, in columns: [String]) -> Int? {
        let name = typed.lowercased().replacingOccurrences(of: "_", with: " ")
        let byName = { (wanted: String) in columns.firstIndex { $0.lowercased().hasPrefix(wanted) && !wanted.isEmpty } }
        return byName(name) ?? aliases[name].flatMap(byName)
    }

    func matches(_ cells: [String]) -> Bool {
        guard let column, column < cells.count else {
            return cells.contains { $0.lowercased().contains(value.lowercased()) }
        }
        let cell = cells[column]
        if let a = SortKey.numeric(cell), let b = SortKey.numeric(value), op != "~" {
            switch op {
            case ">": return a > b
            case "<": return a < b
            case ">=": return a >= b
            case "<=": return a <= b
            case "=": return a == b
            default: return a != b
            }
        }
        switch op {
        case "=": return cell.lowercased() == value.lowercased()
        case "!=": return cell.lowercased() != value.lowercased()
        case ">": return cell > value
        case "<": return cell < value
        case ">=": return cell >= value
        case "<=": return cell <= value
        default: return cell.lowercased().contains(value.lowercased())
        }
    }
}
