import Foundation

/// RFC 4180 CSV for every CSV file of a bundle: cells hold the exact text of the value, with a
/// reversible spreadsheet-formula neutralisation.
///
/// A cell is never display-escaped (a control character or a bidi override is written as is,
/// quoted when the CSV grammar needs it): the file is read by programs, and `account_id` must
/// come back as the account's exact bytes. What a spreadsheet could run as a formula is
/// neutralised the way spreadsheets themselves mark text, with one leading `'`: a cell whose
/// first character is `=`, `+`, `-`, `@`, tab or CR (numbers excepted), or `'` itself, gets one
/// more `'` in front, and so does a source value's cell that would be read as a number, date,
/// boolean or missing value (`readsAsOtherThanText`). Reading it back is therefore exact: drop one
/// leading `'` when there is one. Rows end with CRLF.
public struct CSVTable {
    /// The header row.
    public let header: [String]
    private var lines: [String] = []
    /// Which columns hold source values (`sourceValueColumns`), by position.
    private let sourceValue: [Bool]

    /// The columns whose cells hold values the source gave (ids, addresses, emails, cards, org
    /// ids, countries, ...) or their base64, as opposed to the figures and words the exporter
    /// writes itself. Such a cell that a spreadsheet or a data-frame reader would take for
    /// something other than text (`readsAsOtherThanText`) also gets the `'` mark.
    public static let sourceValueColumns: Set<String> = [
        "account_id", "account_id_b64", "value", "value_b64", "email", "email_domain", "org_id", "country", "plan", "status",
        "payment_fingerprint", "signup_ip",
    ]

    /// Creates a table with a header.
    public init(header: [String]) {
        self.header = header
        sourceValue = header.map { Self.sourceValueColumns.contains($0) }
        lines.append(Self.line(header, sourceValue: []))
    }

    /// The number of data rows.
    public var recordCount: Int { lines.count - 1 }

    /// Appends one row (as many cells as the header), each the exact text of its value.
    public mutating func append(_ cells: [String]) { lines.append(Self.line(cells, sourceValue: sourceValue)) }

    /// The file bytes, copied once into a buffer of their size (a huge cell is not held again
    /// in a joined string on the way).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count })
        for line in lines { out.append(contentsOf: line.utf8) }
        return out
    }

    static func line(_ cells: [String], sourceValue: [Bool]) -> String {
        let written = cells.enumerated().map { i, text in cell(text, sourceValue: i < sourceValue.count && sourceValue[i]) }
        var line = ""
        line.reserveCapacity(written.reduce(written.count + 1) { $0 + $1.utf8.count })
        for (i, text) in written.enumerated() {
            if i > 0 { line += "," }
            line += text
        }
        line += "\r\n"
        return line
    }

    /// One cell: neutralised (reversibly) and quoted. Read by Unicode scalars, never by
    /// `Character`: a `"` followed by a combining mark is one Character, and escaping by
    /// Characters left such a quote undoubled (a trial's id `a"\u{301}b` broke `accounts.csv`).
    /// A source value's cell is also marked when it would be read as other than text.
    public static func cell(_ raw: String, sourceValue: Bool = false) -> String {
        let scalars = raw.unicodeScalars
        var text = raw
        if isFormula(raw) || scalars.first == "'" || (sourceValue && readsAsOtherThanText(raw)) { text = "'" + text }
        let needsQuotes =
            text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
            || text.unicodeScalars.first == " " || text.unicodeScalars.last == " "
        return needsQuotes ? quoted(text) : text
    }

    /// `text` in double quotes, each `"` in it doubled. By UTF-8 bytes (a `"` is one byte and
    /// never part of another scalar, so every stretch between quotes is whole text), into one
    /// string sized up front from the count of quotes: a cell of tens of megabytes (of quotes,
    /// even) is copied once, not grown scalar by scalar, split into pieces or copied twice.
    static func quoted(_ text: String) -> String {
        let quote = UInt8(ascii: "\"")
        let quotes = text.utf8.reduce(0) { $0 + ($1 == quote ? 1 : 0) }
        var out = "\""
        out.reserveCapacity(text.utf8.count + quotes + 2)
        var rest = Substring(text)
        while let at = rest.utf8.firstIndex(of: quote) {
            out += rest[..<at]
            out += "\"\""
            rest = rest[rest.utf8.index(after: at)...]
        }
        out += rest
        out += "\""
        return out
    }

    /// The exact text of a cell read back by an RFC 4180 reader: one leading `'` dropped.
    public static func original(ofCell cell: String) -> String {
        cell.unicodeScalars.first == "'" ? String(String.UnicodeScalarView(cell.unicodeScalars.dropFirst())) : cell
    }

    /// True when a spreadsheet or a data-frame reader would turn the text into something else: a
    /// number, date, time or percentage (it starts, after spaces or no-break spaces, with a digit,
    /// or with `.`, `+`, `-`, U+2212, `(` or a currency sign before a digit: LibreOffice read ids
    /// `1e3` as 1000, `00123` as 123, a 20-digit id as 1.23456789012346E+019, so two accounts could
    /// read alike), a date spelled with a month's name (`Jan 1`, `Mar-2026`), an error literal
    /// (`#REF!`: anything starting with `#`), a boolean, or one of pandas' default missing-value
    /// words (`NA`, `null`, `None`, `N/A`, ...: a trial's ids read as NaN) or infinities. The `'`
    /// mark keeps them text for a spreadsheet and is dropped to read back.
    public static func readsAsOtherThanText(_ text: String) -> Bool {
        let blanks: Set<Unicode.Scalar> = [" ", "\u{A0}"]
        let trimmed = text.unicodeScalars.drop(while: { blanks.contains($0) })
        guard let first = trimmed.first else { return false }
        if ("0"..."9").contains(first) || first == "#" { return true }
        let leads: Set<Unicode.Scalar> = [".", "+", "-", "\u{2212}", "(", "$", "\u{20AC}", "\u{A3}", "\u{A5}"]
        if leads.contains(first) {
            let rest = trimmed.dropFirst().drop(while: { leads.contains($0) || blanks.contains($0) })
            if let next = rest.first, ("0"..."9").contains(next) { return true }
        }
        let word = String(String.UnicodeScalarView(trimmed)).lowercased()
        return missingOrBooleanWords.contains(word) || startsWithMonth(word)
    }

    /// pandas' default `na_values` (lowercased), infinities, and the booleans a spreadsheet converts.
    static let missingOrBooleanWords: Set<String> = [
        "na", "n/a", "#n/a", "#n/a n/a", "#na", "-na", "<na>", "nan", "-nan", "1.#ind", "-1.#ind", "1.#qnan", "-1.#qnan",
        "null", "none", "true", "false", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
    ]

    /// Month names and their abbreviations, as date parsers read them.
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// True when lowercased `word` is a month's name or abbreviation followed by a digit, or by a
    /// space, `-`, `/`, `.` or `,` and then a digit (`jan 1`, `mar-2026`, `dec5`).
    static func startsWithMonth(_ word: String) -> Bool {
        for month in months where word.hasPrefix(month) {
            let rest = word.unicodeScalars.dropFirst(month.unicodeScalars.count)
            let afterSeparators = rest.drop(while: { " -/.,".unicodeScalars.contains($0) })
            if let next = afterSeparators.first, ("0"..."9").contains(next) { return true }
        }
        return false
    }

    /// True when a spreadsheet could read the cell as a formula (numbers excepted): its first
    /// scalar is tab or CR, or, after leading spaces, `=`, `+`, `-` or `@` (a combining mark
    /// after it does not hide it).
    public static func isFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        let trimmed = text.unicodeScalars.drop(while: { $0 == " " })
        guard let lead = trimmed.first, "=+-@".unicodeScalars.contains(lead) else { return false }
        let rest = String(String.UnicodeScalarView(trimmed))
        return Double(rest) == nil || trimmed.contains(where: { $0.properties.isAlphabetic && $0 != "e" && $0 != "E" })
    }
}

/// How a source value goes into a CSV cell: its exact text when the bytes are valid UTF-8 and
/// hold no NUL and no line break; otherwise the cell is left empty and the value travels
/// base64-encoded (`*_b64` columns, or the row's `non_utf8_b64` JSON object), which the manifest
/// states. A NUL is kept out of every cell because C-based readers end the cell there: a trial's
/// `acct_A\0B`, the one account tagged, read back from `enforcement.csv` by `sqlite3 .import` as
/// the untagged `acct_A`. A line break is kept out because readers that split lines before they
/// parse CSV (Python's `str.splitlines`, a text-mode file opened without `newline=''`, a
/// spreadsheet's round trip turning CR into LF) cut the cell or change it: a trial's tagged
/// `acct_evil\u{2028}acct_0aa73d0692` read as a `ban` row for the innocent `acct_0aa73d0692`, and
/// `acct_lf\rZ` as the untagged `acct_lf\nZ`.
enum CSVValue {
    /// The exact text, or "" when the bytes are not valid UTF-8 or hold a NUL or a line break.
    static func text(_ value: ExactText) -> String { isCellText(value) ? value.utf8String! : "" }

    /// True when `value` goes into a cell as its text (`text` is not a stand-in "").
    static func isCellText(_ value: ExactText) -> Bool { value.isValidUTF8 && !holdsLineBreakOrNUL(value.bytes) }

    /// True when `bytes` (valid UTF-8) hold a NUL or anything a reader may take for the end of a
    /// line: LF, VT, FF, CR, the file, group and record separators (0x1C-0x1E), NEL (U+0085),
    /// and the line and paragraph separators (U+2028, U+2029): what `str.splitlines` splits on.
    static func holdsLineBreakOrNUL(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x00, 0x0A...0x0D, 0x1C...0x1E: return true
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return true
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                return true
            default: break
            }
            i += 1
        }
        return false
    }

    /// A JSON object `{"column": "<base64>"}` of the named values that are not cell text (not
    /// valid UTF-8, or holding a NUL or a line break), or "" when there are none.
    static func nonUTF8(_ named: [(column: String, value: ExactText)]) -> String {
        var members: [String: JSONValue] = [:]
        for (column, value) in named where !isCellText(value) { members[column] = .string(value.base64) }
        return members.isEmpty ? "" : JSONValue.object(members).canonical
    }
}
