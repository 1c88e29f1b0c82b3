extension Array where Element: BitwiseCopyable {
    /// A copy with no spare capacity, or the array itself when it has next to none (up to 3%: the
    /// allocator may round a trimmed copy up, which must not make trimming it again copy it, and
    /// columns reserved from a row estimate keep its margin): appending grows an array by
    /// doubling, which can leave almost half of a large column unused.
    /// - Complexity: O(count) when it copies.
    func trimmed() -> [Element] {
        guard capacity - count > Swift.max(16, count / 32) else { return self }
        // A fresh array reserved to the count, filled in one copy (no pointer needed).
        var copy = [Element]()
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}
