import Foundation
import Investigate

/// Checks a filter expression (`f`, `|`, `:filter`, `:mark`) before it is applied: a word with an
/// operator character must read `NAME OP VALUE`, with NAME a column of the sheet (or an alias),
/// OP one of `>= <= != = > < ~` and a VALUE that does not start with another operator. A word
/// without operator characters is text matched anywhere in the row. `risk>>0.5` used to be
/// accepted silently (as `risk > ">0.5"`); now it is refused, naming where it fails. A column of
/// numbers (`numeric`) takes a number after any operator but `~`: `risk>0,5` and `risk>O.5` were
/// compared as text, silently (`risk takes a number: '0,5' is not one`).
enum FilterCheck {
    /// Characters that make a word a comparison.
    static let operatorCharacters: Set<Character> = ["<", ">", "=", "!", "~"]
    /// The operators, longest first.
    static let operators = [">=", "<=", "!=", "=", ">", "<", "~"]

    /// Nil when `text` parses against `columns`; else one line naming the character where it
    /// fails (1-based, counted in the whole expression) and why.
    /// `numeric`: the titles of the columns whose cells are numbers (`numericTitles(of:)`).
    static func problem(_ text: String, columns: [String], numeric: Set<String> = []) -> String? {
        // A column without a title (the bar beside risk) cannot be named: it is not listed.
        let columns = columns.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            if characters[i] == " " { i += 1; continue }
            var end = i
            while end < characters.count, characters[end] != " " { end += 1 }
            if let why = problem(word: characters[i..<end], offset: i, whole: text, columns: columns, numeric: numeric) { return why }
            i = end
        }
        return nil
    }

    private static func problem(
        word: ArraySlice<Character>, offset: Int, whole: String, columns: [String], numeric: Set<String>
    ) -> String? {
        guard let at = word.firstIndex(where: { operatorCharacters.contains($0) }) else { return nil }
        let name = String(word[word.startIndex..<at])
        let rest = String(word[at...])
        guard let op = operators.first(where: { rest.hasPrefix($0) }) else {
            return refusal(whole, at: at, "'\(word[at])' is not an operator (use != for not equal)")
        }
        if name.isEmpty {
            return refusal(whole, at: at, "no column before '\(op)' (columns: \(columns.joined(separator: ", ")))")
        }
        guard let column = FilterTerm.column(named: name, in: columns) else {
            if name.lowercased() == "template", columns.contains("prompt") {
                // A query keeps no family: say where the family's accounts and text are.
                return refusal(whole, at: offset, "a query's template family is not kept; :pivot template TF-NAME lists the"
                                   + " family's accounts, clusters and text, and H there opens a holder's queries")
            }
            // Listed as they are typed: a title's space is `_` (`out_tok`).
            let typed = columns.map { $0.replacingOccurrences(of: " ", with: "_") }
            let known = columns.isEmpty ? "the sheet is still loading" : "columns: " + typed.joined(separator: ", ")
            return refusal(whole, at: offset, "'\(name)' is not a column here (\(known))")
        }
        let valueStart = at + op.count
        guard valueStart < word.endIndex else {
            return refusal(whole, at: valueStart, "no value after '\(name)\(op)'")
        }
        if operatorCharacters.contains(word[valueStart]) {
            return refusal(whole, at: valueStart, "'\(word[valueStart])' where a value should follow '\(name)\(op)'")
        }
        let value = String(word[valueStart...])
        if op != "~", numeric.contains(columns[column]), !(SortKey.numeric(value)?.isFinite ?? false) {
            return refusal(whole, at: valueStart, "\(name) takes a number: '\(TextEscaping.visible(value))' is not one")
        }
        return nil
    }

    /// The titles of `table`'s columns of numbers: right-aligned (counts, risk, age) with a cell
    /// that reads as a number (`SortKey.numeric`: `0.87`, `24.5k`, `45d`).
    static func numericTitles(of table: SheetTable) -> Set<String> {
        Set(table.columns.indices.filter { index in
            table.columns[index].alignRight && table.rows.contains { index < $0.count && SortKey.numeric($0[index]) != nil }
        }.map { table.columns[$0].title })
    }

    private static func refusal(_ whole: String, at index: Int, _ why: String) -> String {
        "filter refused at character \(index + 1): \(why)"
    }
}
