/// The rows one loading thread parsed from one slice of the query files, in file order, with ids
/// local to that slice's own pools; `QueryMerge` turns every slice into the final `QueryTable`.
final class QueryRows {
    /// Request time, epoch milliseconds.
    let timestamp = ChunkedColumn<Int64>()
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
    /// Prompt flags.
    let promptFlags = ChunkedColumn<UInt8>()
    /// The low 32 bits of each row's byte offset. A slice holds one file's rows in file order, so
    /// the high bits only grow: `offsetSteps` lists the rows where they step up by one.
    let offsetLow = ChunkedColumn<UInt32>()
    private(set) var offsetSteps: [Int] = []
    /// The file index bits of every row's location (one file per slice).
    private(set) var fileBits: UInt64 = 0
    /// Token counts and category ids too wide for their columns, by row number in the slice.
    var wide = WideValues()
    /// The slice's (key, ip, asn, client, model) tuples (emptied once the merge renumbered them).
    var contexts = QueryContexts()

    /// The number of rows.
    var count: Int { timestamp.count }

    /// Appends one row.
    @inline(__always)
    func append(
        timestamp ts: Int64, account a: Int32, context c: Int32, category cat: Int32,
        inputTokens input: UInt32, outputTokens output: UInt32, sketch: UInt64, flags: UInt8, location loc: UInt64
    ) {
        let packed = WideValues.packTokens(input, output), code = WideValues.categoryCode(cat)
        if input >= WideValues.escape || output >= WideValues.escape || code == WideValues.escape {
            wide.keep(key: UInt64(count), input: input, output: output, category: cat)
        }
        timestamp.append(ts)
        account.append(a)
        context.append(c)
        categoryCode.append(code)
        tokens.append(packed)
        promptSketch.append(sketch)
        promptFlags.append(flags)
        let offset = loc & Self.offsetMask
        fileBits = loc & ~Self.offsetMask
        while UInt64(offsetSteps.count) < offset >> 32 { offsetSteps.append(offsetLow.count) }
        offsetLow.append(UInt32(truncatingIfNeeded: offset))
    }

    private static let offsetMask: UInt64 = 0xFFFF_FFFF_FFFF

    /// The byte offset of a row given the low bits stored for it.
    @inline(__always)
    func offset(ofRow row: Int, low: UInt32) -> UInt64 {
        var high = 0
        if !offsetSteps.isEmpty {
            var upper = offsetSteps.count
            while high < upper {
                let mid = (high + upper) / 2
                if offsetSteps[mid] <= row { high = mid + 1 } else { upper = mid }
            }
        }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// The row's location: file index bits and byte offset.
    @inline(__always)
    func location(ofRow row: Int, low: UInt32) -> UInt64 { fileBits | offset(ofRow: row, low: low) }
}
