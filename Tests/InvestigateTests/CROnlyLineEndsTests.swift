import Foundation
import Testing

@testable import Investigate

/// A file whose lines end with a carriage return alone (classic Mac line ends) is read line by
/// line, with one warning, not as one long line: a CSV read as one header row lost every record
/// without a word, and a JSONL file lost every row but counted one.
@Suite(.timeLimit(.minutes(1))) struct CROnlyLineEndsTests {
    /// The lines `LineReader` hands out for `text` in blocks of `block` bytes, and whether it read
    /// CR line ends.
    static func lines(_ text: String, block: Int, detects: Bool = true) throws -> (lines: [String], cr: Bool) {
        let source = try TempSource(["t.txt": text])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let lines = LineReader(source: try FileByteSource(path: source.directory + "/t.txt"), blockSize: block)
        lines.detectsCRLineEnds = detects
        var out: [String] = []
        var numbers: [Int] = []
        try lines.forEachLine { line in
            out.append(String(decoding: line.bytes, as: UTF8.self))
            numbers.append(line.number)
            return true
        }
        #expect(numbers == (0..<out.count).map { $0 + 1 })
        return (out, lines.readsCRLineEnds)
    }

    @Test func theFirstLineEndDecides() throws {
        for block in [1, 2, 3, 7, 4096] {
            #expect(try Self.lines("a\rbb\r\rc", block: block) == (["a", "bb", "", "c"], true), "block \(block)")
            #expect(try Self.lines("a\rb\r", block: block) == (["a", "b"], true), "block \(block)")
            // CR LF and LF files are as before: a CR before a newline, or inside a line, is data.
            #expect(try Self.lines("a\r\nb\rc\n", block: block) == (["a", "b\rc"], false), "block \(block)")
            #expect(try Self.lines("a\nb\rc\nd", block: block) == (["a", "b\rc", "d"], false), "block \(block)")
            #expect(try Self.lines("a\rb\rc\nd", block: block) == (["a\rb\rc", "d"], false), "block \(block)")
            // A stream of one line ending in a lone CR.
            #expect(try Self.lines("abc\r", block: block) == (["abc"], true), "block \(block)")
            #expect(try Self.lines("abc", block: block) == (["abc"], false), "block \(block)")
        }
        // A reader that does not detect (a slice inside a file) keeps the CR as data.
        #expect(try Self.lines("a\rb", block: 4, detects: false) == (["a\rb"], false))
        // A first MiB with no newline decides, though a newline comes later.
        let long = String(repeating: "x", count: LineReader.lineEndSample) + "\ry\nz\r"
        #expect(try Self.lines("a\r" + long, block: 4096).lines.map(\.count) == [1, LineReader.lineEndSample, 3])
    }

    static let warning = "lines end with a carriage return alone (classic Mac line ends); each was read as a line end"
    static let accounts = "account_id,created_at\ra1,2024-01-01T00:00:00Z\ra2,2024-01-02T00:00:00Z\r"

    @Test func csvAndJSONLRowsAreAllReadWithOneWarningEach() throws {
        let queries = (0..<50).map { #"{"ts":"2025-01-01T00:00:\#(String(format: "%02d", $0))Z","account_id":"a\#($0 % 2 + 1)"}"# }
            .joined(separator: "\r") + "\r"
        let source = try TempSource([
            "accounts.csv": Self.accounts,
            // A quoted fingerprint running over a line end keeps that line end, a CR, as data.
            "payments.csv": "account_id,payment_fingerprint\ra1,f1\ra2,\"f\r2\"\r",
            "queries.jsonl": queries,
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.accounts.count == 2)
        #expect(data.payments.count == 2)
        #expect(data.pools.payments.string(1) == "f\r2")
        #expect(data.queries.count == 50)
        #expect(data.report.skippedCount == 0)
        #expect(Set(data.report.warnings.map(\.description)) == Set(["accounts.csv", "payments.csv", "queries.jsonl"].map { "\($0):1: \(Self.warning)" }))
    }

    @Test func aStrictLoadStops() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts,
            "queries.jsonl": #"{"ts":"2025-01-01T00:00:00Z","account_id":"a1"}"# + "\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        #expect(throws: LoadFailure.strictRow(file: "accounts.csv", line: 1, reason: Self.warning)) { try source.load(strict: true) }
    }
}
