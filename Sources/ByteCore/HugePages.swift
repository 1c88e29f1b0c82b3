#if canImport(Glibc)
    import Glibc
#endif

/// Large hash tables placed in 2 MiB pages where the system allows it.
///
/// A load's slot tables (string pools, the context table) are read at random, once or more per
/// row, and at 10M rows they are tens of MiB each: with 4 KiB pages nearly every read also
/// misses the address translation cache, and on a virtual machine each such miss is a walk of
/// two page tables. `filledArray` asks the kernel (`madvise(MADV_HUGEPAGE)`, transparent huge
/// pages) to back a large table's memory with 2 MiB pages before any of it is touched. A table
/// is filled whole when it is made, so the advice costs no resident memory beyond the table's own;
/// where the system declines (huge pages off, another platform) the table is the same, in small
/// pages.
public enum HugePages {
    /// Tables of fewer bytes than this stay in ordinary pages (a 2 MiB page would not be filled).
    public static let threshold = 4 << 20
    /// The size of a transparent huge page on x86-64 and most arm64 Linux systems.
    static let pageSize = 2 << 20

    /// An array of `count` copies of `value`; when it takes at least `threshold` bytes, its memory
    /// is advised into huge pages before it is written (see the type's description).
    public static func filledArray<T: BitwiseCopyable>(repeating value: T, count: Int) -> [T] {
        guard count > 0, count * MemoryLayout<T>.stride >= threshold else { return Array(repeating: value, count: count) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// Advises the whole 2 MiB pages inside `memory` (fresh from the allocator: large blocks are
    /// their own mappings, `useMappingsForLargeBlocks`) into huge pages; a refusal is ignored.
    private static func advise(_ memory: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard let base = memory.baseAddress else { return }
            let mask = UInt(pageSize - 1)
            let start = (UInt(bitPattern: base) + mask) & ~mask
            let end = (UInt(bitPattern: base) + UInt(memory.count)) & ~mask
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
