import ByteCore
import Dispatch

/// The direct move of `QueryRowScatter`, for rows that arrive nearly in their final order (an
/// account-ordered export): each column goes straight to its positions, which then fill the
/// table's pages one after the other, so a column's destination grows as its source is freed
/// and dealing into buckets first would only cost time.
extension QueryRowScatter {
    /// Whether the rows' positions mostly follow each other within each part (at most one row
    /// in 16 starts elsewhere than after the row before it): then the direct move's
    /// destinations fill in order, and it is used.
    var rowsArriveInOrder: Bool {
        var jumps = 0, rows = 0
        for part in parts {
            let position = part.account
            var previous: Int32 = -2
            for row in 0..<position.count {
                let target = position[row]
                guard target >= 0 else { continue }
                if target != previous &+ 1 { jumps += 1 }
                previous = target
                rows += 1
            }
        }
        return jumps * 16 <= rows
    }

    /// Moves every part's columns straight to their positions, one column per thread, each
    /// part's column freed as it is consumed. Values too wide for their columns are keyed by
    /// the rows' line numbers once every column is in place.
    func scatterDirectly(into table: QueryTable) {
        let rows = parts, rowCount = self.rowCount
        let contextMaps = self.contextMaps, categoryMaps = self.categoryMaps, lineBase = self.lineBase
        Self.allocateColumns(of: table, rows: rowCount)
        // Final row -> wide values, gathered by the jobs that meet them (each job its own list).
        let found = WideFound()
        let jobs: [() -> Void] = [
            {
                Self.move(rows.map(\.seconds), rows, to: table.seconds) { part, source, target, seconds in
                    if seconds == WideValues.timeEscape { found.times.append((target, rows[part].wide.time[UInt64(source)]!)) }
                    return seconds
                }
            },
            { Self.move(rows.map(\.millisAndFlags), rows, to: table.millisAndFlags) { _, _, _, value in value } },
            { Self.move(rows.map(\.context), rows, to: table.context) { part, _, _, value in contextMaps[part][Int(value)] } },
            {
                Self.move(rows.map(\.categoryCode), rows, to: table.categoryCode) { part, source, target, code in
                    if code == 0 { return 0 }
                    let local = UInt32(code) == WideValues.escape ? rows[part].wide.category[UInt64(source)]! : Int32(code) - 1
                    let id = categoryMaps[part][Int(local)]
                    let global = WideValues.categoryCode(id)
                    if UInt32(global) == WideValues.escape { found.categories.append((target, id)) }
                    return global
                }
            },
            {
                Self.move(rows.map(\.tokens), rows, to: table.tokens) { part, source, target, packed in
                    if packed >> 16 == WideValues.escape || packed & WideValues.escape == WideValues.escape {
                        let key = UInt64(source)
                        found.tokens.append((target, rows[part].wide.input[key], rows[part].wide.output[key]))
                    }
                    return packed
                }
            },
            { Self.move(rows.map(\.promptSketch), rows, to: table.promptSketch) { _, _, _, value in value } },
            {
                for (part, partRows) in rows.enumerated() {
                    let position = partRows.account, base = lineBase[part]
                    partRows.forEachLine { row, line in
                        let target = position[row]
                        if target >= 0 { table.line[Int(target)] = UInt32(base + line) }
                    }
                }
            },
        ]
        nonisolated(unsafe) let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { work[$0]() }
        table.wide = Self.wideValues([found], lines: table.line)
        // Every column is placed: free the positions.
        for part in rows { part.account.drainSpans { _, _ in } }
    }

    /// Drains each part's column into `destination` at the positions in the part's account column;
    /// `transform` gets the part, the row's number in it, its final position and its value.
    private static func move<Element, Moved>(
        _ columns: [ChunkedColumn<Element>], _ rows: [QueryRows], to destination: ChunkedColumn<Moved>,
        _ transform: (Int, Int, Int, Element) -> Moved
    ) {
        for (part, column) in columns.enumerated() {
            let position = rows[part].account
            column.drainSpans { values, first in
                for i in 0..<values.count {
                    let target = position[first + i]
                    if target >= 0 { destination[Int(target)] = transform(part, first + i, Int(target), values[i]) }
                }
            }
        }
    }
}
