/// The activity timeline of `report.html`: queries per hour (history up to two days) or per day
/// (longer; several days per bar past `maxBars` days), as inline SVG scaled to the page width.
/// A pure function of the rows it is given, in integers, so the bytes are deterministic. Rows set
/// aside from the timing analysis at load (`ChartRows`) are not drawn; a line under the chart
/// counts them and gives their dates.
enum ReportSVG {
    static let maxBars = 120
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// The bar width in milliseconds and its caption (`per hour`, `per day`, `per 3 days`).
    static func unit(span: Int64) -> (millis: Int64, caption: String) {
        if span <= 2 * day { return (hour, "per hour") }
        let days = (span + day - 1) / day
        let perBar = max(1, (days + Int64(maxBars) - 1) / Int64(maxBars))
        return (perBar * day, perBar == 1 ? "per day" : "per \(perBar) days")
    }

    /// The timeline of the queries of `accounts` (source indices).
    static func timeline(_ input: BundleInput, accounts: [Int32]) -> String {
        timeline(input.data.queries, accounts: accounts, window: input.investigation.coActivity.activity)
    }

    /// The timeline of the queries of `accounts` in `q`: its range and bars from the rows inside
    /// `window` (the timing analysis's, `ChartRows`); the rows outside are counted and their
    /// date span said in the caption, so three rows dated 1970 and 9999 do not stretch a month
    /// of activity into one bar.
    static func timeline(_ q: QueryTable, accounts: [Int32], window: ActivityWindow) -> String {
        var rows = ChartRows(window: window)
        for account in accounts { for row in q.rows(of: Int(account)) { rows.add(q.timestamp(row)) } }
        let note = rows.note.map { "<p class=\"muted\">\(MarkupEscaping.escape($0))</p>" } ?? ""
        let (first, last) = (rows.first, rows.last)
        guard first <= last else {
            return rows.outside > 0
                ? "<p class=\"muted\">No queries from these accounts in the timing analysis's time.</p>" + note
                : "<p class=\"muted\">No queries from these accounts in the source.</p>"
        }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow else { return "<p class=\"muted\">Query times out of range.</p>" + note }
        let unit = unit(span: span + 1)
        let remainder = first % unit.millis  // bars aligned to UTC hours or days
        let start = remainder < 0 ? first - remainder - unit.millis : first - remainder
        let bars = Int((last - start) / unit.millis) + 1
        var counts = [Int](repeating: 0, count: bars)
        for account in accounts {
            for row in q.rows(of: Int(account)) where rows.draws(q.timestamp(row)) {
                counts[Int((q.timestamp(row) - start) / unit.millis)] += 1
            }
        }
        let peak = max(1, counts.max() ?? 1)
        let total = counts.reduce(0, +)
        let width = 1000, height = 120, axis = 18
        func x(_ bar: Int) -> Int { bar * width / bars }
        let caption =
            "\(total) queries, counted \(unit.caption), \(Timestamp.format(millis: start).prefix(10)) to "
            + "\(Timestamp.format(millis: last).prefix(10)) (UTC); peak \(peak) \(unit.caption)"
        var svg =
            "<figure><svg class=\"chart\" viewBox=\"0 0 \(width) \(height + axis)\" role=\"img\" "
            + "aria-label=\"\(MarkupEscaping.escape(caption))\"><title>\(MarkupEscaping.escape(caption))</title>"
            + "<line x1=\"0\" y1=\"\(height)\" x2=\"\(width)\" y2=\"\(height)\" stroke=\"#999\"/>"
        for (i, count) in counts.enumerated() where count > 0 {
            let h = max(1, count * (height - 4) / peak)
            let at = Timestamp.format(millis: start + Int64(i) * unit.millis)
            svg +=
                "<rect x=\"\(x(i))\" y=\"\(height - h)\" width=\"\(max(1, x(i + 1) - x(i) - 1))\" height=\"\(h)\" fill=\"#b03a2e\">"
                + "<title>\(MarkupEscaping.escape(String(at.prefix(unit.millis == hour ? 13 : 10)))): \(count)</title></rect>"
        }
        svg += "<text x=\"0\" y=\"\(height + axis - 4)\" font-size=\"13\">\(Timestamp.format(millis: start).prefix(10))</text>"
        svg +=
            "<text x=\"\(width)\" y=\"\(height + axis - 4)\" font-size=\"13\" text-anchor=\"end\">"
            + "\(Timestamp.format(millis: last).prefix(10))</text>"
        return svg + "</svg><figcaption>\(MarkupEscaping.escape(caption))</figcaption></figure>" + note
    }
}
