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
            for a in (accountCount * half / halves)..<(accountCount * (half + 1) / halves)
            where starts[a + 1] - starts[a] > 1 {
                sort(table, starts[a]..<starts[a + 1])
            }
        }
    }

    /// Sorts one account's rows by (time, position).
    private static func sort(_ table: QueryTable, _ range: Range<Int>) {
        let start = range.lowerBound, n = range.count
        // Within one chunk (all but a few accounts) the times are read through a pointer: no
        // reference counting per read.
        let times: [Int64] =
            table.timestamp.contiguousAddress(start, count: n).map { Array(UnsafeBufferPointer(start: $0, count: n)) }
            ?? range.map { table.timestamp[$0] }
        guard zip(times, times.dropFirst()).contains(where: { $0 > $1 }) else { return }
        var order = Array(0..<n)
        if n <= 24 {
            // Insertion sort: accounts have few rows each, and it needs no closure call.
            for i in 1..<n {
                let moving = order[i]
                var j = i
                while j > 0 && times[order[j - 1]] > times[moving] {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = moving
            }
        } else {
            order.sort { (times[$0], $0) < (times[$1], $1) }
        }
        apply(order, to: table.timestamp, at: start)
        apply(order, to: table.context, at: start)
        apply(order, to: table.category, at: start)
        apply(order, to: table.inputTokens, at: start)
        apply(order, to: table.outputTokens, at: start)
        apply(order, to: table.promptSketch, at: start)
        apply(order, to: table.promptFlags, at: start)
        apply(order, to: table.location, at: start)
    }

    /// `column[start + i] = old column[start + order[i]]`.
    private static func apply<Element>(_ order: [Int], to column: ChunkedColumn<Element>, at start: Int) {
        if let values = column.contiguousAddress(start, count: order.count) {
            let old = Array(UnsafeBufferPointer(start: values, count: order.count))
            for (i, from) in order.enumerated() { values[i] = old[from] }
        } else {
            let old = order.indices.map { column[start + $0] }
            for (i, from) in order.enumerated() { column[start + i] = old[from] }
        }
    }
}
