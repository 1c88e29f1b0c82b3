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
            var sorter = Sorter(table: table)
            for a in (accountCount * half / halves)..<(accountCount * (half + 1) / halves)
            where starts[a + 1] - starts[a] > 1 {
                sorter.sort(starts[a]..<starts[a + 1])
            }
        }
    }

    /// One worker's reusable buffers.
    private struct Sorter {
        let table: QueryTable
        var keys: [(Int64, Int)] = []
        var int64s: [Int64] = []
        var int32s: [Int32] = []
        var uint32s: [UInt32] = []
        var uint64s: [UInt64] = []
        var uint8s: [UInt8] = []

        init(table: QueryTable) { self.table = table }

        mutating func sort(_ range: Range<Int>) {
            let timestamp = table.timestamp
            var sorted = true
            for row in range.dropFirst() where timestamp[row] < timestamp[row - 1] {
                sorted = false
                break
            }
            if sorted { return }
            keys.removeAll(keepingCapacity: true)
            for row in range { keys.append((timestamp[row], row)) }
            keys.sort { $0 < $1 }
            Self.permute(table.timestamp, range, keys, &int64s)
            Self.permute(table.context, range, keys, &int32s)
            Self.permute(table.category, range, keys, &int32s)
            Self.permute(table.inputTokens, range, keys, &uint32s)
            Self.permute(table.outputTokens, range, keys, &uint32s)
            Self.permute(table.promptSketch, range, keys, &uint64s)
            Self.permute(table.promptFlags, range, keys, &uint8s)
            Self.permute(table.location, range, keys, &uint64s)
        }

        /// Rewrites `column[range]` so that its i-th value is the old value at `keys[i].1`.
        private static func permute<Element>(
            _ column: ChunkedColumn<Element>, _ range: Range<Int>, _ keys: [(Int64, Int)], _ buffer: inout [Element]
        ) {
            buffer.removeAll(keepingCapacity: true)
            for key in keys { buffer.append(column[key.1]) }
            for (offset, value) in buffer.enumerated() { column[range.lowerBound + offset] = value }
        }
    }
}
