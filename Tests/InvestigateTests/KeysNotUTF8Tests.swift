import Foundation
import Testing
@testable import Investigate

/// Trial s34 finding 9: extra keys that are not valid UTF-8 (`\xff`, `\xfe`) were repaired to
/// U+FFFD and collided, their values lost without a word at load. The load now says so, once per
/// file with a count, naming the first line; a strict load stops on it.
@Suite(.timeLimit(.minutes(1))) struct KeysNotUTF8Tests {
    static let accounts = "account_id,created_at\na1,2026-01-01T00:00:00Z\na2,2026-01-01T00:00:00Z\n"

    /// Query rows: the first and third carry `\xff` / `\xfe` keys, the second only valid ones.
    static func source() throws -> TempSource {
        let source = try TempSource(["accounts.csv": accounts])
        var bytes: [UInt8] = []
        bytes += Array(#"{"ts":"2026-05-01T00:00:00Z","account_id":"a1",""#.utf8) + [0xFF]
            + Array(#"":"A",""#.utf8) + [0xFE] + Array(#"":"B"}"#.utf8) + [0x0A]
        bytes += Array(#"{"ts":"2026-05-01T00:00:01Z","account_id":"a2","x":"1"}"#.utf8) + [0x0A]
        bytes += Array(#"{"ts":"2026-05-01T00:00:02Z","account_id":"a2",""#.utf8) + [0xFF]
            + Array(#"":"C"}"#.utf8) + [0x0A]
        try source.write("queries.jsonl", bytes: bytes)
        return source
    }

    @Test func queryKeysNotUTF8AreOneWarningPerFileWithTheirCount() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.queries.count == 3, "the rows are kept")
        let warnings = data.report.warnings.filter { $0.file == "queries.jsonl" }
        #expect(warnings.count == 1, "\(data.report.warnings)")
        #expect(warnings.first?.line == 1)
        #expect(warnings.first?.reason.hasPrefix(#"2 rows have a key that is not valid UTF-8, the first here ('\xff'): "#
            + "shown and exported with U+FFFD") == true, "\(warnings)")
        #expect(data.report.warningCount == 2, "each row counted once")
    }

    @Test func aStrictLoadStopsAtTheFirstKeyNotUTF8() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        #expect {
            try source.load(strict: true)
        } throws: { error in
            guard case .strictRow(let file, let line, let reason) = error as? LoadFailure else { return false }
            return file == "queries.jsonl" && line == 1 && reason.hasPrefix(#"key '\xff' is not valid UTF-8"#)
        }
    }

    /// Workers reading slices of one file count theirs; the file still gets one warning, its
    /// first line numbered in the whole file.
    @Test func slicedLoadsCountAcrossWorkers() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        var options = LoadOptions()
        options.sliceBytes = 64
        options.workers = 3
        let data = try CaseLoader(options: options).load(source.directory)
        let warnings = data.report.warnings.filter { $0.file == "queries.jsonl" }
        #expect(warnings.count == 1 && warnings.first?.line == 1, "\(data.report.warnings)")
        #expect(warnings.first?.reason.hasPrefix("2 rows have a key") == true, "\(warnings)")
    }

    @Test func csvColumnNamesNotUTF8AreSaidOnceAtTheHeader() throws {
        let source = try TempSource(["queries.jsonl": #"{"ts":"2026-05-01T00:00:00Z","account_id":"a1"}"# + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try source.write("accounts.csv", bytes: Array("account_id,created_at,".utf8) + [0xFF, 0x2C, 0xFE]
            + Array("\na1,2026-01-01T00:00:00Z,one,two\na2,2026-01-01T00:00:00Z,three,four\n".utf8))
        let data = try source.load()
        let header = data.report.warnings.filter { $0.file == "accounts.csv" && $0.line == 1 }
        #expect(header.map(\.reason) == [#"column names '\xff', '\xfe' are not valid UTF-8: shown and exported with "#
            + "U+FFFD for their invalid bytes, so names that differ only there are one key and a row keeps the last value"])
    }
}
