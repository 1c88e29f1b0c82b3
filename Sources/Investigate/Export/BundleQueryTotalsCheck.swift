/// `accounts.csv`'s `queries`, `input_tokens` and `output_tokens` held to the rows
/// `queries.jsonl` holds for each account (`StreamedQueryAccounts.totals`): the exporter writes
/// every query row of every case account in the source, so a row dropped, added or moved to
/// another account changes a count that `accounts.csv` states, even in a bundle signed again.
/// Each row's counts are read as the loader reads them (`StreamedQueryAccounts.loadedTokens`).
enum BundleQueryTotalsCheck {
    /// The most accounts named; the rest are counted in one line.
    static let maxNamed = 8

    /// One line per account whose figures differ, in `accounts.csv`'s row order.
    static func problems(_ accounts: BundleAccountsCheck, _ totals: [ExactText: StreamedQueryAccounts.Totals]) -> [String] {
        var found: [(row: Int, text: String)] = []
        for (id, row) in accounts.rows {
            let held = totals[id] ?? StreamedQueryAccounts.Totals()
            var differ: [String] = []
            let rows = "\(held.rows) \(held.rows == 1 ? "row" : "rows")"
            if !row.inSource {
                if held.rows > 0 { differ.append("not in the source, yet queries.jsonl holds \(rows) of it") }
            } else {
                if row.queries != String(held.rows) { differ.append("queries \(quoted(row.queries)) where queries.jsonl holds \(rows)") }
                for (name, cell, sum) in [
                    ("input_tokens", row.inputTokens, held.inputTokens), ("output_tokens", row.outputTokens, held.outputTokens),
                ] {
                    if let sum, cell != String(sum) { differ.append("\(name) \(quoted(cell)) where its rows add up to \(sum)") }
                }
            }
            guard !differ.isEmpty else { continue }
            let place = "\(BundleAccountsCheck.file): row \(row.row) (account \(BundleCaseFacts.shown(id)))"
            found.append((row.row, "\(place): \(differ.joined(separator: "; ")): this file or queries.jsonl was altered"))
        }
        found.sort { $0.row < $1.row }
        var lines = found.prefix(maxNamed).map(\.text)
        if found.count > maxNamed {
            lines.append(
                "\(BundleAccountsCheck.file): and \(found.count - maxNamed) more accounts whose figures are not those of their "
                    + "rows in queries.jsonl")
        }
        return lines
    }

    private static func quoted(_ cell: String) -> String { cell.isEmpty ? "(empty)" : TextEscaping.visible(cell, limit: 40) }
}
