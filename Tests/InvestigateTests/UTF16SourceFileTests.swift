import Foundation
import Testing
@testable import Investigate

/// A trial (session 36): a UTF-16 accounts file failed with `found: ��a\x00c\x00…`, which does
/// not say the file is UTF-16. The header now says so, and how to convert it.
@Suite struct UTF16SourceFileTests {
    func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [high, low] : [low, high]
        }
        return out
    }

    @Test(arguments: [(false, true), (false, false), (true, true), (true, false)])
    func aUTF16AccountsFileIsNamedAsSuch(bigEndian: Bool, bom: Bool) throws {
        let source = try TempSource(["queries.jsonl": #"{"ts":"2026-05-01T00:00:00Z","account_id":"a"}"# + "\n"])
        try source.write("accounts.csv", bytes: utf16("account_id,created_at\na,2026-01-01T00:00:00Z\n", bigEndian: bigEndian, bom: bom))
        let error = try #require(throws: LoadFailure.self) { try CaseLoader().load(source.directory) }
        let encoding = bigEndian ? "UTF-16BE" : "UTF-16LE"
        #expect("\(error)".contains("the file is \(encoding), not UTF-8; convert it first (iconv -f \(encoding) -t UTF-8)"), "\(error)")
    }

    @Test func utf8HeadersAreNotTakenForUTF16() {
        #expect(CSVRecordReader.utf16Encoding(Array("account_id,created_at".utf8)) == nil)
        #expect(CSVRecordReader.utf16Encoding(Array("id".utf8)) == nil)
    }
}

/// A trial (session 36): a plain-text file named `.gz` was reported as "corrupt gzip data:
/// incorrect header check"; it now says the file is not gzip.
@Suite struct PlainFileNamedGzTests {
    @Test func aPlainFileNamedGzSaysItIsNotGzip() throws {
        let source = try TempSource(["accounts.csv": "account_id\na\n"])
        try source.write("queries.jsonl.gz", bytes: Array((#"{"ts":"2026-05-01T00:00:00Z","account_id":"a"}"# + "\n").utf8))
        let result = try? CaseLoader().load(source.directory)
        let said = result.map { "\($0.report.skipped) \($0.report.warnings)" } ?? ""
        #expect(said.contains("not gzip data: the file does not start with a gzip header (named .gz but not compressed?)"), "\(said)")
    }
}
