/// Draws the link graph of one cluster section of `report.html` (what `ReportGraphLayout`
/// chose): value boxes on the left (each the values one set of case accounts shares), account
/// boxes on the right (accounts named, the rest counted), a line from each account box to each
/// value box its accounts share. Integer coordinates; the caption is the sampling statement.
enum ReportGraphSVG {
    static let maxLinesPerBox = 4
    static let line = 17
    static let gap = 12
    /// How a case account's name in a graph begins (the end of its `<text>` tag): no other
    /// text of the report is written so, and `verify` finds the names by it.
    static let memberOpen = " font-size=\"12\">"

    /// A case account's name in a graph, as the page holds it (cut, escaped).
    static func memberName(_ id: ExactText) -> String { MarkupEscaping.escape(ReportText.cut(id, 26)) }

    static func render(_ input: BundleInput, _ links: CaseLinks, _ entry: ReportClusters.Entry, ids: [Int32: ExactText])
        -> String
    {
        let e = MarkupEscaping.escape
        guard !entry.values.isEmpty else {
            return "<p class=\"muted\">These \(entry.members.count) case accounts share no value with one another; "
                + "the engine linked them through accounts outside the case.</p>"
        }
        let layout = ReportGraphLayout(entry, links)
        // Value boxes in the order of the first group using them (fewer crossing lines).
        var order: [Int] = []
        for group in layout.groups { for box in group.boxes where !order.contains(box) { order.append(box) } }
        func valueHeight(_ box: Int) -> Int {
            let n = layout.boxes[box].values.count
            return 24 + min(n, maxLinesPerBox) * line + (n > maxLinesPerBox ? line : 0)
        }
        func groupHeight(_ group: ReportGraphLayout.Group) -> Int {
            26 + ((group.named + 1) / 2 + (group.members.count > group.named ? 1 : 0)) * line
        }
        let leftHeight = order.reduce(0) { $0 + valueHeight($1) + gap } - gap
        let rightHeight = layout.groups.reduce(0) { $0 + groupHeight($1) + gap } - gap
        let height = max(leftHeight, rightHeight)
        var boxTop: [Int: Int] = [:]
        var y = (height - leftHeight) / 2
        for box in order {
            boxTop[box] = y
            y += valueHeight(box) + gap
        }
        var groupTop: [Int] = []
        y = (height - rightHeight) / 2
        for group in layout.groups {
            groupTop.append(y)
            y += groupHeight(group) + gap
        }
        let caption = layout.statement(accounts: entry.members.count, values: entry.values.count)
        var svg =
            "<figure><svg class=\"graph\" viewBox=\"0 0 1000 \(height)\" role=\"img\" aria-label=\"\(e(caption))\">"
            + "<title>\(e(caption))</title>"
        for (g, group) in layout.groups.enumerated() {
            let gy = groupTop[g] + groupHeight(group) / 2
            for box in group.boxes {
                let vy = boxTop[box]! + valueHeight(box) / 2
                svg += "<line x1=\"440\" y1=\"\(vy)\" x2=\"580\" y2=\"\(gy)\" stroke=\"#888\" stroke-width=\"2\"/>"
            }
        }
        for box in order {
            let values = layout.boxes[box].values
            let top = boxTop[box]!
            let head = "shared by \(ReportText.count(layout.boxes[box].sharers.count, "case account"))"
            svg += "<rect x=\"1\" y=\"\(top)\" width=\"438\" height=\"\(valueHeight(box))\" rx=\"4\" fill=\"#eef2f7\" stroke=\"#5d6d7e\"/>"
            svg += "<text x=\"8\" y=\"\(top + 18)\" font-size=\"13\" font-weight=\"bold\">\(e(head))</text>"
            for (i, v) in values.prefix(maxLinesPerBox).enumerated() {
                let value = links.values[v]
                let text = "\(value.kind.rawValue) \(ReportText.cut(value.text, 30)) (\(value.sharedBy) in source)"
                svg += "<text x=\"8\" y=\"\(top + 36 + i * line)\" font-size=\"13\">\(e(text))</text>"
            }
            if values.count > maxLinesPerBox {
                svg +=
                    "<text x=\"8\" y=\"\(top + 36 + maxLinesPerBox * line)\" font-size=\"13\" fill=\"#555\">"
                    + "+\(values.count - maxLinesPerBox) more values</text>"
            }
        }
        for (g, group) in layout.groups.enumerated() {
            let top = groupTop[g]
            let risk = group.members.map { input.investigation.accountRisk[Int($0)] }.max() ?? 0
            let color = risk >= 0.5 ? "#b03a2e" : risk >= 0.3 ? "#d68910" : "#5d6d7e"
            svg +=
                "<rect x=\"580\" y=\"\(top)\" width=\"418\" height=\"\(groupHeight(group))\" rx=\"4\" fill=\"#fff\" "
                + "stroke=\"\(color)\" stroke-width=\"2\"/>"
            let head = ReportText.count(group.members.count, "account") + ", risk up to " + RiskText.twoDecimals(risk)
            svg += "<text x=\"590\" y=\"\(top + 18)\" font-size=\"13\" font-weight=\"bold\">\(e(head))</text>"
            for (i, member) in group.members.prefix(group.named).enumerated() {
                let x = 590 + (i % 2) * 205, ty = top + 36 + (i / 2) * line
                svg += "<text x=\"\(x)\" y=\"\(ty)\"\(memberOpen)\(memberName(ids[member]!))</text>"
            }
            if group.members.count > group.named {
                let ty = top + 36 + ((group.named + 1) / 2) * line
                svg += "<text x=\"590\" y=\"\(ty)\" font-size=\"12\" fill=\"#555\">+\(group.members.count - group.named) more</text>"
            }
        }
        return svg + "</svg><figcaption>\(e(caption))</figcaption></figure>"
    }
}
