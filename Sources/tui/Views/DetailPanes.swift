/// The other panes (Tab) of the cluster and account screens: how members connect (with its own
/// cursor: j/k move, Enter pivots, hubs last and dimmed) and the risk breakdown with every
/// signal's value, baseline, contribution and reason.
enum DetailPanes {
    static func draw(_ state: AppState, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        var lines: [(String, CellStyle, ColorRole)] = []
        let pane = state.current.pane
        // The pane's title goes first: a counter drawn on its line afterwards cuts it short
        // instead of being overwritten by it.
        var body: ((inout ScreenBuffer) -> Void)?
        switch state.current.kind {
        case .cluster(let n) where pane == 3:
            lines.append(("graph: accounts (rows) x shared values (columns); j/k move, Enter opens",
                          [.bold, .underline], .normal))
            if !AppUpdate.isPending(state, state.current), let graph = state.data?.model.clusterGraph(n) {
                body = { GraphPane.draw(graph, cursor: state.current.paneCursor, top: top + 1, height: height - 1, into: &$0) }
            }
        case .cluster(let n) where pane == 1:
            lines.append(("how members connect (j/k move, Enter pivots, Tab: risk breakdown)", [.bold, .underline], .normal))
            if !AppUpdate.isPending(state, state.current) {
                let sketch = state.data?.model.clusterSketch(n) ?? []
                body = { drawSketch(sketch, cursor: state.current.paneCursor, top: top + 1, height: height - 1, into: &$0) }
            }
        case .cluster(let n):
            lines.append(("risk breakdown of cluster c\(n) (Enter: whole; Tab: graph)", [.bold, .underline], .normal))
            if let cluster = state.data?.model.cluster(n) {
                lines += riskLines(cluster.signals, formula: RiskFormula.cluster(cluster.signals, risk: cluster.risk), buffer: buffer)
                if let note = cluster.unreadNote {
                    lines += TextWrap.wrap(note, width: max(20, buffer.cols - 1)).map { ($0, [], .muted) }
                }
            }
        case .account(let a) where pane == AppUpdate.firingPane:
            lines.append((FiringPane.title, [.bold, .underline], .normal))
            let firing = state.data?.model.firing(a, build: false)
            body = { FiringPane.draw(firing, cursor: state.current.paneCursor, top: top + 1, height: height - 1, into: &$0) }
        case .account(let a):
            lines.append(("risk breakdown (Enter: whole; Tab: who it fires with)", [.bold, .underline], .normal))
            if let model = state.data?.model, let account = model.account(a) {
                let formula = AppUpdate.riskFormula(model, account)
                lines += riskLines(account.signals, formula: TextWidth.of(formula) < buffer.cols ? formula
                                       : AppUpdate.riskFormula(model, account, short: true), buffer: buffer)
                // Only a cluster of a few light accounts reads no signal: its sheet is small to build.
                if account.signals.isEmpty, let n = account.cluster, let note = model.cluster(n)?.unreadNote {
                    lines += TextWrap.wrap(note, width: max(20, buffer.cols - 1)).map { ($0, [], .muted) }
                }
            }
        default:
            break
        }
        for (i, line) in lines.prefix(height).enumerated() {
            buffer.put(line.0, row: top + i, col: 0, style: line.1, role: line.2)
        }
        body?(&buffer)
    }

    /// The sketch lines from a scroll offset that keeps the cursor on screen; the cursor line
    /// marked `>` and reversed, hubs dimmed (and labelled, never colour alone).
    static func drawSketch(_ sketch: [SketchLine], cursor: Int, top: Int, height: Int, into buffer: inout ScreenBuffer) {
        guard height > 0 else { return }
        guard !sketch.isEmpty else {
            buffer.put("  no value is shared by two members", row: top, col: 0, role: .muted)
            return
        }
        let first = max(0, min(cursor - height + 1, sketch.count - height))
        for (i, line) in sketch.dropFirst(first).prefix(height).enumerated() {
            let selected = first + i == cursor
            let style: CellStyle = selected ? [.reverse] : []
            buffer.put(selected ? "> " : "  ", row: top + i, col: 0, style: style.union(.bold))
            buffer.put(line.fitted(buffer.cols - 2), row: top + i, col: 2, style: style, role: line.isHub ? .muted : .normal)
        }
        if sketch.count > height {
            buffer.putCounter(" \(cursor + 1)/\(sketch.count) ", row: top - 1)
        }
    }

    /// How the signals make the risk, then the breakdown table: one line per signal, zero
    /// contributions last, the signal names whole (the column is as wide as the longest, up to 24).
    static func riskLines(_ signals: [SignalRow], formula: String, buffer: ScreenBuffer) -> [(String, CellStyle, ColorRole)] {
        let nameWidth = min(24, max(6, signals.map { TextWidth.of($0.name) }.max() ?? 6))
        let w = max(10, buffer.cols - 28 - nameWidth)
        var out: [(String, CellStyle, ColorRole)] = [
            (TextFit.pad("signal", to: nameWidth) + " " + TextFit.pad("value", to: 8, right: true) + " "
             + TextFit.pad("base", to: 8, right: true) + " " + TextFit.pad("contrib", to: 7, right: true) + "  why", [.bold], .normal)]
        let ordered = signals.filter { abs($0.contribution) >= 0.005 } + signals.filter { abs($0.contribution) < 0.005 }
        for s in ordered {
            let zero = abs(s.contribution) < 0.005
            out.append((TextFit.pad(s.name, to: nameWidth, ellipsis: buffer.glyphs.ellipsis) + " " + TextFit.pad(SignalText.figure(s.value, compact: true), to: 8, right: true)
                        + " " + TextFit.pad(SignalText.baseline(s.name, s.baseline, compact: true), to: 8, right: true) + " "
                        + TextFit.pad(SignalText.contribution(s.contribution), to: 7, right: true) + "  "
                        + TextFit.truncate(s.explanation, to: w, ellipsis: buffer.glyphs.ellipsis), [], zero ? .muted : .normal))
        }
        // How they make the risk goes first, where a short pane still shows it.
        return [(formula, [.bold], .normal)] + out
    }

    static func num(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let scaled = Int((v * 100).rounded())
        return "\(scaled / 100).\(SheetHeaders.pad2(abs(scaled % 100)))"
    }
}
