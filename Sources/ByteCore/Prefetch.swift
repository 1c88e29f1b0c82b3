import CPrefetch

// Prefetch hints: ask for a value's cache line ahead of its use, without waiting for it. A
// plain read used as a "touch" holds the processor when it reaches the head of the reorder
// window; a hint does not, so the parsing of the next rows runs while the line comes in. A hint
// reads nothing and never faults; these take indices, check them, and do nothing out of range.

extension GrowableBuffer {
    /// Hints that value `index` will be read soon; nothing when `index` is out of range.
    @inlinable @inline(__always)
    public func prefetch(_ index: Int) {
        guard index >= 0 && index < storedCount, let base else { return }
        cprefetch_read(UnsafeRawPointer(base + index))
    }
}

extension StringPool {
    /// Hints that the slot a value of this hash is looked for first will be read soon
    /// (see `touch(hash:)`).
    @inlinable @inline(__always)
    public func prefetchSlot(hash: UInt64) {
        guard !slots.isEmpty else { return }
        let index = Int(truncatingIfNeeded: hash >> 32) & mask
        slots.withUnsafeBufferPointer { slots in
            guard index < slots.count, let base = slots.baseAddress else { return }
            cprefetch_read(UnsafeRawPointer(base + index))
        }
    }

    /// Hints that value `id`'s start and end will be read soon; nothing for no such value.
    @inlinable @inline(__always)
    public func prefetchStart(id: Int32) {
        guard contains(id) else { return }
        starts.prefetch(Int(id))
    }

    /// Hints that the stored byte at `start` (from `touchStart(id:)`) will be read soon.
    @inlinable @inline(__always)
    public func prefetchByte(at start: Int) { storage.prefetch(start) }
}
