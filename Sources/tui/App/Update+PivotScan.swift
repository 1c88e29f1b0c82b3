import Investigate

/// `:pivot KIND PART` when PART is no whole value: the pass over the kind's values that finds
/// those containing it runs off the input path (166-192 ms over a 10.02M-query source's IPs
/// held keys back), as the other slow panes do: `reading...` meanwhile, Esc drops it (the pass
/// finishes in the background; its result is not used).
extension AppUpdate {
    /// The scan's result: one value opens; several open a picker; none says so. Dropped when it is
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
            // Said whole at 80 columns: a long value is cut in its middle before the part that
            // says why this value opened.
            let value = data.model.valueText(kind, id)
            s.status = StatusFit.first(["\(kind.rawValue) \(value): the one value containing '\(typed)'",
                                        "\(kind.rawValue) \(TextFit.truncateMiddle(value, to: 24)): the one value containing '\(typed)'",
                                        "the one \(kind.rawValue) containing '\(typed)'"])
        } else if total > 1 {
            // A picker, each value whole (wrapped, escaped; past `pickerValueColumns`, cut in its
            // middle): a trial's status line named 3 of 14, each cut to 9 characters.
            s.overlay = .record(pivotPicker(kind: kind, typed: typed, ids: ids, total: total, model: data.model))
            s.status = StatusFit.first(["no \(kind.rawValue) '\(typed)'; \(Format.grouped(total)) contain it: j/k select, Enter opens, Esc closes",
                                        "\(Format.grouped(total)) contain it: j/k select, Enter opens, Esc closes"])
        } else {
            s.status = "no \(kind.rawValue) '\(TextEscaping.visible(typed))', nor one containing it"
        }
    }

    /// The most values a `:pivot` picker lists (the scan counts them all).
    static let pivotChoices = 200

    /// The most columns one value takes in a picker: any real value (an IP, a client string, an
    /// address) is drawn whole, but a hostile one of 100 KB is cut in its middle, so 200 of them
    /// make a list of some thousand lines, not of 170,000 that take seconds to open (a trial's).
    static let pickerValueColumns = 400

    /// The values containing what `:pivot` was given (most held first, as the model lists them),
    /// each with how many accounts hold it, as a record whose lines j/k select and Enter opens; when more contain it than are listed, it says how many and how to narrow.
    static func pivotPicker(kind: LinkKind, typed: String, ids: [Int32], total: Int, model: any ConsoleModel) -> RecordView {
        let listed = ids.count < total ? "the \(Format.grouped(ids.count)) most held of \(Format.grouped(total)): type more of one to narrow"
            : "all \(Format.grouped(total))"
        return RecordView(
            title: "pivot: \(Format.grouped(total)) \(kind.rawValue) values contain '\(typed)', most held first",
            fields: [RecordField("listed", listed), RecordField("keys", "j/k select a value, Enter opens its sheet, Esc closes")],
            choices: ids.map { id in
                RecordChoice(text: TextFit.truncateMiddle(model.valueText(kind, id), to: pickerValueColumns) + (model.holderCount(kind, id).map { " (\(Format.plural($0, "account")))" } ?? ""),
                             target: .sharedValue(kind, id))
            },
            choicesHeading: "\(kind.rawValue) values containing '\(typed)' (j/k select, Enter opens):",
            choicesHint: "pivot: j/k select a value, Enter opens it, Esc closes")
    }

    /// Esc while a scan is read: dropped, and said. True when there was one.
    static func cancelPivotScan(_ s: inout AppState) -> Bool {
        guard let scan = s.pivotScan else { return false }
        s.pivotScan = nil
        s.status = "pivot cancelled: nothing opened for '\(TextFit.truncate(TextEscaping.visible(scan.text), to: 24, ellipsis: ".."))'"
        return true
    }
}
