import Testing
@testable import tui

/// Two new-user trials of session 16's builds: a note or label longer than the prompt line could
/// not be read back while typed (only its tail showed, and Backspace was the only edit). The
/// prompt now edits as a user expects: Left/Right, Home/End (Ctrl-A/Ctrl-E), Delete at the
/// cursor, the view scrolling to keep the cursor in view with marks where more text lies.
@Suite struct PromptEditingTests {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    func promptText(_ s: AppState) -> String? {
        if case .commandLine(let text, _)? = s.overlay { return text }
        return nil
    }

    /// The status row's cells: the reversed cell (the cursor) and the row's text.
    func cursorCell(_ s: AppState) -> (col: Int, text: String, line: String)? {
        let buffer = RootView.render(s, size: s.size, glyphs: .unicode)
        let row = buffer.rows - 2
        for col in 0..<buffer.cols where buffer[row, col].style.contains(.reverse) {
            return (col, buffer[row, col].text.map(String.init) ?? "", buffer.line(row))
        }
        return nil
    }

    @Test func textGoesInAtTheCursorAndEnterWritesTheWholeLine() {
        var s = typed(Fixture.press(Fixture.loadedState(), .char("a")), "helo world")
        s = Fixture.press(s, .left, .left, .left, .left, .left, .left, .left)
        s = typed(s, "l")
        #expect(promptText(s) == "note hello world")
        // A paste arrives as typed characters: it goes in at the cursor, in order.
        s = Fixture.press(s, .end)
        s = Fixture.press(s, .left, .left, .left, .left, .left)
        s = typed(s, "big ")
        #expect(promptText(s) == "note hello big world")
        s = Fixture.press(s, .enter)
        #expect(s.caseState.notes.last == "hello big world")
    }

    @Test func homeEndAndControlKeysMoveWithinTheArgumentOnly() {
        var s = typed(Fixture.press(Fixture.loadedState(), .char("a")), "abcd")
        // Home stops at the argument's start: the locked `note ` is never entered.
        s = Fixture.press(s, .home, .left, .left)
        #expect(s.promptTail == 4)
        s = Fixture.press(s, .backspace)
        #expect(promptText(s) == "note abcd", "Backspace at the argument's start does nothing")
        s = Fixture.press(s, .delete)
        #expect(promptText(s) == "note bcd")
        s = Fixture.press(s, .ctrl("e"))
        #expect(s.promptTail == 0)
        s = Fixture.press(s, .ctrl("a"), .right, .ctrl("k"))
        #expect(promptText(s) == "note b")
        s = Fixture.press(s, .delete)
        #expect(promptText(s) == "note b", "Delete at the end does nothing")
        s = Fixture.press(s, .backspace, .backspace)
        #expect(promptText(s) == "note ")
    }

    @Test func aLongNoteCanBeReadBackFromItsStart() {
        var s = Fixture.press(Fixture.loadedState(), .char("a"))
        let words = "START of a long note that goes well beyond eighty columns so that its beginning scrolls out END"
        s = typed(s, words)
        let atEnd = Fixture.frame(s)[22]
        #expect(atEnd.hasPrefix(":…") && atEnd.contains("END_"), "\(atEnd)")
        s = Fixture.press(s, .home)
        guard let home = cursorCell(s) else { Issue.record("no cursor drawn"); return }
        #expect(home.line.hasPrefix(":note START of a long"), "\(home.line)")
        #expect(home.text == "S" && home.col == 6)
        #expect(home.line.hasSuffix("…"), "more text to the right is marked: \(home.line)")
        #expect(TextWidth.of(home.line) <= 79)
    }

    @Test func everyCursorPositionIsInViewWithMarksWhereTextIsHidden() {
        // Distinct characters, so the reversed cell tells which one the cursor is on.
        let text = String((0..<200).map { Character(Unicode.Scalar(0x41 + $0 % 26)!) })
        for cols in [80, 123] {
            var s = typed(Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: cols)), .char("a")), text)
            let characters = Array("note " + text)
            for tail in 1...text.count {
                s = Fixture.press(s, .left)
                guard let cell = cursorCell(s) else { Issue.record("cursor not drawn at tail \(tail)"); return }
                #expect(cell.text == String(characters[characters.count - tail]), "tail \(tail): \(cell.line)")
                #expect(TextWidth.of(cell.line) <= cols - 1)
                let hiddenLeft = !cell.line.hasPrefix(":note ")
                let hiddenRight = cell.line.hasSuffix("…")
                #expect(hiddenLeft || hiddenRight, "200 characters never fit: \(cell.line)")
            }
        }
    }

    @Test func wideCharactersKeepTheCursorInView() {
        let text = String(repeating: "漢字", count: 60)
        let view = PromptLine.view(text, cursor: 61, room: 40)
        #expect(view.under == "字")
        let width = TextWidth.of(PromptLine.text(":", view)) - 1
        #expect(width <= 40)
    }

    @Test func movingInTheSearchPromptDoesNotSearchAgain() {
        var s = typed(Fixture.press(Fixture.loadedState(), .char("/")), "acct")
        let step = Fixture.step(s, .left, .home, .end)
        #expect(step.effects.isEmpty)
        s = step.state
        s = Fixture.press(s, .left, .char("x"))
        #expect(s.overlay == .search(text: "accxt"))
    }

    @Test func movesKeepARefusalAndEditsEndIt() {
        var s = typed(Fixture.press(Fixture.loadedState(), .char("f")), "risk>>0.5")
        s = Fixture.press(s, .enter)
        #expect(s.promptRefusal != nil)
        s = Fixture.press(s, .left, .left, .left, .left)
        #expect(s.promptRefusal != nil, "a move does not edit the refused text")
        s = Fixture.press(s, .backspace)
        #expect(s.overlay == .filter(text: "risk>0.5"))
        #expect(s.promptRefusal == nil)
        s = Fixture.press(s, .enter)
        #expect(s.overlay == nil && s.current.filter == "risk>0.5")
    }
}
