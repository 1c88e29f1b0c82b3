/// The query history in columns, built for tens of millions of rows.
///
/// Rows are grouped by account and ordered by time within an account, so an account's rows are
/// the range `accountStart[a]..<accountStart[a+1]` and no per-row account id or order index is
/// stored. Each row keeps what the engine needs (28 bytes, 20 once the prompt sketches are
/// freed); the per-request strings that repeat within an account (API key, IP, ASN, client,
/// model) are one interned *context* id. The prompt is kept as a sketch and flags; the full row
/// (prompt, extra keys) is re-read from its file by its line number when an investigator asks.
public final class QueryTable: @unchecked Sendable {
    /// Request time and prompt flags (`WideValues.packTime`); read through `timestamp(_:)` and
    /// `promptFlags(_:)`.
    var seconds = ChunkedColumn<UInt32>()
    var millisAndFlags = ChunkedColumn<UInt16>()
    /// Context id (`contexts`).
    public internal(set) var context = ChunkedColumn<Int32>()
    /// Category codes (`WideValues.categoryCode`); read through `category(_:)`.
    var categoryCode = ChunkedColumn<UInt16>()
    /// Input and output tokens (`WideValues.packTokens`); read through `inputTokens(_:)` and
    /// `outputTokens(_:)`.
    var tokens = ChunkedColumn<UInt32>()
    /// Token counts, category ids and times too wide for their columns, by `line`.
    var wide = WideValues()
    /// Prompt sketch (`PromptDigest`), 0 when there is no prompt. Only template families read
    /// it: `CaseData.templateFamilies` frees it once they are found.
    var promptSketch = ChunkedColumn<UInt64>()
    /// The row's number across the query files: `fileLineStart[file]` plus the line the row
    /// starts on in its file (`source(ofRow:)`). Stays with the row when rows are reordered.
    public internal(set) var line = ChunkedColumn<UInt32>()
    /// For each query file, the number of lines in the files before it (one more entry at the end).
    public internal(set) var fileLineStart: [Int] = [0]
    /// The distinct (key, ip, asn, client, model) tuples.
    public internal(set) var contexts = QueryContexts()
    /// The query files, in the order `line` numbers them.
    public internal(set) var files: [String] = []
    /// For account `a`, its rows are `accountStart[a]..<accountStart[a+1]`, oldest first.
    public internal(set) var accountStart: [Int] = [0]

    /// Creates an empty table.
    public init() {}

    /// The number of rows.
    public var count: Int { seconds.count }

    /// A row's request time, epoch milliseconds.
    @inline(__always)
    public func timestamp(_ row: Int) -> Int64 {
        let packed = millisAndFlags[row]
        return WideValues.unpackTime(seconds: seconds[row], millisAndFlags: packed) ?? wide.time[UInt64(line[row])] ?? 0
    }

    /// A row's prompt flags (`PromptDigest.Flags`).
    @inline(__always)
    public func promptFlags(_ row: Int) -> UInt8 { UInt8(millisAndFlags[row] >> 10) }

    /// The rows of an account, oldest first.
    public func rows(of account: Int) -> Range<Int> {
        guard account >= 0, account + 1 < accountStart.count else { return 0..<0 }
        return accountStart[account]..<accountStart[account + 1]
    }

    /// The number of queries an account made.
    public func queryCount(of account: Int) -> Int { rows(of: account).count }

    /// A row's category id, or -1.
    @inline(__always)
    public func category(_ row: Int) -> Int32 {
        let code = categoryCode[row]
        if code == 0 { return -1 }
        if UInt32(code) == WideValues.escape { return wide.category[UInt64(line[row])] ?? -1 }
        return Int32(code) - 1
    }

    /// A row's input tokens (0 when absent).
    @inline(__always)
    public func inputTokens(_ row: Int) -> UInt32 {
        let value = tokens[row] >> 16
        return value == WideValues.escape ? wide.input[UInt64(line[row])] ?? value : value
    }

    /// A row's output tokens (0 when absent).
    @inline(__always)
    public func outputTokens(_ row: Int) -> UInt32 {
        let value = tokens[row] & WideValues.escape
        return value == WideValues.escape ? wide.output[UInt64(line[row])] ?? value : value
    }

    /// The file index and 1-based line a row starts on.
    public func source(ofRow row: Int) -> (file: Int, line: Int) {
        let number = Int(line[row])
        var low = 0, high = fileLineStart.count - 1
        // The last file whose first number is below the row's.
        while high - low > 1 {
            let mid = (low + high) / 2
            if fileLineStart[mid] < number { low = mid } else { high = mid }
        }
        return (low, number - fileLineStart[low])
    }

    /// The account a row belongs to.
    public func account(ofRow row: Int) -> Int {
        var low = 0, high = accountStart.count - 1
        // The last account whose start is <= row (skipping accounts without rows).
        while high - low > 1 {
            let mid = (low + high) / 2
            if accountStart[mid] <= row { low = mid } else { high = mid }
        }
        return low
    }

    /// Heap bytes held by the row columns and contexts.
    public var memoryFootprint: Int {
        seconds.memoryFootprint + millisAndFlags.memoryFootprint + context.memoryFootprint + categoryCode.memoryFootprint
            + tokens.memoryFootprint + wide.memoryFootprint + promptSketch.memoryFootprint
            + line.memoryFootprint + contexts.memoryFootprint
            + accountStart.capacity * 8
    }
}
