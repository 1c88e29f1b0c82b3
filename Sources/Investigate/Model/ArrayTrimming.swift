extension Array where Element: BitwiseCopyable {
    /// A copy with no spare capacity, or the array itself when it has next to none (up to 3%: the
    /// allocator may round a trimmed copy up, which must not make trimming it again copy it, and
    /// columns reserved from a row estimate keep its margin): appending grows an array by
    /// doubling, which can leave almost half of a large column unused.
    /// - Complexity: O(count) when it copies.
    func trimmed() -> [Element] {
        guard capacity - count > Swift.max(16, count / 32) else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            withUnsafeBufferPointer { source in
                if let from = source.baseAddress, let to = buffer.baseAddress { to.initialize(from: from, count: source.count) }
            }
            initialized = count
        }
    }
}
