/// Rows of sorted `Int32` items under dense keys `0..<keyCount`, stored for the shape link
/// lists have: most keys hold zero or one item, a few hold many.
///
/// - Inline form, when most keys hold something: one `head` per key (-1 for none, the item
///   itself for one, `-2 - r` for overflow row `r`), and compressed rows for keys with more.
///   A single item costs 4 bytes instead of 8 (a row start plus the item).
/// - Sparse form, when few keys hold anything (orgs, template families, upstream links): the
///   keys that hold items, sorted, with compressed rows; a key is found by binary search.
struct CompactRows {
    var head: [Int32] = []
    var rowKeys: [Int32] = []
    var rowStart: [Int32] = [0]
    var rowItems: [Int32] = []
    let sparse: Bool

    /// Packs compressed rows (`start` has `keyCount + 1` entries).
    /// - Complexity: O(keys + items).
    init(start: [Int32], items: [Int32]) {
        let keyCount = start.count - 1
        var nonEmpty = 0
        for k in 0..<keyCount where start[k + 1] > start[k] { nonEmpty += 1 }
        sparse = nonEmpty * 3 < keyCount
        if sparse {
            rowKeys.reserveCapacity(nonEmpty)
            rowStart.reserveCapacity(nonEmpty + 1)
            for k in 0..<keyCount where start[k + 1] > start[k] {
                rowKeys.append(Int32(k))
                rowStart.append(start[k + 1])
            }
            rowItems = items
            return
        }
        head = [Int32](repeating: -1, count: keyCount)
        var overflowItems = 0
        for k in 0..<keyCount where start[k + 1] - start[k] > 1 { overflowItems += Int(start[k + 1] - start[k]) }
        rowItems.reserveCapacity(overflowItems)
        for k in 0..<keyCount {
            let range = Int(start[k])..<Int(start[k + 1])
            switch range.count {
            case 0: continue
            case 1: head[k] = items[range.lowerBound]
            default:
                head[k] = -2 - Int32(rowStart.count - 1)
                rowItems.append(contentsOf: items[range])
                rowStart.append(Int32(rowItems.count))
            }
        }
        rowStart = rowStart.trimmed()
    }

    /// Packs rows given as (key, item) pairs sorted by key then item, unique, under `keyCount`
    /// keys: the same rows `init(start:items:)` packs, without its column of every key's start
    /// when few keys hold items (4 bytes a key: a kind few accounts hold, as client families,
    /// built beside a million accounts' start column cost one more transient megabyte-sized array).
    init(sortedKeys keys: [Int32], items: [Int32], keyCount: Int) {
        var nonEmpty = 0
        for i in keys.indices where i == 0 || keys[i] != keys[i - 1] { nonEmpty += 1 }
        guard nonEmpty * 3 < keyCount else {
            var start = [Int32](repeating: 0, count: keyCount + 1)
            for key in keys { start[Int(key) + 1] += 1 }
            for key in 0..<keyCount { start[key + 1] += start[key] }
            self = CompactRows(start: start, items: items)
            return
        }
        var rowKeys: [Int32] = [], rowStart: [Int32] = [0]
        rowKeys.reserveCapacity(nonEmpty)
        rowStart.reserveCapacity(nonEmpty + 1)
        for i in keys.indices where i + 1 == keys.count || keys[i + 1] != keys[i] {
            rowKeys.append(keys[i])
            rowStart.append(Int32(i + 1))
        }
        self.init(sparseKeys: rowKeys, rowStart: rowStart, rowItems: items)
    }

    /// The sparse form from its parts.
    private init(sparseKeys: [Int32], rowStart: [Int32], rowItems: [Int32]) {
        (self.rowKeys, self.rowStart, self.rowItems, sparse) = (sparseKeys, rowStart, rowItems, true)
    }

    /// The items of `key`, ascending (empty for keys out of range).
    /// - Complexity: O(1) inline, O(log keys holding items) sparse.
    @inline(__always)
    func items(of key: Int) -> ArraySlice<Int32> {
        guard let row = row(of: key) else { return ArraySlice() }
        if row < 0 { return head[key...key] }
        return rowItems[Int(rowStart[row])..<Int(rowStart[row + 1])]
    }

    /// The number of items of `key`.
    @inline(__always)
    func count(of key: Int) -> Int {
        guard let row = row(of: key) else { return 0 }
        return row < 0 ? 1 : Int(rowStart[row + 1] - rowStart[row])
    }

    /// Reads `key`'s head in the inline form and, for a row of several items, the row's start
    /// and first item (0 sparse or out of range), only to bring them into cache before its
    /// items are read: a caller reading many keys' rows in one sweep lets their cache misses
    /// overlap (`PairScan.warm`). A sparse row's binary search is not repeated.
    @inline(__always)
    func warm(_ key: Int) -> Int32 {
        guard !sparse, key >= 0, key < head.count else { return 0 }
        let h = head[key]
        guard h < -1 else { return h }
        let start = rowStart[Int(-2 - h)]
        return start < rowItems.count ? rowItems[Int(start)] : start
    }

    /// Heap bytes held.
    var memoryFootprint: Int { (head.capacity + rowKeys.capacity + rowStart.capacity + rowItems.capacity) * 4 }

    /// The compressed row holding `key`'s items, -1 when its one item is `head[key]`, nil when
    /// it has none.
    @inline(__always)
    private func row(of key: Int) -> Int? {
        guard key >= 0 else { return nil }
        if sparse {
            var low = 0, high = rowKeys.count
            while low < high {
                let mid = (low + high) / 2
                if Int(rowKeys[mid]) < key { low = mid + 1 } else { high = mid }
            }
            return low < rowKeys.count && Int(rowKeys[low]) == key ? low : nil
        }
        guard key < head.count else { return nil }
        let h = head[key]
        if h == -1 { return nil }
        return h >= 0 ? -1 : Int(-2 - h)
    }
}
