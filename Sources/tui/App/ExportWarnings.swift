/// The last export's warnings, kept whole: at 80 columns the status line says the bundle's path
/// and how many warnings there are, and `:warnings` opens them as a record (a trial's line read
/// `...signed; warning: 35 accounts of…`, neither the warning nor the path readable).
struct ExportWarnings: Hashable, Sendable {
    /// The bundle written.
    var bundle: String
    /// Its warnings, in the exporter's order (empty: none).
    var warnings: [String]

    /// `:warnings`: the last export's bundle and warnings as a record, or the status says there are none.
    static func open(_ s: inout AppState) {
        guard let last = s.exportWarnings else {
            s.status = "no export warnings: nothing exported in this session (e exports)"
            return
        }
        guard !last.warnings.isEmpty else {
            s.status = "no export warnings: the last export had none (\(last.bundle))"
            return
        }
        let fields = [RecordField("bundle", last.bundle)]
            + last.warnings.enumerated().map { RecordField("warning \($0.offset + 1)", $0.element) }
        s.overlay = .record(RecordView(title: "the last export's \(Format.plural(last.warnings.count, "warning"))", fields: fields))
        s.status = "record: j/k scroll, Esc closes"
    }
}
