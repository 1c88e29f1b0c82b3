/// The whole frame: a pure function of the state and the size.
enum RootView {
    static func render(_ state: AppState, size: TerminalSize, glyphs: Glyphs) -> ScreenBuffer {
        if ViewLayout.tooSmall(size) { return Chrome.tooSmall(size, glyphs: glyphs) }
        var buffer = ScreenBuffer(rows: size.rows, cols: size.cols, glyphs: glyphs)
        Chrome.drawBreadcrumb(state, into: &buffer)
        SheetHeaders.draw(state, into: &buffer)
        let kind = state.current.kind
        let titleRow = ViewLayout.tableTitleRow(kind)
        let height = ViewLayout.tableHeight(kind, size)
        if state.current.pane != 0 {
            DetailPanes.draw(state, top: titleRow, height: height + 1, into: &buffer)
        } else {
            let table = AppUpdate.table(state, state.current)
            TableView.draw(table, sheet: state.current, state: state, titleRow: titleRow, height: height, into: &buffer)
        }
        var footer = Chrome.hints(state, hints(kind), width: size.cols - 1)
        switch state.overlay {
        case .help(let offset)?:
            HelpOverlay.draw(state, offset: offset, into: &buffer)
        case .record(let record)?:
            RecordOverlay.draw(record, into: &buffer)
            footer = Chrome.hints(state, [(.moveDown, "down"), (.moveUp, "up"), (.pageDown, "page"), (.closeOverlay, "close")],
                                  width: size.cols - 1)
        case .casePicker(let cases, let cursor)?:
            CasePickerView.draw(state, cases: cases, cursor: cursor, into: &buffer)
            footer = Chrome.hints(state, [(.moveDown, "down"), (.moveUp, "up"), (.open, "switch"), (.closeOverlay, "close")],
                                  width: size.cols - 14) + "  n new case"
        default:
            break
        }
        Chrome.drawFooter(state, hints: footer, into: &buffer)
        return buffer
    }

    static func hints(_ kind: SheetKind) -> [(CommandID, String)] {
        var ids: [(CommandID, String)] = [(.help, "help"), (.quit, "quit"), (.open, "open"), (.back, "back"), (.search, "search"),
                                          (.filter, "filter"), (.mark, "mark"), (.tag, "tag"), (.copyID, "copy")]
        switch kind {
        case .cluster, .account: ids.insert((.nextPane, "pane"), at: 4); ids.insert((.history, "queries"), at: 5)
        // H on a value's holder opens that account's queries; T tags the value and every holder
        // (a trial never found it: listed before H, so it shows at 80 columns).
        case .sharedValue: ids.insert((.history, "queries"), at: 4); ids.insert((.tagCluster, "tag all"), at: 4)
        default: break
        }
        return ids
    }
}
