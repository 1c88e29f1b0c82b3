#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory freed by the per-slice parts back to the system. glibc keeps freed blocks in
/// its per-thread arenas (and raises its mmap threshold after large frees), so without this the
/// parts' pools stay resident after the merge.
func releaseFreedMemory() {
    #if os(Linux)
    _ = GlibcMalloc.shared.trim?(0)
    #endif
}

/// Makes every allocation of 64 KiB or more its own mapping, once per process: freeing one
/// then returns it to the system at once, and `realloc` grows or trims it by moving pages
/// (`mremap`) instead of copying (`GrowableBuffer`). glibc would otherwise raise this threshold
/// after each large free, up to 32 MiB, and serve large blocks from arenas it keeps.
func useMappingsForLargeBlocks() {
    #if os(Linux)
    _ = largeBlocksMapped
    #endif
}

#if os(Linux)
/// glibc's `mallopt` and `malloc_trim` (declared in malloc.h, which the Glibc module does not
/// export), looked up by name and called through their C signatures; nil where the C library
/// lacks them (musl), and the load simply goes without.
private struct GlibcMalloc: @unchecked Sendable {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    typealias MallocTrim = @convention(c) (Int) -> Int32
    let option: Mallopt?
    let trim: MallocTrim?

    static let shared = GlibcMalloc()

    private init() {
        // A C boundary: the symbols' addresses, typed as the C functions malloc.h declares.
        let handle = dlopen(nil, RTLD_NOW)
        // Under AddressSanitizer its allocator serves every allocation: glibc's arenas hold
        // nothing to trim, and glibc's malloc, never called, is set up by the first
        // `malloc_trim`, which two threads reached at once in CI's sanitizer run (a crash in
        // glibc's `mtrim`, not in this code). There the load goes without.
        let sanitized = dlsym(handle, "__asan_init") != nil
        option = sanitized ? nil : dlsym(handle, "mallopt").map { unsafeBitCast($0, to: Mallopt.self) }
        trim = sanitized ? nil : dlsym(handle, "malloc_trim").map { unsafeBitCast($0, to: MallocTrim.self) }
    }
}

/// malloc.h's `M_MMAP_THRESHOLD`.
private let mmapThresholdOption: Int32 = -3

/// `M_MMAP_THRESHOLD` set once (a lazy global runs its initialiser once, thread-safely).
private let largeBlocksMapped: Bool = GlibcMalloc.shared.option?(mmapThresholdOption, 64 << 10) == 1
#endif
