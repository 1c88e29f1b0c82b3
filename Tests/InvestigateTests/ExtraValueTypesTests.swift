import Foundation
import Testing
@testable import Investigate

/// A trial's query row gave extra keys `5`, `true`, `null`, `{"k":1}` and `[1,2]`: the bundle
/// and `queries --format jsonl` wrote them as the strings "5", "true", "", "{\"k\":1}" and
/// "[1,2]", so a null and an empty string could no longer be told apart.
@Suite struct ExtraValueTypesTests {
    @Test func extraValuesKeepTheTypeTheRowGaveThem() throws {
        let row =
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","n":5,"t":true,"z":null,"o":{"k":1},"arr":[1, 2],"f":1.50,"#
            + #""s":"x","e":"","q":"5","lenient":007,"twice":{"a":1,"a":2}}"#
        let source = try TempSource(["accounts.csv": UntrustedSourceTests.accounts, "queries.jsonl": row + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        let records = QueryRecords(data: data, rows: [0])
        let extras = try #require(records.byRow[0]?.extras)
        let written = JSONValue.object(extras.mapValues { $0.value.jsonValue(isRaw: $0.isRaw) }).canonical
        // Bare values as written (`1.50` keeps its digits, `[1, 2]` its space); strings stay
        // strings ("5" is not 5); what is not JSON as written (`007`, a name given twice) is the
        // string of its exact text.
        #expect(
            written
                == #"{"arr":[1, 2],"e":"","f":1.50,"lenient":"007","n":5,"o":{"k":1},"q":"5","s":"x","t":true,"#
                + #""twice":"{\"a\":1,\"a\":2}","z":null}"#)
    }

    @Test func aRowGivingAnExtraKeyTwiceIsCounted() throws {
        let rows = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","x":1,"x":2}"# + "\n" + #"{"ts":"2026-03-01T00:00:01Z","account_id":"a1","x":1}"# + "\n"
        let source = try TempSource(["accounts.csv": UntrustedSourceTests.accounts, "queries.jsonl": rows])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let records = QueryRecords(data: try source.load(), rows: [0, 1])
        #expect(records.keysGivenTwice == 1)
        #expect(records.byRow[0]?.extras["x"]?.value == ExactText("2"))
    }

    @Test func aRawValueIsWrittenAsGiven() {
        #expect(JSONValue.object(["v": .raw("1.50")]).canonical == #"{"v":1.50}"#)
        #expect(ExactText("5").jsonValue(isRaw: false) == .string("5"))
        #expect(ExactText("5").jsonValue(isRaw: true) == .raw("5"))
        #expect(ExactText("+5").jsonValue(isRaw: true) == .string("+5"))
    }
}

/// A trial's account id `a"` + U+0301 + `b`: the exporter escaped quotes by `Character`, and a
/// `"` followed by a combining mark is one Character, so the quote was not doubled; the CSV read
/// back another id and `verify` refused the honest bundle. `=` + U+0301 also escaped the formula mark.
@Suite struct CSVCombiningMarkTests {
    @Test(arguments: ["a\"\u{301}b", "\"\u{FE0F}", "x\"\u{1F3FB}", "lab\"\u{301}x"])
    func aQuoteBeforeACombiningMarkIsDoubled(_ value: String) {
        let cell = CSVTable.cell(value)
        #expect(cell.unicodeScalars.filter { $0 == "\"" }.count == 2 * value.unicodeScalars.filter { $0 == "\"" }.count + 2)
        #expect(SyntheticFormat.csv(value).unicodeScalars.filter { $0 == "\"" }.count == cell.unicodeScalars.filter { $0 == "\"" }.count)
    }

    @Test func aFormulaMarkBeforeACombiningMarkIsNeutralised() {
        for value in ["=\u{301}HYPERLINK(\"http://x\")", "@\u{301}SUM(1)", "+\u{301}cmd", " =\u{301}x"] {
            #expect(CSVTable.isFormula(value), "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
            let cell = CSVTable.cell(value).unicodeScalars.drop(while: { $0 == "\"" })
            #expect(cell.first == "'", "\(CSVTable.cell(value))")
        }
        #expect(CSVTable.original(ofCell: "'\u{301}x") == "\u{301}x")
        #expect(!CSVTable.isFormula("-5") && !CSVTable.isFormula("+1e3"))
    }
}
