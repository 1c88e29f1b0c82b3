import Testing
@testable import tui

/// Issue 14, point 10: one frame diff for the terminal and the in-memory surface.
@Suite struct FrameDiffTests {
    func frame(_ lines: [String], cols: Int = 10) -> ScreenBuffer {
        var b = ScreenBuffer(rows: lines.count, cols: cols)
        for (i, line) in lines.enumerated() { b.put(line, row: i, col: 0) }
        return b
    }

    @Test func theFirstFrameAndANewSizeAreDrawnWhole() {
        let new = frame(["ab", "日本"])
        let first = FrameDiff.plan(from: nil, to: new)
        #expect(first.full)
        #expect(first.cells.count == 20 - 2, "continuation halves are not listed")
        #expect(FrameDiff.plan(from: frame(["ab"], cols: 9), to: frame(["ab"])).full)
    }

    @Test func onlyChangedCellsAreSent() {
        let plan = FrameDiff.plan(from: frame(["abcdef", "xyz"]), to: frame(["abXdef", "xyz"]))
        #expect(!plan.full)
        #expect(plan.cells == [.init(row: 0, col: 2)])
        #expect(FrameDiff.plan(from: frame(["same"]), to: frame(["same"])).cells.isEmpty)
    }

    @Test func aChangedHalfOfAWideGraphemeRedrawsItWhole() {
        // "日" at 0-1 becomes "日" still at 0 but the cell after changes from its half to "x":
        // the wide cell at 0 is drawn again so the terminal never keeps half a grapheme.
        let plan = FrameDiff.plan(from: frame(["a日b"]), to: frame(["ab日"]))
        #expect(plan.cells == [.init(row: 0, col: 1), .init(row: 0, col: 2)])
        let half = FrameDiff.plan(from: frame(["日本"]), to: frame(["日x"]))
        #expect(half.cells == [.init(row: 0, col: 2), .init(row: 0, col: 3)])
    }

    @Test func theMemorySurfaceCountsWhatTheTerminalWouldSend() {
        let surface = MemorySurface(size: TerminalSize(rows: 1, cols: 10))
        surface.draw(frame(["abcdef"]))
        surface.draw(frame(["abXdef"]))
        #expect(surface.cellsTouched == [10, 1])
    }
}
