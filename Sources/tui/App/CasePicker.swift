/// The `c` case picker: the cases of the case store, newest first. `j`/`k` move, Enter switches
/// to the case under the cursor (Enter on the open case shows the case sheet), `n` starts
/// `:case new `, Esc closes. The list itself is read by the `.listCases` effect.
extension AppUpdate {
    /// Puts the case sheet on top of the stack (unless it already is).
    static func showCaseSheet(_ s: inout AppState, _ effects: inout [Effect]) {
        if s.current.kind != .caseFile { push(&s, &effects, .caseFile) }
    }

    /// Switches to a stored case; the runner re-reads it and posts `caseSynced`.
    static func openCase(_ s: inout AppState, _ effects: inout [Effect], id: String) {
        effects.append(.persist(.openCase(id: id)))
    }
}

/// Keys while the case picker is open.
enum CasePicker {
    /// The hint shown in the picker's title line.
    static let hint = "j/k move  Enter switch  n new case  Esc close"

    static func handle(_ s: inout AppState, _ effects: inout [Effect], _ key: Key, cases: [CaseListEntry], cursor: Int) {
        if key == .char("n") {
            PromptLock.open(&s, "case new ")
            return
        }
        let last = max(0, cases.count - 1)
        let page = max(1, s.size.rows - 8)
        func moveTo(_ position: Int) { s.overlay = .casePicker(cases: cases, cursor: max(0, min(last, position))) }
        switch s.keymap.command(for: key) {
        case .moveDown?: moveTo(cursor + 1)
        case .moveUp?: moveTo(cursor - 1)
        case .pageDown?: moveTo(cursor + page)
        case .pageUp?: moveTo(cursor - page)
        case .top?: moveTo(0)
        case .bottom?: moveTo(last)
        case .open?:
            s.overlay = nil
            guard cursor < cases.count else { s.status = "no cases yet (c, then n starts one)"; return }
            let chosen = cases[cursor]
            if chosen.id == s.caseState.id {
                AppUpdate.showCaseSheet(&s, &effects)
            } else {
                AppUpdate.openCase(&s, &effects, id: chosen.id)
                s.status = "switched to \(chosen.id) '\(TextFit.truncate(chosen.title, to: 40, ellipsis: ".."))'"
            }
        case .closeOverlay?, .casePicker?, .quit?:
            s.overlay = nil
        default:
            s.status = hint
        }
    }
}
