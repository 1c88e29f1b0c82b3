/// The rows one loading thread parsed from one slice of the query files, in file order, with ids
/// local to that thread's own pools (`ParallelQueryLoad.WorkerValues`); `QueryMerge` turns every
/// slice into the final `QueryTable`.
final class QueryRows {
    /// Request time and prompt flags (`WideValues.packTime`): whole seconds, and milliseconds
    /// with the flags.
    let seconds = ChunkedColumn<UInt32>()
    let millisAndFlags = ChunkedColumn<UInt16>()
    /// Account id in the slice's own account pool (resolved against `accounts` at the merge).
    let account = ChunkedColumn<Int32>()
    /// Context id in `contexts`.
    let context = ChunkedColumn<Int32>()
    /// Category code (`WideValues.categoryCode`) of the id in the slice's pool.
    let categoryCode = ChunkedColumn<UInt16>()
    /// Input and output tokens (`WideValues.packTokens`).
    let tokens = ChunkedColumn<UInt32>()
    /// Prompt sketch.
    let promptSketch = ChunkedColumn<UInt64>()
    /// The line each row starts on, counted from the slice's first line (1), kept only where it
    /// is not the line after the previous row's (after a blank or skipped line, or a CSV record
    /// spanning lines): the row number and its line. Most rows cost nothing.
    @exclusivity(unchecked) private(set) var lineSteps: [(row: Int, line: Int)] = []
    @exclusivity(unchecked) private var lastLine = 0
    /// For a worker's share of a slice (`QueryLineOwner`), whose rows are every other line or
    /// so: bit `n` set when line `n + 1` gave a row (one bit a line instead of a step a row);
    /// nil otherwise. The merge interleaves the shares of a slice by it.
    // `@exclusivity(unchecked)` on these: written on every row, from one thread, never while
    // another access is held; the dynamic check cost more than the write.
    @exclusivity(unchecked) private(set) var rowLines: [UInt64]?

    /// Keeps the rows' lines as `rowLines` (before the first row).
    func keepLinesAsBitmap() { rowLines = [] }
    /// Token counts, category ids and times too wide for their columns, by row number in the slice.
    var wide = WideValues()
    /// The loading thread's (key, ip, asn, client, model) tuples, shared by the slices it parsed
    /// (dropped once the merge renumbered them).
    var contexts = QueryContexts()

    /// The number of rows.
    var count: Int { seconds.count }

    /// Appends one row.
    @inline(__always)
    func append(
        timestamp ts: Int64, account a: Int32, context c: Int32, category cat: Int32,
        inputTokens input: UInt32, outputTokens output: UInt32, sketch: UInt64, flags: UInt8, line lineNumber: UInt32
    ) {
        let packed = WideValues.packTokens(input, output), code = WideValues.categoryCode(cat)
        let time = WideValues.packTime(ts, flags: flags)
        if input >= WideValues.escape || output >= WideValues.escape || code == WideValues.escape {
            wide.keep(key: UInt64(count), input: input, output: output, category: cat)
        }
        if time.seconds == WideValues.timeEscape { wide.time[UInt64(count)] = ts }
        seconds.append(time.seconds)
        millisAndFlags.append(time.millisAndFlags)
        account.append(a)
        context.append(c)
        categoryCode.append(code)
        tokens.append(packed)
        promptSketch.append(sketch)
        if rowLines != nil {
            let bit = Int(lineNumber) - 1, word = bit >> 6
            while rowLines!.count <= word { rowLines!.append(0) }
            rowLines![word] |= 1 << UInt64(bit & 63)
            return
        }
        if Int(lineNumber) != lastLine + 1 { lineSteps.append((count - 1, Int(lineNumber))) }
        lastLine = Int(lineNumber)
    }

    /// The line row `row` starts on.
    func line(ofRow row: Int) -> Int {
        if let rowLines {
            // The set bit numbered `row` (a scan: only for the few rows an issue names).
            var left = row
            for (word, bits) in rowLines.enumerated() {
                let count = bits.nonzeroBitCount
                if left >= count {
                    left -= count
                    continue
                }
                var rest = bits
                for _ in 0..<left { rest &= rest - 1 }
                return word * 64 + rest.trailingZeroBitCount + 1
            }
            return 0
        }
        var low = 0, high = lineSteps.count
        // The last step at or before the row.
        while low < high {
            let mid = (low + high) / 2
            if lineSteps[mid].row <= row { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return row + 1 }
        let step = lineSteps[low - 1]
        return step.line + row - step.row
    }

    /// Calls `body` with each row's line, in row order. Counts rows by the account column, which
    /// the merge reads while other columns are drained.
    func forEachLine(_ body: (_ row: Int, _ line: Int) -> Void) {
        if let rowLines {
            var row = 0
            let rows = account.count
            for (word, bits) in rowLines.enumerated() {
                var rest = bits
                while rest != 0 && row < rows {
                    body(row, word * 64 + rest.trailingZeroBitCount + 1)
                    rest &= rest - 1
                    row += 1
                }
            }
            return
        }
        var next = 0, base = (row: -1, line: 0)
        for row in 0..<account.count {
            if next < lineSteps.count && lineSteps[next].row == row {
                base = lineSteps[next]
                next += 1
            }
            body(row, base.line + row - base.row)
        }
    }
}
