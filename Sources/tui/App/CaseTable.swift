/// The rows of the case sheet: tagged items, notes and the audit trail.
enum CaseTable {
    static func build(_ c: CaseState) -> SheetTable {
        var rows: [[String]] = []
        var ids: [String] = []
        var targets: [SheetKind?] = []
        var keys: [String] = []
        for key in c.tags.keys.sorted() {
            let what = MarkKey.display(key)
            rows.append(["tag", what.text + " (" + what.kind + ")", c.tags[key, default: []].joined(separator: ",")])
            ids.append(what.text)
            targets.append(nil)
            keys.append(key)
        }
        for (i, note) in c.notes.enumerated() {
            rows.append(["note", note, ""])
            ids.append(note)
            targets.append(nil)
            keys.append("note:\(i)")
        }
        for (i, entry) in c.audit.enumerated() {
            rows.append(["audit", "\(entry.time) \(entry.user) \(entry.command)", entry.detail])
            ids.append(entry.detail)
            targets.append(nil)
            keys.append("audit:\(i)")
        }
        return SheetTable(
            columns: [.init(title: "what", width: 5), .init(title: "item", width: 30, flexible: true),
                      .init(title: "detail", width: 20, flexible: true)],
            rows: rows, ids: ids, targets: targets, markKeys: keys)
    }
}
