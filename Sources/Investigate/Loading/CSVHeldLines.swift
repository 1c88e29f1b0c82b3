/// Where the lines of one CSV record start, so that a record swallowed by a stray quote can be
/// cut back into the lines it was built from.
///
/// A record spanning lines holds each line's bytes followed by the terminator as it was (`\r\n`
/// or `\n`), so lines follow each other byte for byte: only a line skipped as overlong (not held)
/// breaks the numbering, and such a gap starts a new run.
struct CSVHeldLines {
    /// A run of consecutive lines: where it starts in the record, its first line's number and
    /// that line's offset in the stream.
    private typealias Run = (index: Int, number: Int, offset: Int)
    /// The run the record starts with (set for every record: kept out of an array, as this is
    /// on every record's path).
    private var firstRun: Run = (0, 0, 0)
    /// Runs after a gap (a line skipped as overlong), rare.
    private var laterRuns: [Run] = []
    /// The number of the last line held.
    private(set) var lastNumber = 0

    /// Starts a record at `line`.
    @inline(__always)
    mutating func start(_ line: LineView) {
        firstRun = (0, line.number, line.offset)
        if !laterRuns.isEmpty { laterRuns.removeAll() }
        lastNumber = line.number
    }

    /// Notes that `line` was appended to the record at `index`.
    mutating func add(_ line: LineView, at index: Int) {
        if line.number != lastNumber + 1 { laterRuns.append((index, line.number, line.offset)) }
        lastNumber = line.number
    }

    /// Calls `body` with each line held in `record` after the first, as `LineReader` handed it
    /// out (`\r` before a line break dropped and flagged), until `body` returns false.
    /// `terminator` is the byte the lines were joined with: `\n`, or `\r` in a file of classic Mac
    /// line ends (whose records the reader joins with it).
    func forEachLineAfterTheFirst(of record: [UInt8], terminator: UInt8 = 0x0A, _ body: (LineView) throws -> Bool) rethrows {
        let runs = [firstRun] + laterRuns
        var run = firstRun
        var nextRun = 1
        var pieceStart = 0
        var pieceNumber = run.number
        var first = true
        while pieceStart <= record.count {
            if nextRun < runs.count && runs[nextRun].index == pieceStart {
                run = runs[nextRun]
                nextRun += 1
                pieceNumber = run.number
            }
            let newline = record[pieceStart...].firstIndex(of: terminator)
            let pieceEnd = newline ?? record.count
            var end = pieceEnd
            let droppedCR = terminator == 0x0A && newline != nil && end > pieceStart && record[end - 1] == 0x0D
            if droppedCR { end -= 1 }
            if !first {
                let line = LineView(
                    bytes: record[pieceStart..<end], number: pieceNumber, offset: run.offset + (pieceStart - run.index),
                    terminated: true, droppedCR: droppedCR)
                if try !body(line) { return }
            }
            first = false
            guard newline != nil else { return }
            pieceStart = pieceEnd + 1
            pieceNumber += 1
        }
    }
}
