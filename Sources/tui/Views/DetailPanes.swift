/// The second pane (Tab) of the cluster and account screens: how members connect, and the risk
/// breakdown with every signal's value, baseline, contribution and reason.
enum DetailPanes {
    static func draw(_ state: AppState, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        var lines: [(String, CellStyle)] = []
        switch state.current.kind {
        case .cluster(let n):
            lines.append(("how members connect (Tab: back to members)", [.bold, .underline]))
            if !AppUpdate.isPending(state, state.current) {
                for line in state.data?.model.clusterSketch(n) ?? [] { lines.append((line, [])) }
            }
        case .account(let a):
            lines.append(("risk breakdown (Tab: back to values)", [.bold, .underline]))
            let w = max(10, buffer.cols - 46)
            lines.append((TextFit.pad("signal", to: 18) + " " + TextFit.pad("value", to: 8, right: true) + " "
                          + TextFit.pad("base", to: 8, right: true) + " " + TextFit.pad("contrib", to: 7, right: true) + "  why", [.bold]))
            for s in state.data?.model.account(a)?.signals ?? [] {
                lines.append((TextFit.pad(s.name, to: 18, ellipsis: buffer.glyphs.ellipsis) + " " + TextFit.pad(num(s.value), to: 8, right: true)
                              + " " + TextFit.pad(num(s.baseline), to: 8, right: true) + " "
                              + TextFit.pad("+" + Format.risk(s.contribution), to: 7, right: true) + "  "
                              + TextFit.truncate(s.explanation, to: w, ellipsis: buffer.glyphs.ellipsis), []))
            }
        default:
            break
        }
        for (i, line) in lines.prefix(height).enumerated() {
            buffer.put(line.0, row: top + i, col: 0, style: line.1)
        }
    }

    static func num(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let scaled = Int((v * 100).rounded())
        return "\(scaled / 100).\(SheetHeaders.pad2(abs(scaled % 100)))"
    }
}
