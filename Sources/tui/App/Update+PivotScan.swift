import Investigate

/// `:pivot KIND PART` when PART is no whole value: the pass over the kind's values that finds
/// those containing it runs off the input path (166-192 ms over a 10.02M-query source's IPs
/// held keys back), as the other slow panes do: `reading...` meanwhile, Esc drops it (the pass
/// finishes in the background; its result is not used).
extension AppUpdate {
    /// The scan's result: one value opens; several are named; none says so. Dropped when it is
    /// not the scan waited for, or another sheet is now on top.
    static func valuesFound(_ s: inout AppState, _ effects: inout [Effect], generation: Int, ids: [Int32], total: Int,
                            exact: Bool = false) {
        guard let scan = s.pivotScan, scan.generation == generation else { return }
        s.pivotScan = nil
        guard let data = s.data, s.stack.count == scan.depth, s.current.kind == scan.sheet else { return }
        let kind = scan.kind
        let typed = TextEscaping.visible(scan.text)
        if exact, let id = ids.first {
            push(&s, &effects, .sharedValue(kind, id))
        } else if total == 1, let id = ids.first {
            push(&s, &effects, .sharedValue(kind, id))
            s.status = "\(kind.rawValue) \(data.model.valueText(kind, id)): the one value containing '\(typed)'"
        } else if total > 1 {
            // Each cut in the middle (ends kept: versions differ there), so several fit a line;
            // shorter, and without the hint, where 80 columns need it.
            func said(_ width: Int, hint: Bool) -> String {
                let names = ids.map { TextFit.truncateMiddle(data.model.valueText(kind, $0), to: width) }.joined(separator: ", ")
                return "no \(kind.rawValue) '\(typed)'; \(Format.grouped(total)) contain it: \(names)"
                    + (total > ids.count ? ", ..." : "") + (hint ? " (type more of one)" : "")
            }
            s.status = StatusFit.first([said(24, hint: true), said(24, hint: false), said(16, hint: false), said(10, hint: false)])
        } else {
            s.status = "no \(kind.rawValue) '\(typed)', nor one containing it"
        }
    }

    /// Esc while a scan is read: dropped, and said. True when there was one.
    static func cancelPivotScan(_ s: inout AppState) -> Bool {
        guard let scan = s.pivotScan else { return false }
        s.pivotScan = nil
        s.status = "pivot cancelled: nothing opened for '\(TextFit.truncate(TextEscaping.visible(scan.text), to: 24, ellipsis: ".."))'"
        return true
    }
}
