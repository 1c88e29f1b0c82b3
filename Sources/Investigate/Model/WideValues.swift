/// Values too wide for the narrow query columns, kept aside by key: token counts of 65,535 and
/// more, category ids from 65,534 on, and times before 1970 or from 2106 on. Real exports have
/// few such rows, so the usual row pays 2 bytes per token count and 2 for its category instead
/// of 4 each, and 6 bytes for its time and prompt flags instead of 9.
///
/// `QueryTable` keys them by the row's `line` number, which stays with the row when rows are
/// reordered; a loading slice keys them by its own row number.
struct WideValues: Sendable {
    /// The escape a narrow column holds when the value is here.
    static let escape: UInt32 = 0xFFFF

    var input: [UInt64: UInt32] = [:]
    var output: [UInt64: UInt32] = [:]
    var category: [UInt64: Int32] = [:]
    var time: [UInt64: Int64] = [:]

    /// The seconds a time too wide for its column holds.
    static let timeEscape: UInt32 = .max

    /// A time (epoch milliseconds) and prompt flags (6 bits) as column values: whole seconds,
    /// and the milliseconds (low 10 bits) with the flags above them. Seconds are `timeEscape`
    /// when the time does not fit; the caller keeps it in `time`.
    @inline(__always)
    static func packTime(_ millis: Int64, flags: UInt8) -> (seconds: UInt32, millisAndFlags: UInt16) {
        var (seconds, rest) = millis.quotientAndRemainder(dividingBy: 1000)
        if rest < 0 {
            seconds -= 1
            rest += 1000
        }
        let high = UInt16(flags & 63) << 10
        guard seconds >= 0 && seconds < Int64(timeEscape) else { return (timeEscape, high) }
        return (UInt32(seconds), UInt16(rest) | high)
    }

    /// The time of packed column values, or nil when it is kept aside.
    @inline(__always)
    static func unpackTime(seconds: UInt32, millisAndFlags: UInt16) -> Int64? {
        seconds == timeEscape ? nil : Int64(seconds) * 1000 + Int64(millisAndFlags & 0x3FF)
    }

    /// Input and output token counts packed into one column value (input in the high half); a
    /// count that does not fit is `escape`, and the caller keeps it in `input`/`output`.
    @inline(__always)
    static func packTokens(_ input: UInt32, _ output: UInt32) -> UInt32 {
        min(input, escape) << 16 | min(output, escape)
    }

    /// A category id (-1 for none) as a column value: id + 1, or `escape` when it is too wide.
    @inline(__always)
    static func categoryCode(_ id: Int32) -> UInt16 {
        id < 0 ? 0 : id < Int32(escape) - 1 ? UInt16(id + 1) : UInt16(escape)
    }

    /// Records a row's token counts and category when they do not fit their columns.
    mutating func keep(key: UInt64, input inputTokens: UInt32, output outputTokens: UInt32, category id: Int32) {
        if inputTokens >= Self.escape { input[key] = inputTokens }
        if outputTokens >= Self.escape { output[key] = outputTokens }
        if id >= Int32(Self.escape) - 1 { category[key] = id }
    }

    /// Heap bytes, roughly (a dictionary entry with its share of the table).
    var memoryFootprint: Int { (input.capacity + output.capacity + category.capacity + time.capacity) * 16 }
}
