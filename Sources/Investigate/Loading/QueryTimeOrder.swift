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
        /// (time, row) of the range being sorted.
        var keys: [(Int64, Int)] = []
        var scratch: [UInt64] = []

        init(table: QueryTable) { self.table = table }

        mutating func sort(_ range: Range<Int>) {
            if sortContiguous(range) { return }
            let timestamp = table.timestamp
            var sorted = true
            for row in range.dropFirst() where timestamp[row] < timestamp[row - 1] {
                sorted = false
                break
            }
            if sorted { return }
            keys.removeAll(keepingCapacity: true)
            for row in range { keys.append((timestamp[row], row)) }
            if keys.count <= 24 {
                // Insertion sort: accounts have few rows each, and it needs no closure call.
                for i in 1..<keys.count {
                    let key = keys[i]
                    var j = i
                    while j > 0 && (keys[j - 1].0 > key.0 || (keys[j - 1].0 == key.0 && keys[j - 1].1 > key.1)) {
                        keys[j] = keys[j - 1]
                        j -= 1
                    }
                    keys[j] = key
                }
            } else {
                keys.sort { $0 < $1 }
            }
            permute(table.timestamp, range)
            permute(table.context, range)
            permute(table.category, range)
            permute(table.inputTokens, range)
            permute(table.outputTokens, range)
            permute(table.promptSketch, range)
            permute(table.promptFlags, range)
            permute(table.location, range)
        }

        /// The fast path, for a range within one chunk of every column (all but a few accounts):
        /// raw pointers, no reference counting. False when the range spans two chunks.
        private mutating func sortContiguous(_ range: Range<Int>) -> Bool {
            let n = range.count, start = range.lowerBound
            guard let ts = table.timestamp.contiguousAddress(start, count: n) else { return false }
            var sorted = true
            for i in 1..<n where ts[i] < ts[i - 1] {
                sorted = false
                break
            }
            if sorted { return true }
            var order = [Int](repeating: 0, count: n)
            for i in 0..<n {
                // Insertion sort by (time, position): few rows per account.
                let key = ts[i]
                var j = i
                while j > 0 && ts[order[j - 1]] > key {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = i
            }
            Self.apply(order, to: ts)
            Self.apply(order, to: table.context.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.category.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.inputTokens.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.outputTokens.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.promptSketch.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.promptFlags.contiguousAddress(start, count: n)!)
            Self.apply(order, to: table.location.contiguousAddress(start, count: n)!)
            return true
        }

        /// `values[i] = old values[order[i]]`.
        @inline(__always)
        private static func apply<Element>(_ order: [Int], to values: UnsafeMutablePointer<Element>) {
            let old = Array(UnsafeBufferPointer(start: values, count: order.count))
            for (i, from) in order.enumerated() { values[i] = old[from] }
        }

        /// Rewrites `column[range]` so that its i-th value is the old value at `keys[i].1`
        /// (values of at most 8 bytes pass through `scratch`).
        private mutating func permute<Element: BitwiseCopyable>(_ column: ChunkedColumn<Element>, _ range: Range<Int>) {
            scratch.removeAll(keepingCapacity: true)
            let base = range.lowerBound
            let done: Void? = column.withContiguousStorage(range) { values in
                for key in keys { scratch.append(Self.widen(values[key.1 - base])) }
                for (offset, value) in scratch.enumerated() { values[offset] = Self.narrow(value) }
            }
            guard done == nil else { return }
            for key in keys { scratch.append(Self.widen(column[key.1])) }
            for (offset, value) in scratch.enumerated() { column[base + offset] = Self.narrow(value) }
        }

        @inline(__always)
        private static func widen<Element: BitwiseCopyable>(_ value: Element) -> UInt64 {
            var wide: UInt64 = 0
            withUnsafeMutableBytes(of: &wide) { $0.storeBytes(of: value, as: Element.self) }
            return wide
        }

        @inline(__always)
        private static func narrow<Element: BitwiseCopyable>(_ wide: UInt64) -> Element {
            withUnsafeBytes(of: wide) { $0.load(as: Element.self) }
        }
    }
}
