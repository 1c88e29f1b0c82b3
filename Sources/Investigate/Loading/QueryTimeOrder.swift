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
        var bytes: [UInt64] = []

        /// Room for `count` rows.
        func reserve(_ count: Int) {
            if times.count < count {
                times = [Int64](repeating: 0, count: count)
                order = [Int](repeating: 0, count: count)
                bytes = [UInt64](repeating: 0, count: count)
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

    /// The usual case, a range within one chunk of every column: raw pointers, no reference
    /// counting and no allocation per account. False when the range spans two chunks.
    private static func sortWithinChunk(_ table: QueryTable, _ range: Range<Int>, _ scratch: Scratch) -> Bool {
        let n = range.count, start = range.lowerBound
        guard let seconds = table.seconds.contiguousAddress(start, count: n),
            let millis = table.millisAndFlags.contiguousAddress(start, count: n)
        else { return false }
        // Sorted already when (seconds, milliseconds) never decreases and no time is kept aside.
        var sorted = seconds[0] != WideValues.timeEscape
        var i = 1
        while sorted && i < n {
            if seconds[i] == WideValues.timeEscape || seconds[i] < seconds[i - 1]
                || (seconds[i] == seconds[i - 1] && millis[i] & 0x3FF < millis[i - 1] & 0x3FF)
            {
                sorted = false
            }
            i += 1
        }
        if sorted { return true }
        scratch.reserve(n)
        scratch.times.withUnsafeMutableBufferPointer { times in
            scratch.order.withUnsafeMutableBufferPointer { order in
                scratch.bytes.withUnsafeMutableBytes { bytes in
                    for k in 0..<n {
                        times[k] = table.timestamp(start + k)
                        order[k] = k
                    }
                    var byTime = UnsafeMutableBufferPointer(rebasing: order[0..<n])
                    if n <= 24 {
                        for k in 1..<n {
                            let moving = byTime[k]
                            var j = k
                            while j > 0 && times[byTime[j - 1]] > times[moving] {
                                byTime[j] = byTime[j - 1]
                                j -= 1
                            }
                            byTime[j] = moving
                        }
                    } else {
                        byTime.sort { (times[$0], $0) < (times[$1], $1) }
                    }
                    let permutation = UnsafeBufferPointer(byTime)
                    let spare = bytes.baseAddress!
                    apply(permutation, to: seconds, spare)
                    apply(permutation, to: millis, spare)
                    apply(permutation, to: table.context.contiguousAddress(start, count: n)!, spare)
                    apply(permutation, to: table.categoryCode.contiguousAddress(start, count: n)!, spare)
                    apply(permutation, to: table.tokens.contiguousAddress(start, count: n)!, spare)
                    apply(permutation, to: table.promptSketch.contiguousAddress(start, count: n)!, spare)
                    apply(permutation, to: table.line.contiguousAddress(start, count: n)!, spare)
                }
            }
        }
        return true
    }

    /// `values[i] = old values[order[i]]`, the old values copied to `spare` (room for the range).
    @inline(__always)
    private static func apply<Element: BitwiseCopyable>(
        _ order: UnsafeBufferPointer<Int>, to values: UnsafeMutablePointer<Element>, _ spare: UnsafeMutableRawPointer
    ) {
        let stride = MemoryLayout<Element>.stride
        spare.copyMemory(from: values, byteCount: order.count * stride)
        for (i, from) in order.enumerated() { values[i] = spare.load(fromByteOffset: from * stride, as: Element.self) }
    }

    /// A range across a chunk boundary (a few accounts at most): through the subscripts.
    private static func sortAcrossChunks(_ table: QueryTable, _ range: Range<Int>) {
        let times = range.map { table.timestamp($0) }
        let order = timeOrder(times.count) { times[$0] }
        func apply<Element>(_ column: ChunkedColumn<Element>) {
            let old = range.map { column[$0] }
            for (i, from) in order.enumerated() { column[range.lowerBound + i] = old[from] }
        }
        apply(table.seconds)
        apply(table.millisAndFlags)
        apply(table.context)
        apply(table.categoryCode)
        apply(table.tokens)
        apply(table.promptSketch)
        apply(table.line)
    }
}
