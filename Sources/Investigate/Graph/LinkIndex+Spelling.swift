import ByteCore

/// Finding a value as an investigator types it: the loader keeps values trimmed of spaces, an
/// email domain lower-cased and an ASN as `AS<number>`, so a value copied from the source file
/// (`ua/1 `, `AS 16509`) is found as kept; and the values that contain a typed part, for a
/// pivot that names none exactly.
extension LinkIndex {
    /// The value ids of `kind` that `given` names as the loader keeps it, with that spelling;
    /// nil when the given bytes are already the kept spelling or nothing is kept so.
    public func valueIDs(_ kind: LinkKind, loadedFrom given: ExactText) -> (spelling: ExactText, ids: [Int32])? {
        guard let kept = FieldParsing.loadedSpelling(given.bytes, kind: kind) else { return nil }
        let spelling = ExactText(bytes: kept)
        let ids = valueIDs(kind, exact: spelling)
        return ids.isEmpty ? nil : (spelling, ids)
    }

    /// Values of `kind` whose bytes contain `part`, most held first (ties by bytes), at most
    /// `limit`, and how many matched in all.
    /// - Complexity: O(the kind's values × their lengths).
    public func values(_ kind: LinkKind, containing part: ExactText, limit: Int) -> (values: [(value: Int32, holders: Int)], total: Int) {
        guard !part.bytes.isEmpty else { return ([], 0) }
        var found: [(value: Int32, holders: Int)] = []
        // An address or client written several ways is found once, as the value it links under.
        let keys: SpellingKeys? = kind == .ip ? data.ipKeys : kind == .userAgent ? data.userAgentKeys : nil
        var seen = Set<Int32>()
        for raw in 0..<valueCount(kind) {
            let bytes = valueExact(kind, Int32(raw)).bytes
            guard ByteSearch.firstOffset(of: part.bytes.span, in: bytes.span) != nil else { continue }
            let value = keys?.key(Int32(raw)) ?? Int32(raw)
            guard seen.insert(value).inserted else { continue }
            found.append((value, shareCount(kind, value: value)))
        }
        let total = found.count
        found.sort { a, b in
            a.holders != b.holders ? a.holders > b.holders : valueExact(kind, a.value) < valueExact(kind, b.value)
        }
        return (Array(found.prefix(limit)), total)
    }
}
