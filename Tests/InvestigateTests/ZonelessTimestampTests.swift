import Foundation
import Testing

@testable import Investigate

/// A timestamp with no zone (`2025-01-01T00:00:00`) or a bare date is outside the data format
/// (RFC 3339 names its zone): a lenient load reads it as UTC and says so once per file, with the
/// count and the first line; a strict load stops at the first.
@Suite(.timeLimit(.minutes(1))) struct ZonelessTimestampTests {
    static func span<R>(_ text: String, _ body: (Span<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8 { body($0.span) }
    }

    @Test func parseSaysWhetherTheZoneIsWritten() {
        for (text, zoned) in [
            ("2025-01-01T00:00:00Z", true), ("2025-01-01T00:00:00.5+02:00", true), ("2025-01-01 00:00:00-0500", true),
            ("2025-01-01T00:00:00+01", true), ("1735689600", true), ("1735689600000", true),
            ("2025-01-01T00:00:00", false), ("2025-01-01T00:00:00.250", false), ("2025-01-01", false),
        ] {
            let parsed = Self.span(text) { Timestamp.parse($0) }
            #expect(parsed?.zoned == zoned, "\(text)")
            #expect(parsed?.millis == Timestamp.parseMillis(text), "\(text)")
        }
        #expect(Self.span("2025-01-01T00:00:00") { Timestamp.parse($0) }?.millis == 1_735_689_600_000)
        #expect(Self.span("2025-01-01T00:00") { Timestamp.parse($0) } == nil)
    }

    static let files = [
        "accounts.csv": "account_id,created_at\na1,2024-01-01\na2,2024-01-02T00:00:00Z\na3,2024-01-03T10:00:00\n",
        "payments.csv": "account_id,payment_fingerprint,added_at\na1,f1,2024-02-01T00:00:00+01:00\n",
    ]

    static func queries(_ count: Int, zonelessFrom: Int) -> String {
        (1...count).map { line in
            let ts = line >= zonelessFrom && line % 3 == 0 ? "2025-01-01T00:00:\(String(format: "%02d", line % 60))" : "2025-01-01T00:00:00Z"
            return #"{"ts":"\#(ts)","account_id":"a\#(line % 3 + 1)"}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func lenientWarnsOncePerFileWithTheCount() throws {
        var files = Self.files
        files["queries.jsonl"] = Self.queries(3_000, zonelessFrom: 100)
        let source = try TempSource(files)
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        // One worker and many (the file cut into shared slices): the same report.
        for (workers, slice) in [(1, 64 << 20), (3, 4 << 10)] {
            var options = LoadOptions()
            options.workers = workers
            options.sliceBytes = slice
            options.sharesSlices = workers > 1
            let data = try CaseLoader(options: options).load(source.directory)
            #expect(data.queries.count == 3_000 && data.accounts.count == 3 && data.report.skippedCount == 0)
            let zoneless = (100...3_000).count { $0 % 3 == 0 }
            #expect(data.report.warnings.map(\.description) == [
                "accounts.csv:2: 2 timestamps have no time zone (Z or an offset), the first here (created_at '2024-01-01'); all read as UTC",
                "queries.jsonl:102: \(zoneless) timestamps have no time zone (Z or an offset), the first here (ts '2025-01-01T00:00:42'); all read as UTC",
            ], "workers \(workers)")
            #expect(data.report.warningCount == 2 + zoneless)
            #expect(data.accounts.createdAt[0] == 1_704_067_200_000)
        }
    }

    @Test func oneIsSaidWithItsValueAndStrictStops() throws {
        var files = Self.files
        files["accounts.csv"] = "account_id,created_at\na1,2024-01-01T00:00:00Z\na2,2024-01-02T00:00:00Z\na3,\n"
        files["queries.jsonl"] = #"{"ts":"2025-01-01T00:00:00Z","account_id":"a1"}"# + "\n" + #"{"ts":"2025-01-01 08:00:00.5","account_id":"a2"}"# + "\n"
        let source = try TempSource(files)
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.report.warnings.map(\.description) == [
            "queries.jsonl:2: ts '2025-01-01 08:00:00.5' has no time zone (Z or an offset); read as UTC"
        ])
        #expect(throws: LoadFailure.strictRow(
            file: "queries.jsonl", line: 2,
            reason: "ts '2025-01-01 08:00:00.5' has no time zone (Z or an offset, which the data format requires)")) {
            try source.load(strict: true)
        }
        try source.write("payments.csv", bytes: Array("account_id,payment_fingerprint,added_at\na1,f1,2024-02-01\n".utf8))
        #expect(throws: LoadFailure.strictRow(
            file: "payments.csv", line: 2, reason: "added_at '2024-02-01' has no time zone (Z or an offset, which the data format requires)")) {
            try source.load(strict: true)
        }
    }
}
