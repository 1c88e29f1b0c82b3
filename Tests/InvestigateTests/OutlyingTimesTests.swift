import Foundation
import Testing

@testable import Investigate

/// Rows dated far from the population (year 0000, 9999-12-31, `ts: 0`) load and are kept, the
/// load report says so once per file with the first line, and the timing structures cover only
/// the stretch where the population's rows lie (`ActivityWindow`), not the eight thousand years
/// between the outliers.
@Suite(.timeLimit(.minutes(1))) struct OutlyingTimesTests {
    static let accounts =
        "account_id,created_at\na1,2025-01-01T00:00:00Z\na2,2025-01-01T00:00:00Z\na3,2025-01-01T00:00:00Z\na4,2025-01-01T00:00:00Z\n"

    /// Lines 2, 4 and 5 are out of the population's time; the rest are minutes apart in 2026.
    static let queries =
        [
            #"{"ts":"2026-01-05T10:00:00Z","account_id":"a1"}"#,
            #"{"ts":"0000-01-01T00:00:00Z","account_id":"a1"}"#,
            #"{"ts":"2026-01-05T10:00:02Z","account_id":"a2"}"#,
            #"{"ts":"9999-12-31T23:59:59Z","account_id":"a2","output_tokens":5}"#,
            #"{"ts":0,"account_id":"a3"}"#,
        ] + (1...40).map { i in #"{"ts":"2026-01-05T10:\#(String(format: "%02d", i % 60)):00Z","account_id":"a\#(i % 4 + 1)"}"# }

    static func source() throws -> TempSource {
        try TempSource(["accounts.csv": accounts, "queries.jsonl": queries.joined(separator: "\n") + "\n"])
    }

    static let warning =
        "queries.jsonl:2: 3 timestamps lie a year's silence or more away from the population's queries "
        + "(2026-01-05T10:00:00Z to 2026-01-05T10:40:00Z), the first here (ts 0000-01-01T00:00:00Z); "
        + "the rows are kept, out of the timing analysis"

    @Test func lenientKeepsEveryRowAndWarnsOnceWithTheFirstLine() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try CaseLoader().load(source.directory)
        #expect(data.queries.count == Self.queries.count && data.report.skippedCount == 0)
        #expect(data.report.warnings.map(\.description) == [Self.warning])
        #expect(data.report.warningCount == 3)
        // The rows are kept as written.
        let times = (0..<data.queries.count).map { data.queries.timestamp($0) }
        #expect(times.contains(Timestamp.parseMillis("0000-01-01T00:00:00Z")!))
        #expect(times.contains(Timestamp.parseMillis("9999-12-31T23:59:59Z")!))
        #expect(times.contains(0))
    }

    @Test func strictStopsAtTheFirst() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        #expect {
            try CaseLoader(options: LoadOptions(strict: true)).load(source.directory)
        } throws: { error in
            "\(error)".contains("queries.jsonl:2: ts 0000-01-01T00:00:00Z lies a year's silence or more away")
                && "\(error)".contains("(strict: the load stops)")
        }
    }

    @Test func clustersWithStructuresSizedByThePopulationsTime() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        // The counts cover the 40 minutes of 2026, to the second, not years 0000-9999.
        #expect(inv.coActivity.bucketSeconds == 1)
        #expect(inv.coActivity.cumulative.count <= 40 * 60 + 4)
        #expect(inv.coActivity.spanSeconds <= 40 * 60 + 2)
        #expect(
            inv.coActivity.activity
                == ActivityWindow(
                    first: Timestamp.parseMillis("2026-01-05T10:00:00Z")!, last: Timestamp.parseMillis("2026-01-05T10:40:00Z")!,
                    holdsEveryRow: false))
        // The outlying rows make no burst; the others do.
        #expect(inv.coActivity.bursts(of: 0).allSatisfy { $0 >= inv.coActivity.activity.first })
        #expect(inv.coActivity.totalBursts > 0)
        let timing = TimingCandidates(coActivity: inv.coActivity, accountCount: inv.data.accountCount, blockSize: 48)
        #expect(timing.bucketSeconds <= Int64(inv.coActivity.widestScaleSeconds))
    }

    @Test func aPopulationOfDecadesWithoutAPauseStaysWithinTheBucketLimit() throws {
        // A row every 300 days for two centuries: no year's silence, so every row is in the window.
        let start = Timestamp.parseMillis("1900-01-01T00:00:00Z")!
        let rows = (0..<240).map { i in
            #"{"ts":"\#(Timestamp.format(millis: start + Int64(i) * 300 * 86_400_000))","account_id":"a\#(i % 2 + 1)"}"#
        }
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": rows.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try CaseLoader().load(source.directory)
        #expect(data.queries.count == 240 && data.report.warnings.isEmpty)
        let activity = CoActivity(queries: data.queries)
        #expect(activity.activity.holdsEveryRow)
        #expect(Int64(activity.cumulative.count) <= CoActivity.bucketLimit + 3)
        let timing = TimingCandidates(coActivity: activity, accountCount: 4, blockSize: 48)
        #expect(activity.spanSeconds / timing.bucketSeconds <= Int64(TimingCandidates.bucketLimit))
    }

    @Test func theMedianRowsStretchIsThePopulation() {
        let year = ActivityWindow.silence
        typealias Run = ActivityWindow.Run
        // Runs less than a year apart join; the stretch holding the median row wins.
        let stretches = ActivityWindow.stretches([
            Run(first: 10 * year, last: 10 * year + 5, rows: 3), Run(first: 0, last: 1, rows: 1),
            Run(first: 10 * year + 2, last: 11 * year, rows: 4), Run(first: 30 * year, last: 30 * year, rows: 2),
        ])
        #expect(stretches.map(\.rows) == [1, 7, 2])
        #expect(stretches[1].first == 10 * year && stretches[1].last == 11 * year)
    }

    @Test func aSourceWithinAYearHasNoWarning() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts,
            "queries.jsonl": [
                #"{"ts":"2025-01-05T10:00:00Z","account_id":"a1"}"#, #"{"ts":"2025-11-05T10:00:00Z","account_id":"a2"}"#,
                #"{"ts":"2026-09-05T10:00:00Z","account_id":"a3"}"#,
            ].joined(separator: "\n") + "\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try CaseLoader().load(source.directory)
        #expect(data.report.warnings.isEmpty)
        #expect(ActivityWindow(queries: data.queries).holdsEveryRow)
    }
}
