import Foundation
import Investigate
import Testing
@testable import tui

/// A trial (session 39): three rows dated 1970, 2099 and 9999 on one account, which the loader
/// keeps "out of the timing analysis", squeezed its month of activity into one bucket of the
/// console's activity strip. The strip now spans the rows in the timing analysis (`ChartRows`)
/// and says how many it leaves out, and their dates.
@Suite struct ActivityStripOutliersTests {
    static func source() throws -> TrialFourTests.Source {
        var rows: [[String: Any]] = (1...30).flatMap { d -> [[String: Any]] in
            let day = String(format: "%02d", d)
            return [["account_id": "a1", "ts": "2026-01-\(day)T10:00:00Z"], ["account_id": "a2", "ts": "2026-01-\(day)T11:00:00Z"]]
        }
        rows += ["1970-01-01T00:00:01Z", "2099-12-31T23:59:59Z", "9999-12-31T23:59:59Z"].map { ["account_id": "a1", "ts": $0] }
        return try TrialFourTests.Source(accounts: ["a1", "a2"], queries: rows)
    }

    @Test func theAccountStripSpansTheMonthAndNamesTheRowsLeftOut() throws {
        let source = try Self.source()
        let a1 = try source.index("a1")
        let detail = try #require(source.model.account(a1))
        #expect(detail.timeline == Array(repeating: 1, count: 30), "\(detail.timeline)")
        #expect(detail.timelineNote == "+3 set aside (1970-01-01 ... 9999-12-31)")
        let number = try #require(detail.cluster)
        let cluster = try #require(source.model.cluster(number))
        #expect(cluster.timelineNote == "+3 set aside (1970-01-01 ... 9999-12-31)")
        // On the in-memory screen, at 80 and 120 columns.
        for cols in [80, 120] {
            var state = source.loaded()
            state.size = TerminalSize(rows: 30, cols: cols)
            state.stack = [Sheet(.triage), Sheet(.account(a1))]
            let row = try #require(Fixture.frame(state).first { $0.hasPrefix("queries [") })
            #expect(row.contains("]  +3 set aside (1970-01-01 ... 9999-12-31)"), "\(cols): \(row)")
            #expect(TextWidth.of(row) <= cols, "\(cols): \(row)")
            state.stack = [Sheet(.triage), Sheet(.cluster(number))]
            let strip = try #require(Fixture.frame(state).first { $0.hasPrefix("activity ") })
            #expect(strip.hasSuffix("  +3 set aside (1970-01-01 ... 9999-12-31)"), "\(cols): \(strip)")
        }
    }

    @Test func withoutANoteTheAccountLineIsAsBefore() {
        let busy = Array(repeating: 3, count: 200)
        #expect(
            SheetHeaders.accountActivity(busy, note: nil, valuesShown: true, cols: 80, glyphs: .unicode)
                == SheetHeaders.accountActivity(busy, valuesShown: true, cols: 80, glyphs: .unicode))
        let wide = SheetHeaders.accountActivity(busy, note: "+3 set aside (1970-01-01 ... 9999-12-31)", valuesShown: true, cols: 160, glyphs: .unicode)
        #expect(wide.hasSuffix(SheetHeaders.accountValueOrder) && TextWidth.of(wide) <= 159, "\(wide)")
    }
}
