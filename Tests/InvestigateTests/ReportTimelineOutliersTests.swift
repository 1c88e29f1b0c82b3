import Foundation
import Testing

@testable import Investigate

/// A trial (session 39): three rows dated 1970, 2099 and 9999 on one ring member, which the
/// loader keeps "out of the timing analysis", stretched report.html's query-volume timeline to
/// one bar per 24,441 days: the ring's month of activity was one bar. The chart's range now comes
/// from the rows in the timing analysis (`ChartRows`), and a line under it counts the rest.
@Suite(.timeLimit(.minutes(1))) struct ReportTimelineOutliersTests {
    static let accounts = "account_id,created_at\na1,2025-12-01T00:00:00Z\na2,2025-12-01T00:00:00Z\n"

    /// A month of one query a day from each account, and three outlying rows on a1.
    static func source(outliers: Bool) throws -> TempSource {
        var lines = (1...30).flatMap { d in
            let day = String(format: "%02d", d)
            return [#"{"ts":"2026-01-\#(day)T10:00:00Z","account_id":"a1"}"#, #"{"ts":"2026-01-\#(day)T11:00:00Z","account_id":"a2"}"#]
        }
        if outliers {
            lines += [
                #"{"ts":"1970-01-01T00:00:01Z","account_id":"a1"}"#, #"{"ts":"2099-12-31T23:59:59Z","account_id":"a1"}"#,
                #"{"ts":"9999-12-31T23:59:59Z","account_id":"a1"}"#,
            ]
        }
        return try TempSource(["accounts.csv": accounts, "queries.jsonl": lines.joined(separator: "\n") + "\n"])
    }

    static func timeline(outliers: Bool) throws -> String {
        let source = try source(outliers: outliers)
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        return ReportSVG.timeline(inv.data.queries, accounts: [0, 1], window: inv.coActivity.activity)
    }

    @Test func theChartSpansTheRowsInTheTimingAnalysisAndCountsTheRest() throws {
        let html = try Self.timeline(outliers: true)
        #expect(html.contains("60 queries, counted per day, 2026-01-01 to 2026-01-30 (UTC); peak 2 per day"), "\(html.prefix(400))")
        #expect(!html.contains("1970-01-01 to") && !html.contains("per 24441 days"))
        #expect(
            html.contains(
                "<p class=\"muted\">3 rows outside the chart (1970-01-01 ... 9999-12-31): set aside from the timing analysis at load</p>"))
        // One bar a day.
        #expect(html.components(separatedBy: "<rect ").count - 1 == 30)
    }

    @Test func aSourceWithNoOutlierHasNoNote() throws {
        let html = try Self.timeline(outliers: false)
        #expect(html.contains("60 queries, counted per day, 2026-01-01 to 2026-01-30 (UTC)"))
        #expect(!html.contains("outside the chart"))
    }

    @Test func accountsWithOnlyOutlyingRowsSaySo() {
        var rows = ChartRows(window: ActivityWindow(first: 1_000, last: 2_000, holdsEveryRow: false))
        #expect(rows.add(1_500) && !rows.add(0))
        #expect(rows.note == "1 row outside the chart (1970-01-01): set aside from the timing analysis at load")
        #expect(rows.shortNote == "+1 set aside (1970-01-01)")
        #expect(rows.count == 1 && rows.first == 1_500 && rows.last == 1_500)
    }
}
