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
        firstOffset(of: needle, in: haystack, anchor: 0)
    }

    /// `firstOffset(of:in:)`, finding candidates by the needle's byte at `anchor` rather than its
    /// first: when the first byte is common in the haystack (a quote in a JSON line) and the
    /// anchor's is rare, `memchr` then stops once per match instead of once per quote. The
    /// result is the same whatever the anchor.
    public static func firstOffset(of needle: Span<UInt8>, in haystack: Span<UInt8>, anchor: Int) -> Int? {
        if needle.isEmpty { return 0 }
        precondition(anchor >= 0 && anchor < needle.count, "ByteSearch: anchor outside the needle")
        guard haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                // Candidate starts 0...last have their anchor byte at anchor...last + anchor.
                let last = h.count - n.count
                var from = anchor
                while from <= last + anchor {
                    guard let found = memchr(hb + from, Int32(nb[anchor]), last + anchor + 1 - from) else { return nil }
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(hb)
                    let start = offset - anchor
                    precondition(start >= 0 && start <= last, "ByteSearch: match outside the span")
                    if ByteCompare.same(haystack.extracting(start..<(start + n.count)), needle) { return start }
                    from = offset + 1
                }
                return nil
            }
        }
    }
}
