/// Union-find with path halving and union by size; the smaller index wins ties, so the
/// result does not depend on the order of unions.
public struct DisjointSets: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    /// `count` singleton sets.
    public init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    /// The number of elements.
    public var count: Int { parent.count }

    /// Adds one singleton set.
    public mutating func append() {
        parent.append(Int32(parent.count))
        size.append(1)
    }

    /// The representative of `x`'s set.
    /// - Complexity: amortised near O(1).
    public mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    /// Merges the sets of `a` and `b`.
    public mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        if ra == rb { return }
        if size[ra] < size[rb] || (size[ra] == size[rb] && rb < ra) { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
    }
}
