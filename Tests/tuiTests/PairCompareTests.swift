import Foundation
import Investigate
import Testing
@testable import tui

/// `=` on two marked accounts says why they are linked, as `investigate why` does: an
/// explanation an investigator can paste without leaving the console.
@Suite struct PairCompareTests {
    @Test func theComparisonSaysWhyThePairIsLinked() throws {
        let ids = ["pair-1", "pair-2", "other-3"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": i < 2 ? "203.0.113.9" : "198.51.100.4",
             "user_agent": i < 2 ? "ring-client/1.0" : "browser/2", "prompt": "hello \(i)"]
        })
        var s = source.loaded()
        s.marks = [MarkKey.account(ExactText("pair-1")), MarkKey.account(ExactText("pair-2"))]
        s = Fixture.press(s, .char("="))
        guard case .record(let record)? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
        let why = try #require(record.fields.first { $0.key == "why linked" })
        #expect(why.values.count == 1, "of the pair: one value across both sides")
        let lines = why.values[0].split(separator: "\n").map(String.init)
        // The same lines as `why` (in the order the marks give the pair), escaped once.
        let a = try source.index("pair-1"), b = try source.index("pair-2")
        let inv = source.model.investigation
        let asWhy = { (x: Int, y: Int) in inv.explainPair(x, y).map { TextEscaping.visible($0) } }
        // The verdict first, then `why`'s lines in its order.
        let verdictFirst = { (w: [String]) in w.filter { $0.hasPrefix("evidence ") } + w.filter { !$0.hasPrefix("evidence ") } }
        #expect(lines.starts(with: verdictFirst(asWhy(a, b))) || lines.starts(with: verdictFirst(asWhy(b, a))))
        #expect(lines.first?.hasPrefix("evidence ") == true, "\(lines)")
        #expect(lines.contains { $0.contains("203.0.113.9") }, "the shared IP is named: \(lines)")
        #expect(lines.contains { $0.hasPrefix("evidence ") }, "the verdict in bits: \(lines)")
        // Drawn across both sides (wider than one side's column), never cut.
        let drawn = RecordOverlay.lines(record, width: 118, ascii: false).map(\.text)
        let start = try #require(drawn.firstIndex { $0.hasPrefix("why linked") })
        #expect(drawn[start].count > 70 && !drawn[start].contains(" | "), "\(drawn[start])")
        // A model with no link evidence (the fixtures) adds no such field.
        let fixture = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("="))
        guard case .record(let plain)? = fixture.overlay else { Issue.record("no fixture comparison"); return }
        #expect(!plain.fields.contains { $0.key == "why linked" })
    }
}
