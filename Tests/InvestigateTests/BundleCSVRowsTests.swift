import Foundation
import Testing
@testable import Investigate

/// `verify` reads a bundle's CSV files back by bytes and compares each cell with what
/// `CSVTable` writes for it (`BundleCSVRows`): what the writer writes reads back exactly, huge
/// cells and quotes among multi-byte scalars included, and anything else is refused with the
/// reason it was refused for before the reader worked by bytes.
@Suite struct BundleCSVRowsTests {
    static let header = ["account_id", "note", "value"]

    /// The file `CSVTable` writes for `rows`.
    static func written(_ rows: [[String]]) -> [UInt8] {
        var table = CSVTable(header: header)
        for row in rows { table.append(row) }
        return table.bytes
    }

    /// The refusal `BundleCSVRows` gives for `bytes`, or nil when it reads them.
    static func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try BundleCSVRows(bytes, header: header, file: "t.csv")
            return nil
        } catch { return "\(error)" }
    }

    @Test func whatTheWriterWritesReadsBackExactly() throws {
        let rows = [
            ["acct_1", "plain", "x"],
            ["a\"\u{301}b", "say \"hi\", then \"\"bye\"\"", "=SUM(A1)"],
            ["'quoted mark", "", "\"\""],
            ["  padded ", "line\nbreak\r\nand\rmore", "007"],
            ["emoji 🧪\"", "한국어,\"日本\"", "-1"],
            ["", "\"", ","],
        ]
        let table = try BundleCSVRows(Self.written(rows), header: Self.header, file: "t.csv")
        #expect(table.rows == rows)
        #expect(table.header == Self.header)
    }

    @Test func aHugeCellWithQuotesReadsBackWhole() throws {
        let chunk = String(repeating: "N", count: 4095) + "\""
        let huge = String(repeating: chunk, count: 2048) + "é"  // 8 MiB, 2,048 quotes to double
        let table = try BundleCSVRows(Self.written([["acct_1", huge, "v"], ["acct_2", "n", "w"]]), header: Self.header, file: "t.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows[0][1] == huge)
        #expect(table.rows[1] == ["acct_2", "n", "w"])
    }

    @Test func whatTheWriterDoesNotWriteIsRefusedWithItsReason() {
        let good = String(decoding: Self.written([["acct_1", "a,b", "=x"]]), as: UTF8.self)
        #expect(good.hasSuffix("acct_1,\"a,b\",'=x\r\n"))
        #expect(Self.refusal(Array(good.utf8)) == nil)
        let notWritten = "t.csv: not as the exporter writes it (quoting or formula marks differ from its CSV)"
        // Quoted where the writer does not quote, a formula unmarked, a stray quote inside a cell.
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "acct_1,", with: "\"acct_1\",").utf8)) == notWritten)
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "'=x", with: "=x").utf8)) == notWritten)
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "acct_1", with: "ac\"ct_1").utf8)) == notWritten)
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "\"a,b\"", with: "\"a,\"b").utf8)) == notWritten)
        // A row cut short, one cell too many, no CRLF at the end, a LF-only file, another header.
        #expect(Self.refusal(Array(good.dropLast(2).utf8)) == "t.csv: the last row does not end with CRLF")
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "\r\n", with: "\n").utf8)) == "t.csv: the last row does not end with CRLF")
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "'=x\r\n", with: "'=x,y\r\n").utf8)) == "t.csv: row 1 has 4 cells, the header 3")
        #expect(Self.refusal(Array(good.replacingOccurrences(of: "note", with: "notes").utf8)) == "t.csv: the header is not account_id,note,value")
        #expect(Self.refusal([]) == "t.csv: the header is not account_id,note,value")
        // A quoted cell never closed.
        #expect(Self.refusal(Array((good + "acct_2,\"open,v\r\n").utf8)) == "t.csv: the last row does not end with CRLF")
    }

    @Test func bytesThatAreNotUTF8AreRefusedWhereverTheyAre() {
        let good = Self.written([["acct_1", "note", "v"]])
        let notUTF8 = "t.csv: not valid UTF-8 (the writer carries other bytes in *_b64 columns)"
        var inCell = good
        inCell.insert(0xFF, at: good.count - 3)
        #expect(Self.refusal(inCell) == notUTF8)
        // A lead byte cut off by the separator that follows it: each cell is checked on its own.
        var cutScalar = good
        cutScalar.insert(0xC3, at: good.count - 4)
        #expect(Self.refusal(cutScalar) == notUTF8)
    }

    @Test func quotingDoublesEveryQuoteByBytesAsTheScalarsWould() {
        for text in ["", "\"", "a\"\u{301}b", "\"\"", "🧪\"🧪", "x,\"y\"\nz", String(repeating: "\"é", count: 300)] {
            var reference = "\""
            for scalar in text.unicodeScalars {
                reference.unicodeScalars.append(scalar)
                if scalar == "\"" { reference.unicodeScalars.append("\"") }
            }
            reference += "\""
            #expect(CSVTable.quoted(text) == reference)
            #expect(Array(CSVTable.quoted(text).utf8) == Array(reference.utf8))
        }
    }
}
