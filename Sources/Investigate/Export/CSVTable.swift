import Foundation

/// RFC 4180 CSV with spreadsheet-formula neutralisation, for every CSV file of a bundle.
///
/// Each cell is first made inert (`TextEscaping.visible`: control, bidi and invalid bytes become
/// visible escapes), then a cell whose first non-space character is `=`, `+`, `-` or `@` gets
/// a leading `'` unless it is a plain number, then it is quoted when it holds `,`, `"` or spaces
/// at an end. Rows end with CRLF.
public struct CSVTable {
    /// The header row.
    public let header: [String]
    private var lines: [String] = []

    /// Creates a table with a header.
    public init(header: [String]) {
        self.header = header
        lines.append(Self.line(header))
    }

    /// The number of data rows.
    public var recordCount: Int { lines.count - 1 }

    /// Appends one row (as many cells as the header).
    public mutating func append(_ cells: [String]) { lines.append(Self.line(cells)) }

    /// The file bytes.
    public var bytes: [UInt8] { Array(lines.joined().utf8) }

    static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }

    /// One cell, neutralised and quoted.
    public static func cell(_ raw: String) -> String {
        var text = TextEscaping.visible(raw)
        if isFormula(raw) || isFormula(text) { text = "'" + text }
        let needsQuotes =
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// True when a spreadsheet could read the cell as a formula (numbers excepted).
    public static func isFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        let trimmed = text.drop(while: { $0 == " " })
        guard let lead = trimmed.first, "=+-@".contains(lead) else { return false }
        return Double(trimmed) == nil || trimmed.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" })
    }
}
