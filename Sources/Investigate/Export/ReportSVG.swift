#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The two inline SVG charts of `report.html`: query volume over time and the link graph.
/// Pure functions of the bundle input; coordinates rounded so the bytes are deterministic.
enum ReportSVG {
    /// Bars of query counts in up to 60 equal time buckets across the case accounts' history.
    static func timeline(_ input: BundleInput) -> String {
        let q = input.data.queries
        var times: [Int64] = []
        for (_, account) in input.accounts { for row in q.rows(of: account) { times.append(q.timestamp(row)) } }
        let width = 720, height = 160
        guard let first = times.min(), let last = times.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"40\" role=\"img\">"
                + "<text x=\"4\" y=\"24\">No queries from case accounts in this source.</text></svg>"
        }
        let buckets = 60
        let span = max(Int64(1), last - first + 1)
        var counts = [Int](repeating: 0, count: buckets)
        for t in times { counts[min(buckets - 1, Int((t - first) * Int64(buckets) / span))] += 1 }
        let peak = max(1, counts.max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 30)\" role=\"img\" "
            + "aria-label=\"query volume timeline\"><title>Query volume over time</title>"
        let barWidth = width / buckets
        for (i, count) in counts.enumerated() where count > 0 {
            let h = max(1, count * height / peak)
            svg +=
                "<rect x=\"\(i * barWidth)\" y=\"\(height - h)\" width=\"\(barWidth - 1)\" height=\"\(h)\" "
                + "fill=\"#b03a2e\"><title>\(count) queries</title></rect>"
        }
        svg += "<text x=\"0\" y=\"\(height + 20)\" font-size=\"11\">\(MarkupEscaping.escape(Timestamp.format(millis: first)))</text>"
        svg +=
            "<text x=\"\(width)\" y=\"\(height + 20)\" font-size=\"11\" text-anchor=\"end\">"
            + "\(MarkupEscaping.escape(Timestamp.format(millis: last)))</text>"
        svg += "<text x=\"\(width / 2)\" y=\"\(height + 20)\" font-size=\"11\" text-anchor=\"middle\">peak \(peak) per bucket</text>"
        return svg + "</svg>"
    }

    /// Case accounts on a circle (sorted by id, at most 300), a line per linked pair.
    static func linkGraph(_ input: BundleInput, _ links: CaseLinks) -> String {
        let ids = (input.accounts.map(\.id) + input.missingAccounts).sorted().prefix(300).map(\.fileText)
        let size = 520.0, center = 260.0, radius = 220.0
        var position: [String: (Int, Int)] = [:]
        for (i, id) in ids.enumerated() {
            let angle = 2 * Double.pi * Double(i) / Double(max(1, ids.count))
            position[id] = (Int((center + radius * cos(angle)).rounded()), Int((center + radius * sin(angle)).rounded()))
        }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(size))\" height=\"\(Int(size))\" role=\"img\" "
            + "aria-label=\"link graph\"><title>Links among case accounts</title>"
        for pair in links.pairs {
            guard let a = position[pair.a], let b = position[pair.b] else { continue }
            let stroke = JSONValue.decimal(0.5 + 2.5 * pair.weight)
            svg +=
                "<line x1=\"\(a.0)\" y1=\"\(a.1)\" x2=\"\(b.0)\" y2=\"\(b.1)\" stroke=\"#555\" stroke-width=\"\(stroke)\">"
                + "<title>\(MarkupEscaping.escape(pair.a + " ~ " + pair.b + ": " + pair.kinds))</title></line>"
        }
        let risk = Dictionary(uniqueKeysWithValues: input.accounts.map { ($0.id.fileText, input.investigation.accountRisk[$0.index]) })
        for id in ids {
            let (x, y) = position[id]!
            let r = risk[id] ?? 0
            let fill = r >= 0.7 ? "#b03a2e" : r >= 0.4 ? "#d68910" : "#5d6d7e"
            svg +=
                "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"6\" fill=\"\(fill)\"><title>"
                + "\(MarkupEscaping.escape(id)) risk \(JSONValue.decimal(r))</title></circle>"
        }
        return svg + "</svg>"
    }
}
