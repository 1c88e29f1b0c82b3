/// The rows one loading thread parsed from one slice of the query files, in file order, with ids
/// local to that slice's own pools; `QueryMerge` turns every slice into the final `QueryTable`.
final class QueryRows {
    /// Request time, epoch milliseconds.
    let timestamp = ChunkedColumn<Int64>()
    /// Account id in the slice's own account pool (resolved against `accounts` at the merge).
    let account = ChunkedColumn<Int32>()
    /// Context id in `contexts`.
    let context = ChunkedColumn<Int32>()
    /// Category id in the slice's pool, or -1.
    let category = ChunkedColumn<Int32>()
    /// Input tokens.
    let inputTokens = ChunkedColumn<UInt32>()
    /// Output tokens.
    let outputTokens = ChunkedColumn<UInt32>()
    /// Prompt sketch.
    let promptSketch = ChunkedColumn<UInt64>()
    /// Prompt flags.
    let promptFlags = ChunkedColumn<UInt8>()
    /// File index (high 16 bits) and byte offset of the row.
    let location = ChunkedColumn<UInt64>()
    /// The slice's (key, ip, asn, client, model) tuples.
    let contexts = QueryContexts()

    /// The number of rows.
    var count: Int { timestamp.count }

    /// Appends one row.
    @inline(__always)
    func append(
        timestamp ts: Int64, account a: Int32, context c: Int32, category cat: Int32,
        inputTokens input: UInt32, outputTokens output: UInt32, sketch: UInt64, flags: UInt8, location loc: UInt64
    ) {
        timestamp.append(ts)
        account.append(a)
        context.append(c)
        category.append(cat)
        inputTokens.append(input)
        outputTokens.append(output)
        promptSketch.append(sketch)
        promptFlags.append(flags)
        location.append(loc)
    }
}
