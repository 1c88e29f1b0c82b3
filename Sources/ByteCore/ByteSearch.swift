#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Searching spans for a run of bytes: the C library's vectorised `memchr` finds each
/// candidate first byte, then the rest is compared a word at a time, over the spans' own
/// bounds (no pointer leaves this file).
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil (0 for an empty needle).
    public static func firstOffset(of needle: Span<UInt8>, in haystack: Span<UInt8>) -> Int? {
        if needle.isEmpty { return 0 }
        guard haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                let last = h.count - n.count
                var from = 0
                while from <= last {
                    guard let found = memchr(hb + from, Int32(nb[0]), last + 1 - from) else { return nil }
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(hb)
                    precondition(offset >= from && offset <= last, "ByteSearch: match outside the span")
                    if ByteCompare.same(haystack.extracting(offset..<(offset + n.count)), needle) { return offset }
                    from = offset + 1
                }
                return nil
            }
        }
    }
}
