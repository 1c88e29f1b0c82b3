/// The invariants a restored investigation relies on, checked on every section before it is
/// trusted: lengths agree, every id lies in range, every row table starts at 0 and never
/// decreases. Each failure is `SnapshotDamage` naming the section.
enum SnapshotCheck {
    static func count(_ name: String, _ actual: Int, _ expected: Int) throws {
        guard actual == expected else { throw SnapshotDamage("section \(name): \(actual) values, expected \(expected)") }
    }

    /// Every id is in `0..<bound`, or -1 when `absent` is allowed.
    static func ids(_ name: String, _ values: [Int32], below bound: Int, absent: Bool = true) throws {
        let low: Int32 = absent ? -1 : 0
        let high = Int32(clamping: bound)
        for i in 0..<values.count where values[i] < low || values[i] >= high {
                let value = values[i]
            throw SnapshotDamage("section \(name): id \(value) out of range (\(bound) values)")
        }
    }

    /// `ids` for a column.
    static func ids(_ name: String, column: ChunkedColumn<Int32>, below bound: Int, absent: Bool) throws {
        let low: Int32 = absent ? -1 : 0
        let high = Int32(clamping: bound)
        try SnapshotRawIO.forEachChunk(column) { values in
            for i in 0..<values.count where values[i] < low || values[i] >= high {
                let value = values[i]
                throw SnapshotDamage("section \(name): id \(value) out of range (\(bound) values)")
            }
        }
    }

    /// A row table: `entries` values, the first 0, never decreasing, the last `end`.
    static func starts<T: BinaryInteger>(_ name: String, _ values: [T], entries: Int? = nil, end: Int) throws {
        if let entries { try count(name, values.count, entries) }
        guard let first = values.first, first == 0, Int(values.last!) == end else {
            throw SnapshotDamage("section \(name): does not run from 0 to \(end)")
        }
        for i in values.indices.dropFirst() where values[i] < values[i - 1] { throw SnapshotDamage("section \(name): decreases") }
    }

    /// Every value is finite (and within `range` when given).
    static func finite(_ name: String, _ values: [Double], in range: ClosedRange<Double>? = nil) throws {
        for value in values where !value.isFinite || (range.map { !$0.contains(value) } ?? false) {
            throw SnapshotDamage("section \(name): value \(value) out of range")
        }
    }

    /// Every value is finite.
    static func finite(_ name: String, _ values: [Float]) throws {
        for value in values where !value.isFinite { throw SnapshotDamage("section \(name): value \(value) out of range") }
    }

    /// A dictionary stored as keys and values of equal counts, keys distinct.
    static func pairs<K: Hashable, V>(_ name: String, _ keys: [K], _ values: [V]) throws -> [K: V] {
        try count(name, values.count, keys.count)
        var out: [K: V] = [:]
        out.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) {
            guard out.updateValue(value, forKey: key) == nil else { throw SnapshotDamage("section \(name): repeated key") }
        }
        return out
    }
}
