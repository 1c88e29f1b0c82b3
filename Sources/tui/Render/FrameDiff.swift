/// The one rule for what a surface sends to go from one frame to the next, shared by the
/// terminal (ncurses) and the in-memory surface of tests and replay, so what tests count is what
/// an SSH link carries.
enum FrameDiff {
    /// What to draw: every cell (after clearing) when there is no comparable old frame, else
    /// the changed cells.
    struct Plan: Equatable {
        /// True when the screen must be cleared and drawn whole (first frame, or a new size).
        var full: Bool
        /// Cells to draw, in row-major order. Continuation cells (right halves of wide
        /// graphemes) are never listed: their wide cell is, whenever either half changed.
        var cells: [Position]
    }

    /// A cell position.
    struct Position: Hashable {
        var row: Int
        var col: Int
    }

    /// The plan from `old` to `new`.
    /// - Complexity: O(rows x cols) for rows that changed; unchanged rows cost one comparison.
    static func plan(from old: ScreenBuffer?, to new: ScreenBuffer) -> Plan {
        guard let old, old.rows == new.rows, old.cols == new.cols else {
            var all: [Position] = []
            for row in 0..<new.rows {
                for col in 0..<new.cols where !new[row, col].isContinuation { all.append(Position(row: row, col: col)) }
            }
            return Plan(full: true, cells: all)
        }
        var cells: [Position] = []
        for row in new.changedRows(since: old) {
            var col = 0
            while col < new.cols {
                if old[row, col] != new[row, col] {
                    if new[row, col].isContinuation {
                        // The right half changed: draw its wide cell (unless already listed).
                        if col > 0, cells.last != Position(row: row, col: col - 1) { cells.append(Position(row: row, col: col - 1)) }
                    } else {
                        cells.append(Position(row: row, col: col))
                    }
                }
                col += 1
            }
        }
        return Plan(full: false, cells: cells)
    }
}
