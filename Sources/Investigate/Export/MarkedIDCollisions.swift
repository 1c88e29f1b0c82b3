/// Case account ids whose CSV cell carries the formula mark (`CSVTable`: `00123` is written
/// `'00123`, so a spreadsheet keeps it text) where the marked text is itself another account's
/// exact id in the source. A reader that does not drop the mark (Python's `csv`, pandas with
/// `dtype=str`) reads the row as that other account: a session 39 trial's ring member `00123`
/// read as an innocent `'00123` in `enforcement.csv`, and the export said nothing. The files
/// stay as they are (the mark's rule and `account_id_b64` are exact); the export warns.
enum MarkedIDCollisions {
    /// Each case id (in order) whose marked cell reads as another source account's id, with it.
    static func find(_ input: BundleInput) -> [(id: ExactText, readsAs: ExactText)] {
        input.accounts.compactMap { account in
            guard CSVValue.isCellText(account.id), let text = account.id.utf8String else { return nil }
            let cell = CSVTable.cell(text, sourceValue: true)
            // The cell as a reader that unquotes but keeps the mark reads it.
            let read = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : cell
            guard read != text, let other = input.data.accountIndex(exact: ExactText(read)), other != account.index else { return nil }
            return (account.id, ExactText(read))
        }
    }

    /// The export's warning for `found` (nil when empty).
    static func warning(_ found: [(id: ExactText, readsAs: ExactText)]) -> String? {
        guard !found.isEmpty else { return nil }
        let named = found.prefix(5).map { "\($0.id.display) is written \($0.readsAs.display), the exact id of another account of the source" }
        return "\(found.count) case account \(found.count == 1 ? "id's" : "ids'") cell in accounts.csv and enforcement.csv "
            + "\(found.count == 1 ? "carries" : "carry") the formula mark (a leading ', dropped to read the id back) and then "
            + "reads as another account's id to a reader that keeps the mark: " + named.joined(separator: "; ")
            + (found.count > 5 ? "; ..." : "") + "; match rows by account_id_b64"
    }
}
