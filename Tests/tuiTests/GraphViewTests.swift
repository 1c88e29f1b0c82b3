import Testing
@testable import tui

/// Issue 14, point 12: the cluster as a node-link picture, moved with the same keys, hubs dimmed.
@Suite struct GraphViewTests {
    func graph(glyphs: Glyphs = .unicode) -> AppState {
        var s = Fixture.press(Fixture.loadedState(), .enter, .tab, .tab, .tab)
        s.glyphs = glyphs
        return s
    }

    @Test func accountsAreRowsValuesColumnsAndHoldersAreJoined() {
        let s = graph()
        #expect(s.current.pane == 3)
        let frame = Fixture.frame(s)
        #expect(frame[4].hasPrefix("graph: accounts (rows) x shared values (columns)"))
        #expect(frame[5].contains("A payment pf_77aa") && frame[5].contains("C asn AS16509 (hub)"))
        #expect(frame[6].hasPrefix("  account") && frame[6].hasSuffix("A B C"))
        // acct_9f3e21 holds A, B and C; acct_a0b1c2 holds A and C.
        #expect(frame[7].hasPrefix("> acct_9f3e21") && frame[7].hasSuffix("● ● ●"))
        #expect(frame[8].hasPrefix("  acct_a0b1c2") && frame[8].hasSuffix("●   ●"))
    }

    @Test func hubColumnsAreDimmed() {
        let buffer = RootView.render(graph(), size: TerminalSize(rows: 24, cols: 80), glyphs: .unicode)
        let col = 2 + GraphPane.labelWidth + 1 + 2 * 2
        #expect(buffer[7, col].text == "●")
        #expect(buffer[7, col].role == .muted)
        #expect(buffer[7, col - 4].role == .normal)
    }

    @Test func theSameKeysMoveAndEnterOpensTheAccount() {
        var s = Fixture.press(graph(), .char("j"))
        #expect(s.current.paneCursor == 1)
        #expect(Fixture.frame(s)[8].hasPrefix("> acct_a0b1c2"))
        s = Fixture.press(s, .enter)
        #expect(s.current.kind == .account(1))
        let back = Fixture.press(s, .backspace)
        #expect(back.current.pane == 3, "back returns to the graph")
    }

    @Test func asciiGlyphsUnderLangC() {
        let ascii = RootView.render(graph(), size: TerminalSize(rows: 24, cols: 80), glyphs: .asciiOnly).lines()
        #expect(ascii[7].hasSuffix("o o o"))
        #expect(ascii.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 0x80 } })
    }
}
