/// The link key of each value of one pool, where one value may be written several ways: an IP
/// address (`10.1.2.3`, `010.001.002.003`, `::ffff:10.1.2.3`) or a client string with invisible
/// characters in it (`ua/1` and `ua/1` + U+200B). The values stay as the source wrote them;
/// only the link key (`LinkPairs`, a pivot's lookup) reads them as one.
///
/// A value's key is a value id of the pool: its canonical spelling's when the pool holds it,
/// else the first spelling's. A value whose key is itself is most values, and costs nothing more.
public struct SpellingKeys: Sendable {
    /// The key of each value id whose key is not itself (most values' is: a source with one
    /// spelling of each value holds nothing here, where a column of every value's key cost 4
    /// bytes a distinct address at 10M queries, against the 64 B per query bar).
    let otherKeys: [Int32: Int32]
    /// How many values are spelled otherwise than their key.
    public var variantCount: Int { otherKeys.count }
    /// Reads a value's canonical spelling: nil when it has none or is its own (the closure may
    /// say nil for its own without building it).
    let canonical: @Sendable (Span<UInt8>) -> [UInt8]?

    /// The keys of every value in `pool`. A value whose canonical text the pool holds keys to it;
    /// values sharing a canonical text the pool does not hold key to the first of them. Those are
    /// found by sorting the canonical texts' hashes (16 bytes a value spelled otherwise, freed
    /// before this returns), not by keeping each text: a source writing every IPv6 address in
    /// full form spells each one otherwise, once, and keeps nothing here for it.
    /// - Complexity: O(values × their lengths + variants log variants).
    init(pool: StringPool, canonical: @escaping @Sendable (Span<UInt8>) -> [UInt8]?) {
        var otherKeys: [Int32: Int32] = [:]
        // (hash of the canonical text, value id) of the values whose canonical text the pool lacks.
        var unheld: [(hash: UInt64, id: Int32)] = []
        for raw in 0..<pool.count {
            let id = Int32(raw)
            let other: [UInt8]? = pool.withSpan(id) { bytes in
                guard let text = canonical(bytes), !Self.same(text, bytes) else { return nil }
                return text
            }
            guard let text = other else { continue }
            if let held = pool.lookup(text) {
                // A held canonical spelling is its own key (its canonical text is itself).
                if held != id { otherKeys[id] = held }
            } else {
                unheld.append((ByteHash.hash(text), id))
            }
        }
        unheld.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.id < $1.id }
        var start = 0
        while start < unheld.count {
            var end = start + 1
            while end < unheld.count && unheld[end].hash == unheld[start].hash { end += 1 }
            if end - start > 1 {
                // Equal hashes: the texts themselves decide (the first spelling of each is the key).
                var firstOfText: [[UInt8]: Int32] = [:]
                for entry in unheld[start..<end] {
                    guard let text = pool.withSpan(entry.id, { canonical($0) }) else { continue }
                    if let first = firstOfText[text] { otherKeys[entry.id] = first } else { firstOfText[text] = entry.id }
                }
            }
            start = end
        }
        (self.otherKeys, self.canonical) = (otherKeys, canonical)
    }

    /// The key of a value id (-1 stays -1).
    @inline(__always)
    public func key(_ value: Int32) -> Int32 { otherKeys.isEmpty || value < 0 ? value : otherKeys[value] ?? value }

    /// The key a typed value names: its own when the pool holds it, else its canonical spelling's
    /// (held, or else the first value spelling it: found by reading the values, as a pivot types
    /// a spelling the source never wrote only now and then).
    func key(typed bytes: [UInt8], in pool: StringPool) -> Int32? {
        if let id = pool.lookup(bytes) { return key(id) }
        let text = canonical(bytes.span) ?? bytes
        if let held = pool.lookup(text) { return key(held) }
        for raw in 0..<pool.count where pool.withSpan(Int32(raw), { canonical($0) }) == text { return key(Int32(raw)) }
        return nil
    }

    /// True when `text` is exactly `bytes`.
    private static func same(_ text: [UInt8], _ bytes: Span<UInt8>) -> Bool {
        guard text.count == bytes.count else { return false }
        for i in 0..<text.count where text[i] != bytes[i] { return false }
        return true
    }

    /// Every value whose key is `key` (itself first when its own key), ascending.
    /// - Complexity: O(values).
    public func spellings(of key: Int32) -> [Int32] {
        ([key] + otherKeys.filter { $0.value == key }.map(\.key)).sorted()
    }
}
