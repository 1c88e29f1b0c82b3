/// Interned (API key, IP, ASN, client, model) tuples: one id per distinct combination.
public final class QueryContexts: @unchecked Sendable {
    /// API key id or -1.
    public let apiKey = GrowableBuffer<Int32>()
    /// IP id or -1.
    public let ip = GrowableBuffer<Int32>()
    /// ASN id or -1.
    public let asn = GrowableBuffer<Int32>()
    /// Client string id or -1.
    public let userAgent = GrowableBuffer<Int32>()
    /// Model id or -1.
    public let model = GrowableBuffer<Int32>()
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    /// Creates an empty context table.
    public init() {}

    /// The number of distinct contexts.
    public var count: Int { apiKey.count }

    /// Trims the columns to fit and drops the hash table, once no more tuples will be added (a
    /// slice's contexts when its parsing ends, the table's when the load ends). Interning
    /// afterwards is not allowed.
    func compactForReading() {
        for column in [apiKey, ip, asn, userAgent, model] { column.trim() }
        slots = []
    }

    /// Makes room for up to `count` contexts: in the columns (an upper bound is fine: room never
    /// used is never touched, and `compactForReading` gives it back) and in the hash table, which
    /// then never grows (each growth rehashes every tuple, and old and new tables coexist). An
    /// overstated bound does cost table memory, 8 to 16 bytes a context, until
    /// `compactForReading`; the merge passes the sum of the slices' contexts, which repeat little.
    func reserve(_ count: Int) {
        for column in [apiKey, ip, asn, userAgent, model] { column.reserve(count) }
        precondition(!slots.isEmpty, "QueryContexts: reserve after compactForReading")
        var size = slots.count
        while count * 4 > size * 3 { size *= 2 }
        if size > slots.count { rehash(size: size) }
    }

    /// The id of a tuple, adding it when new.
    @inline(__always)
    func intern(apiKey k: Int32, ip i: Int32, asn s: Int32, userAgent u: Int32, model m: Int32) -> Int32 {
        intern(apiKey: k, ip: i, asn: s, userAgent: u, model: m, hash: Self.hash(k, i, s, u, m))
    }

    /// `intern` with the tuple's `hash` already computed (see `touch(hash:)`).
    @inline(__always)
    func intern(apiKey k: Int32, ip i: Int32, asn s: Int32, userAgent u: Int32, model m: Int32, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { break }
            let j = Int(id)
            if apiKey[j] == k && ip[j] == i && asn[j] == s && userAgent[j] == u && model[j] == m { return id }
            index = (index + 1) & mask
        }
        let id = Int32(count)
        apiKey.append(k)
        ip.append(i)
        asn.append(s)
        userAgent.append(u)
        model.append(m)
        slots[index] = id
        if count * 4 > slots.count * 3 { rehash(size: slots.count * 2) }
        return id
    }

    /// Reads the slot where a tuple of this hash is looked for first and returns it, so that a
    /// batch of tuples' slots is fetched from memory together before they are interned one
    /// after the other (the caller keeps the results, or the reads would be dropped).
    @inline(__always)
    func touch(hash: UInt64) -> Int32 {
        slots.isEmpty ? 0 : slots[Int(truncatingIfNeeded: hash) & (slots.count - 1)]
    }

    /// `touch(hash:)`, then the five values of the tuple found in that slot: what an `intern` of
    /// a tuple already present reads, so that a batch's reads overlap.
    @inline(__always)
    func touchTuple(hash: UInt64) -> Int32 {
        touchTuple(id: Int(touch(hash: hash)))
    }

    /// The five values of tuple `id` (a slot's content from `touch(hash:)`, or -1) added up, read
    /// only to have them in cache.
    @inline(__always)
    func touchTuple(id: Int) -> Int32 {
        guard id >= 0, id < count else { return Int32(truncatingIfNeeded: id) }
        return apiKey[id] &+ ip[id] &+ asn[id] &+ userAgent[id] &+ model[id]
    }

    @inline(__always)
    static func hash(_ k: Int32, _ i: Int32, _ s: Int32, _ u: Int32, _ m: Int32) -> UInt64 {
        var h = ByteHash.mix(UInt64(UInt32(bitPattern: k)) | UInt64(UInt32(bitPattern: i)) << 32)
        h = ByteHash.mix(h ^ (UInt64(UInt32(bitPattern: s)) | UInt64(UInt32(bitPattern: u)) << 32))
        return ByteHash.mix(h ^ UInt64(UInt32(bitPattern: m)))
    }

    /// Rebuilds the table at `size` slots (a power of two).
    private func rehash(size: Int) {
        slots = [Int32](repeating: -1, count: size)
        let mask = slots.count - 1
        for j in 0..<count {
            let hash = Self.hash(apiKey[j], ip[j], asn[j], userAgent[j], model[j])
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(j)
        }
    }

    /// Heap bytes held.
    public var memoryFootprint: Int {
        apiKey.memoryFootprint + ip.memoryFootprint + asn.memoryFootprint + userAgent.memoryFootprint
            + model.memoryFootprint + slots.count * 4
    }
}
