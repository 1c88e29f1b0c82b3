import Investigate

/// The console's value lookups on the engine: a value's id from its exact bytes or its text,
/// how many accounts hold it, and `:pivot`'s search for the values containing a typed part.
extension EngineModel {
    func valueID(_ kind: LinkKind, exact value: ExactText) -> Int32? {
        switch kind {
        case .upstream, .template: return index.valueID(kind, String(decoding: value.bytes, as: UTF8.self))
        default: return data.pools.pool(for: kind)!.lookup(value.bytes)
        }
    }

    func valueID(_ kind: LinkKind, _ text: String) -> Int32? { index.valueID(kind, text) }

    func valueLookupIsReady(_ kind: LinkKind) -> Bool { data.pools.pool(for: kind)?.lookupIsReady ?? true }

    /// The link index's count of the value's holders (one lookup).
    func holderCount(_ kind: LinkKind, _ value: Int32) -> Int? {
        guard value >= 0, Int(value) < index.valueCount(kind) else { return nil }
        return index.shareCount(kind, value: value)
    }

    /// One pass over the kind's values, on a `:pivot` that found no exact value: the value's raw
    /// text, ASCII case folded, against the typed text's. Measured on a 10.02M-query source
    /// (`replay /tmp/big-t`, Enter on `:pivot ip zz9`): 166-192 ms over its IPs, once per command.
    /// The `limit` listed are the most held, most holders first, ties by the value's bytes (a
    /// trial's picker listed them in the source's order, the ring's shared value anywhere in
    /// it): the best are kept as the pass goes, sorted and cut to `limit` each time twice that
    /// many wait, and a value ranked below the last kept is not kept.
    func values(_ kind: LinkKind, containing text: String, limit: Int) -> (ids: [Int32], total: Int) {
        let needle = Array(text.utf8).map(Self.folded)
        guard !needle.isEmpty, limit > 0 else { return ([], 0) }
        var kept: [HeldValue] = [], total = 0
        var last: HeldValue?
        for value in 0..<index.valueCount(kind) {
            let bytes = index.valueExact(kind, Int32(value)).bytes
            guard Self.contains(bytes, needle) else { continue }
            total += 1
            let held = HeldValue(holders: index.shareCount(kind, value: Int32(value)), bytes: bytes, id: Int32(value))
            if let last, !held.ranksBefore(last) { continue }
            kept.append(held)
            if kept.count >= 2 * limit {
                kept.sort { $0.ranksBefore($1) }
                kept.removeLast(kept.count - limit)
                last = kept.last
            }
        }
        kept.sort { $0.ranksBefore($1) }
        return (kept.prefix(limit).map(\.id), total)
    }

    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        for start in 0...(hay.count - needle.count) {
            var k = 0
            while k < needle.count, folded(hay[start + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}

/// A value `:pivot`'s search found, with how many accounts hold it, for listing the most held first.
struct HeldValue {
    var holders: Int
    var bytes: [UInt8]
    var id: Int32

    /// More holders first; among as many, the value's bytes in order (then the id).
    func ranksBefore(_ other: HeldValue) -> Bool {
        if holders != other.holders { return holders > other.holders }
        if bytes != other.bytes { return bytes.lexicographicallyPrecedes(other.bytes) }
        return id < other.id
    }
}
