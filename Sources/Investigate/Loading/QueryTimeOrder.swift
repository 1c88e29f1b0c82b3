import Dispatch

/// Puts each account's rows in time order (ties keep file order) once the merge has grouped
/// them by account. Exports are often already in time order per account, so each account is
/// first checked and only sorted when it is not. Accounts are split between two workers.
enum QueryTimeOrder {
    /// Sorts the rows of every account range `starts[a]..<starts[a+1]` of `table` by time.
    static func sortWithinAccounts(_ table: QueryTable, starts: [Int]) {
        let accountCount = starts.count - 1
        let halves = 2
        DispatchQueue.concurrentPerform(iterations: halves) { half in
            let scratch = Scratch()
            for a in (accountCount * half / halves)..<(accountCount * (half + 1) / halves)
            where starts[a + 1] - starts[a] > 1 {
                let range = starts[a]..<starts[a + 1]
                if !sortWithinChunk(table, range, scratch) { sortAcrossChunks(table, range) }
            }
        }
    }

    /// One worker's buffers, reused from account to account (most accounts have a few rows, so
    /// allocating per account would cost more than the sort).
    private final class Scratch {
        var times: [Int64] = []
        var order: [Int] = []

        /// Room for `count` rows.
        func reserve(_ count: Int) {
            if times.count < count {
                times = [Int64](repeating: 0, count: count)
                order = [Int](repeating: 0, count: count)
            }
        }
    }

    /// The order that sorts `times` by (time, position): insertion sort for the usual few rows,
    /// a full sort for a busy account.
    private static func timeOrder(_ count: Int, _ time: (Int) -> Int64) -> [Int] {
        var order = Array(0..<count)
        if count <= 24 {
            for i in 1..<count {
                let moving = order[i]
                var j = i
                while j > 0 && time(order[j - 1]) > time(moving) {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = moving
            }
        } else {
            order.sort { (time($0), $0) < (time($1), $1) }
        }
        return order
    }

    /// The usual case, a range within one chunk of every column: spans over the chunk, no
    /// allocation for an account already in order. False when the range spans two chunks.
    private static func sortWithinChunk(_ table: QueryTable, _ range: Range<Int>, _ scratch: Scratch) -> Bool {
        let n = range.count, start = range.lowerBound
        guard table.seconds.isContiguous(start, count: n), table.millisAndFlags.isContiguous(start, count: n) else { return false }
        // Sorted already when (seconds, milliseconds) never decreases and no time is kept aside.
        let sorted = table.seconds.withMutableSpan(start, count: n) { seconds in
            table.millisAndFlags.withMutableSpan(start, count: n) { millis in
                guard seconds[0] != WideValues.timeEscape else { return false }
                for i in 1..<n {
                    if seconds[i] == WideValues.timeEscape || seconds[i] < seconds[i - 1]
                        || (seconds[i] == seconds[i - 1] && millis[i] & 0x3FF < millis[i - 1] & 0x3FF)
                    {
                        return false
                    }
                }
                return true
            }
        }
        if sorted { return true }
        scratch.reserve(n)
        for k in 0..<n {
            scratch.times[k] = table.timestamp(start + k)
            scratch.order[k] = k
        }
        let times = scratch.times
        if n <= 24 {
            for k in 1..<n {
                let moving = scratch.order[k]
                var j = k
                while j > 0 && times[scratch.order[j - 1]] > times[moving] {
                    scratch.order[j] = scratch.order[j - 1]
                    j -= 1
                }
                scratch.order[j] = moving
            }
        } else {
            scratch.order[0..<n].sort { (times[$0], $0) < (times[$1], $1) }
        }
        permuteColumns(table, range, scratch.order)
        return true
    }

    /// A range across a chunk boundary (a few accounts at most).
    private static func sortAcrossChunks(_ table: QueryTable, _ range: Range<Int>) {
        let times = range.map { table.timestamp($0) }
        permuteColumns(table, range, timeOrder(times.count) { times[$0] })
    }

    /// Reorders every column of the rows in `range`: row `range.lowerBound + i` takes the old
    /// row `range.lowerBound + order[i]` (`order` may be longer than the range).
    private static func permuteColumns(_ table: QueryTable, _ range: Range<Int>, _ order: [Int]) {
        permute(table.seconds, range, order)
        permute(table.millisAndFlags, range, order)
        permute(table.context, range, order)
        permute(table.categoryCode, range, order)
        permute(table.tokens, range, order)
        permute(table.promptSketch, range, order)
        permute(table.line, range, order)
    }

    /// One column of `permuteColumns`: through a span within a chunk, else the subscripts.
    private static func permute<Element: BitwiseCopyable>(_ column: ChunkedColumn<Element>, _ range: Range<Int>, _ order: [Int]) {
        let n = range.count, start = range.lowerBound
        if column.isContiguous(start, count: n) {
            column.withMutableSpan(start, count: n) { values in
                var old: [Element] = []
                old.reserveCapacity(n)
                for i in 0..<n { old.append(values[i]) }
                for i in 0..<n { values[i] = old[order[i]] }
            }
        } else {
            let old = range.map { column[$0] }
            for i in 0..<n { column[start + i] = old[order[i]] }
        }
    }
}
