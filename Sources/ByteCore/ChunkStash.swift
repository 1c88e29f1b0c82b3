import CMemoryMove
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Column memory kept for reuse instead of handed back to the system: fixed granules of
/// `granuleBytes`, cut from the chunks of emptied `ChunkedColumn`s or the released buckets of a
/// `BucketedColumn`, and taken again by a `BucketedColumn` made with the stash or moved under a
/// column's chunks (`ChunkedColumn.adoptMemory`).
///
/// Memory handed back to the system and mapped again comes back as fresh pages: each one a
/// page fault and a page the kernel zeroes (on a virtual machine that reports free memory to its
/// host, often a host fault too). A bucketed scatter frees its parts' columns while it deals
/// their rows into buckets of about as many bytes, then frees the buckets while it writes the
/// table: through a stash each step takes the pages the one before freed, already resident.
///
/// A stash may be used from several threads (a lock guards its list). A taken granule holds
/// whatever it held before: its taker writes before it reads. Every granule kept is given back
/// to the system by `releaseAll()` or when the stash goes.
public final class ChunkStash: @unchecked Sendable {
    /// Bytes of one granule (a whole number of pages; every `ChunkedColumn` chunk of an element
    /// of 2 bytes or more is a whole number of granules).
    public static let granuleBytes = 128 << 10
    /// Granules kept (addresses of mappings, each `granuleBytes` long).
    private let granules = Mutex<[UInt]>([])

    /// Creates an empty stash.
    public init() {}

    deinit { releaseAll() }

    /// The number of granules kept.
    public var count: Int { granules.withLock { $0.count } }

    /// Gives every kept granule back to the system.
    public func releaseAll() {
        let kept = granules.withLock { kept in
            defer { kept = [] }
            return kept
        }
        for granule in kept { Self.unmap(UnsafeMutableRawPointer(bitPattern: granule)!) }
    }

    /// Gives kept granules back to the system until at most `limit` are kept.
    public func trim(toAtMost limit: Int) {
        let extra = granules.withLock { kept -> [UInt] in
            guard kept.count > limit else { return [] }
            defer { kept.removeLast(kept.count - max(0, limit)) }
            return Array(kept[max(0, limit)...])
        }
        for granule in extra { Self.unmap(UnsafeMutableRawPointer(bitPattern: granule)!) }
    }

    /// Keeps the mapping `base..<base + bytes` as granules when it is a whole number of them;
    /// returns false (keeping nothing) otherwise, and the caller unmaps it itself.
    func keep(mapping base: UnsafeMutableRawPointer, bytes: Int) -> Bool {
        guard bytes > 0, bytes % Self.granuleBytes == 0 else { return false }
        let address = UInt(bitPattern: base)
        granules.withLock { kept in
            for offset in stride(from: 0, to: bytes, by: Self.granuleBytes) { kept.append(address + UInt(offset)) }
        }
        return true
    }

    /// A kept granule, if any.
    private func pop() -> UnsafeMutableRawPointer? {
        granules.withLock { $0.popLast() }.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
    }

    /// A kept granule (its contents undefined), or a freshly mapped one when none is kept.
    func take() -> UnsafeMutableRawPointer {
        if let granule = pop() { return granule }
        let mapped = mmap(nil, Self.granuleBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { fatalError("out of memory: could not map a stash granule") }
        return mapped
    }

    /// Moves a kept granule's pages under `target..<target + granuleBytes` (a page-aligned
    /// range of a mapping of ByteCore's own, whose contents are dropped); false when none is
    /// kept. The range stays mapped either way.
    func move(into target: UnsafeMutableRawPointer) -> Bool {
        guard let granule = pop() else { return false }
        if cmemory_move_pages(granule, Self.granuleBytes, target) == -2 {
            fatalError("out of memory: could not map a column chunk's pages")
        }
        return true
    }

    /// Gives a granule from `take()` back to the system.
    static func unmap(_ granule: UnsafeMutableRawPointer) {
        munmap(granule, granuleBytes)
    }
}
