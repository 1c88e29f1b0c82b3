import Foundation
import Testing
@testable import Investigate

/// One altered row of a value shared by several case accounts is the row `verify` names: each
/// value's figures are what most of its rows give. A trial altered the weight of a value's first
/// row, and every untouched row after it was said to "differ from row 1", the altered one last.
@Suite struct EdgeRowOutlierTests {
    typealias Setup = BundleCrossCheckTests.Setup

    @Test func theAlteredRowIsNamedNotTheRowsBesideIt() throws {
        let s = try Setup()
        let cells = BundleGraphCheckTests.edgeCells(s)
        // The value with the most rows; its first row is altered.
        var rowsOf: [String: [Int]] = [:]
        for (i, row) in cells.enumerated() { rowsOf[row[2] + "\u{0}" + row[4], default: []].append(i) }
        let rows = try #require(rowsOf.values.max { $0.count < $1.count })
        try #require(rows.count >= 3, "the fixture needs a value of three rows")
        let altered = rows[0]
        let report = try s.verify("edges.csv") { text in
            var lines = BundleGraphCheckTests.rows(text)
            var row = cells[altered]
            row[5] = "0.999999"
            lines[altered] = row.joined(separator: ",")
            return BundleGraphCheckTests.text(text, rows: lines)
        }
        let edges = report.problems.filter { $0.hasPrefix("edges.csv:") }
        #expect(edges.count == 1, "\(edges)")
        #expect(edges.first?.hasPrefix("edges.csv: row \(altered + 1) (account ") == true, "\(edges)")
        #expect(edges.first?.contains("differ from row \(rows[1] + 1) and the \(rows.count - 2) other") == true, "\(edges)")
    }
}
