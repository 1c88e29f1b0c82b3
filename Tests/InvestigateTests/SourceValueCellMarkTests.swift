import Testing
@testable import Investigate

/// A trial (session 37): source values that a spreadsheet or pandas reads as something other than
/// text changed on the way: LibreOffice turned ids `1e3` into 1000, `+1e1` into 10, `00123` into
/// 123 and a 20-digit id into 1.23456789012346E+019 (two accounts could then show the same id),
/// and pandas read ids `NA`, `null`, `None`, `N/A` as NaN. Cells of source values now carry the
/// reversible `'` mark when they would be read so; the exporter's own figures stay numbers.
@Suite struct SourceValueCellMarkTests {
    @Test func numberLikeAndMissingLikeSourceValuesAreMarked() {
        for text in ["1e3", "+1e1", "00123", "1.0", "12345678901234567890", "-5", ".5", "(12)", "$5", "\u{20AC}3", "2026-01-01",
            "10.0.0.1", "50%", "1/2", "NA", "n/a", "#N/A", "<NA>", "null", "None", "NaN", "TRUE", "false", " 42",
            // A reviewer's: month-name dates, error literals, U+2212, a no-break space, infinities.
            "Jan 1", "January 1", "Mar-2026", "dec5", "#REF!", "#DIV/0!", "\u{2212}5", "\u{A0}42", "inf", "-Infinity"]
        {
            #expect(CSVTable.readsAsOtherThanText(text), "\(text)")
            #expect(CSVTable.cell(text, sourceValue: true).hasPrefix("'") || CSVTable.cell(text, sourceValue: true).hasPrefix("\"'"))
            // Read back exactly: one leading mark dropped.
            let cell = CSVTable.cell(text, sourceValue: true)
            let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()) : cell
            #expect(CSVTable.original(ofCell: unquoted) == text)
        }
        for text in ["acct_1", "a1e3", "NAB", "nullable", "x-5", "", "e5", "-", "$", "(x)", "\u{20AC}", "Mary-Ann", "May", "march", "decoy 1x"] {
            #expect(!CSVTable.readsAsOtherThanText(text), "\(text)")
        }
    }

    @Test func onlySourceValueColumnsAreMarked() {
        var table = CSVTable(header: ["account_id", "account_id_b64", "risk", "signup_ip", "queries"])
        table.append(["00123", "MDAxMjM=", "0.91", "10.0.0.1", "7"])
        let text = String(decoding: table.bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n'00123,MDAxMjM=,0.91,'10.0.0.1,7\r\n"), "\(text.debugDescription)")
    }
}
