import Foundation
import Testing

@testable import Investigate

/// Blank lines (a gzip of nothing but newlines inflates a thousandfold) are passed over by the
/// line reader without a call each, and every line after them keeps its number.
@Suite(.timeLimit(.minutes(1))) struct BlankLineSkipTests {
    /// The lines `LineReader` hands out for `text` read in blocks of `block` bytes: (number, text).
    static func lines(_ text: String, block: Int, skipping: Bool) throws -> [(Int, String)] {
        let source = try TempSource(["t.txt": text])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let lines = LineReader(source: try FileByteSource(path: source.directory + "/t.txt"), blockSize: block)
        lines.skipsBlankLines = skipping
        var out: [(Int, String)] = []
        try lines.forEachLine { line in
            out.append((line.number, String(decoding: line.bytes, as: UTF8.self)))
            return true
        }
        #expect(lines.lineNumber == text.utf8.count(where: { $0 == 0x0A }) + (text.hasSuffix("\n") || text.isEmpty ? 1 : 2))
        return out
    }

    @Test func blankLinesAreNotHandedOutAndNumbersStay() throws {
        let text = "a\n\n\n" + String(repeating: "\n", count: 70) + " \t \n\r\n \r\nb\n \r x\n" + String(repeating: " \n", count: 30)
            + "\r\nc\n  \n"
        for block in [1, 3, 8, 64, 4096] {
            let all = try Self.lines(text, block: block, skipping: false)
            let kept = try Self.lines(text, block: block, skipping: true)
            let blank = { (line: (Int, String)) in line.1.allSatisfy { $0 == " " || $0 == "\t" } }
            // What is left is exactly the lines that are not blank, with their own numbers.
            #expect(kept.map(\.0) == all.filter { !blank($0) }.map(\.0), "block \(block)")
            #expect(kept.map(\.1) == all.filter { !blank($0) }.map(\.1), "block \(block)")
            #expect(kept.map(\.1) == ["a", "b", " \r x", "c"])
        }
        // A last line with no newline is handed out as before (the caller drops it when blank).
        #expect(try Self.lines("a\n\n  ", block: 4, skipping: true).map(\.1) == ["a", "  "])
    }

    @Test func aRunOfNewlinesIsPassedAWordAtATime() {
        let bytes = [UInt8](repeating: 0x0A, count: 1_000) + Array(" \t\r\n{".utf8)
        let run = LineReader.blankLinesRun(in: bytes, 0..<bytes.count)
        #expect(run.lines == 1_001 && run.end == 1_004)
        // Stops at a line that is not blank, and before an unfinished one.
        #expect(LineReader.blankLinesRun(in: Array("\n\n x\n".utf8), 0..<5) == (2, 2))
        #expect(LineReader.blankLinesRun(in: Array("\n  \r".utf8), 0..<4) == (1, 1))
        #expect(LineReader.blankLinesRun(in: Array("x\n".utf8), 0..<2) == (0, 0))
    }

    @Test func jsonAndCSVRowsAfterBlankLinesKeepTheirLines() throws {
        let rows = "\n\n{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"a1\"}\n \n\r\n{\"ts\":\"bad\",\"account_id\":\"a1\"}\n"
        let gz = try gzipped(Array((rows + String(repeating: "\n", count: 5_000) + "{\"ts\":\"no\",\"account_id\":\"a2\"}\n").utf8))
        let source = try TempSource([
            "accounts.csv": "account_id\na1\n\n\n  \na2\n",
            // Inside quotes a blank line is data.
            "payments.csv": "account_id,payment_fingerprint,kind\n\na1,\"f\n\n\n1\",card\n\n\na2,,x\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try source.write("queries.jsonl.gz", bytes: gz)
        let data = try source.load()
        #expect(data.accounts.count == 2 && data.queries.count == 1 && data.payments.count == 1)
        #expect(data.report.skipped.map(\.description) == [
            "payments.csv:9: missing payment_fingerprint",
            "queries.jsonl.gz:6: bad timestamp 'bad' in 'ts'",
            "queries.jsonl.gz:5007: bad timestamp 'no' in 'ts'",
        ])
        #expect(data.pools.payments.count == 1 && data.pools.payments.bytes(0) == Array("f\n\n\n1".utf8))
    }

    /// 256 MiB of newlines in a 260 KB gzip (256 members): read in well under the time one call
    /// per line took (about 10 s in a release build); counted for the report's unreadable-file path too.
    @Test func aGzipOfNewlinesIsQuick() throws {
        let member = try gzipped([UInt8](repeating: 0x0A, count: 1 << 20))
        var bomb = try gzipped(Array("{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"a1\"}\n".utf8))
        for _ in 0..<256 { bomb += member }
        bomb += try gzipped(Array("{\"ts\":\"2026-03-01T00:00:01Z\",\"account_id\":\"a2\"}\n".utf8))
        let source = try TempSource(["accounts.csv": "account_id\na1\na2\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try source.write("queries.jsonl.gz", bytes: bomb)
        let started = Date()
        let data = try source.load()
        #expect(data.queries.count == 2 && data.report.skippedCount == 0)
        #expect(data.queries.line[1] == UInt32(256 << 20 + 2))
        #expect(try CaseLoader.countLines(source.directory + "/queries.jsonl.gz") == 256 << 20 + 2)
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
