import ByteCore
import Dispatch
import Foundation

/// Moves the merged parts' rows into the final `QueryTable` at the positions `QueryMerge`
/// placed them (each part's account column, -1 for a dropped row), in two passes that keep
/// the memory of the move small.
///
/// A direct scatter writes each row of a time-ordered part to a position anywhere in the
/// table, so a column's destination is wholly resident after its first few thousand rows,
/// while its sources are freed only as they are read: every column moved at once held about
/// twice its size (a sketch column alone is 8 bytes a row). Here the rows are first dealt,
/// part by part (each part's columns freed once dealt), into buckets of consecutive final
/// positions (`bucketShift`), each row with its position and its values already renumbered;
/// then each bucket is written into its own range of the table and freed. At any time the
/// rows are held about once, plus a position each and one bucket's range per thread.
///
/// Rows keep their values whatever the bucket: a bucket's rows carry their final position,
/// so the order in which they are dealt does not matter. Rows that arrive nearly in their
/// final order (account order) are moved directly instead (`scatterDirectly`): their
/// destinations fill in order, without the transient.
struct QueryRowScatter {
    /// The parts, their context and category maps (worker id -> global id), and the number of
    /// lines before each part's first line across the query files.
    let parts: [QueryRows]
    let contextMaps: [[Int32]]
    let categoryMaps: [[Int32]]
    let lineBase: [Int]
    /// Rows the table gets (every row whose position is >= 0; positions cover `0..<rowCount`).
    let rowCount: Int

    /// One dealt row: its final position and its values, already renumbered (32 bytes).
    struct DealtRow: BitwiseCopyable {
        var sketch: UInt64
        var position: UInt32
        var seconds: UInt32
        var context: Int32
        var tokens: UInt32
        var line: UInt32
        var millisAndFlags: UInt16
        var categoryCode: UInt16
    }

    /// One thread's dealt rows, by bucket: one `BucketedColumn` of whole rows (one append a row,
    /// no reference count per row).
    final class Dealt: @unchecked Sendable {
        let rows: BucketedColumn<DealtRow>

        init(buckets: Int, capacity: Int) {
            rows = BucketedColumn(buckets: buckets, capacity: capacity)
        }

        /// Frees bucket `bucket`.
        func release(_ bucket: Int) { rows.releaseBucket(bucket) }
    }

    /// Values too wide for their columns, met while dealing: final position -> value.
    final class WideFound: @unchecked Sendable {
        var tokens: [(row: Int, input: UInt32?, output: UInt32?)] = []
        var categories: [(row: Int, id: Int32)] = []
        var times: [(row: Int, millis: Int64)] = []
    }

    /// Final positions per bucket are `1 << bucketShift`; nil: at least a column chunk's worth,
    /// and about 32 buckets (tests set a small one to deal a few rows into many buckets).
    var bucketShift: Int? = nil

    /// The bucket shift in force.
    var shift: Int {
        if let bucketShift { return max(0, bucketShift) }
        var shift = 16
        while rowCount >> shift > 32 { shift += 1 }
        return shift
    }

    /// Fills `table`'s columns (created here at `rowCount` rows) and its wide values, and
    /// empties every part's columns: directly when the rows arrive nearly in order
    /// (`rowsArriveInOrder`), else through buckets.
    func scatter(into table: QueryTable) {
        if bucketShift == nil && rowsArriveInOrder { return scatterDirectly(into: table) }
        scatterThroughBuckets(into: table)
    }

    /// The move through buckets (see the type's notes).
    func scatterThroughBuckets(into table: QueryTable) {
        let shift = self.shift
        let bucketCount = max(1, (rowCount + (1 << shift) - 1) >> shift)
        let threads = max(1, min(parts.count, ProcessInfo.processInfo.activeProcessorCount))
        // Each thread deals its parts (every `threads`-th) into buckets of its own.
        let dealt = (0..<threads).map { _ in Dealt(buckets: bucketCount, capacity: 1 << shift) }
        let found = (0..<threads).map { _ in WideFound() }
        nonisolated(unsafe) let scatter = self
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for part in stride(from: thread, to: scatter.parts.count, by: threads) {
                scatter.deal(part, shift: shift, into: dealt[thread], wide: found[thread])
            }
        }
        releaseFreedMemory()
        Self.allocateColumns(of: table, rows: rowCount)
        // Buckets cover disjoint ranges of positions: written on every thread at once.
        nonisolated(unsafe) let table = table
        DispatchQueue.concurrentPerform(iterations: bucketCount) { bucket in
            for thread in 0..<threads {
                Self.write(bucket, of: dealt[thread], into: table)
                dealt[thread].release(bucket)
            }
        }
        table.wide = Self.wideValues(found, lines: table.line)
    }

    /// Deals part `index`'s rows into `buckets` (renumbering contexts and categories, noting
    /// wide values by final position), then frees the part's columns.
    /// Gives every column of `table` room for `rows` rows, to be written at their positions.
    static func allocateColumns(of table: QueryTable, rows: Int) {
        table.seconds = ChunkedColumn(uninitializedCount: rows)
        table.millisAndFlags = ChunkedColumn(uninitializedCount: rows)
        table.context = ChunkedColumn(uninitializedCount: rows)
        table.categoryCode = ChunkedColumn(uninitializedCount: rows)
        table.tokens = ChunkedColumn(uninitializedCount: rows)
        table.promptSketch = ChunkedColumn(uninitializedCount: rows)
        table.line = ChunkedColumn(uninitializedCount: rows)
    }

    /// The wide values met while moving rows, keyed by the line numbers of their final rows
    /// (so `lines` must be in place).
    static func wideValues(_ found: [WideFound], lines: ChunkedColumn<UInt32>) -> WideValues {
        var wide = WideValues()
        for entries in found {
            for entry in entries.tokens {
                let key = UInt64(lines[entry.row])
                if let input = entry.input { wide.input[key] = input }
                if let output = entry.output { wide.output[key] = output }
            }
            for entry in entries.categories { wide.category[UInt64(lines[entry.row])] = entry.id }
            for entry in entries.times { wide.time[UInt64(lines[entry.row])] = entry.millis }
        }
        return wide
    }

    private func deal(_ index: Int, shift: Int, into dealt: Dealt, wide: WideFound) {
        let rows = parts[index], position = rows.account
        let contextMap = contextMaps[index], categoryMap = categoryMaps[index], base = lineBase[index]
        // Every column in a local: the row closure borrows them (no reference count per row).
        let secondsIn = rows.seconds, millisIn = rows.millisAndFlags, contextIn = rows.context
        let categoryIn = rows.categoryCode, tokensIn = rows.tokens, sketchIn = rows.promptSketch
        let out = dealt.rows
        rows.forEachLine { row, line in
            let target = position[row]
            guard target >= 0 else { return }
            let bucket = Int(target) >> shift
            let seconds = secondsIn[row]
            if seconds == WideValues.timeEscape { wide.times.append((Int(target), rows.wide.time[UInt64(row)]!)) }
            let code = categoryIn[row]
            var global: UInt16 = 0
            if code != 0 {
                let local = UInt32(code) == WideValues.escape ? rows.wide.category[UInt64(row)]! : Int32(code) - 1
                let id = categoryMap[Int(local)]
                global = WideValues.categoryCode(id)
                if UInt32(global) == WideValues.escape { wide.categories.append((Int(target), id)) }
            }
            let packed = tokensIn[row]
            if packed >> 16 == WideValues.escape || packed & WideValues.escape == WideValues.escape {
                let key = UInt64(row)
                wide.tokens.append((Int(target), rows.wide.input[key], rows.wide.output[key]))
            }
            out.append(
                DealtRow(
                    sketch: sketchIn[row], position: UInt32(target), seconds: seconds, context: contextMap[Int(contextIn[row])],
                    tokens: packed, line: UInt32(base + line), millisAndFlags: millisIn[row], categoryCode: global),
                toBucket: bucket)
        }
        for column in [rows.seconds, rows.tokens] { column.drainSpans { _, _ in } }
        for column in [rows.millisAndFlags, rows.categoryCode] { column.drainSpans { _, _ in } }
        rows.context.drainSpans { _, _ in }
        rows.promptSketch.drainSpans { _, _ in }
        position.drainSpans { _, _ in }
    }

    /// Writes bucket `bucket` of `dealt` at its rows' positions.
    private static func write(_ bucket: Int, of dealt: Dealt, into table: QueryTable) {
        let rows = dealt.rows
        let secondsOut = table.seconds, millisOut = table.millisAndFlags, contextOut = table.context
        let categoryOut = table.categoryCode, tokensOut = table.tokens, sketchOut = table.promptSketch, lineOut = table.line
        for i in 0..<rows.count(ofBucket: bucket) {
            let row = rows[bucket: bucket, i]
            let target = Int(row.position)
            secondsOut[target] = row.seconds
            millisOut[target] = row.millisAndFlags
            contextOut[target] = row.context
            categoryOut[target] = row.categoryCode
            tokensOut[target] = row.tokens
            sketchOut[target] = row.sketch
            lineOut[target] = row.line
        }
    }
}
