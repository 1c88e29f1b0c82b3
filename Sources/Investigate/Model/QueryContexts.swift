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
    // `@exclusivity(unchecked)` on `slots` and `idMask`: probed for every query row by the one
    // loading thread that owns the table, no access held across a call (see `RecordFields`).
    /// The hash table: per used slot a tuple's id, with the top bits of its hash above it (the
    /// bits outside `idMask`), so that a probe passes over other tuples' slots without reading
    /// their columns (each a likely cache miss in a table of millions); `empty` when free.
    @exclusivity(unchecked) private var slots = [UInt32](repeating: QueryContexts.empty, count: 1 << 12)
    /// The bits of a slot that hold the id. Ids are tagged while they fit below it; the table
    /// holding as many tuples as that drops the tags (`UInt32.max`: every probe then compares
    /// the columns, as an untagged table does).
    @exclusivity(unchecked) private var idMask: UInt32
    /// A free slot (no tagged entry equals it: ids stay below `idMask`).
    private static let empty = UInt32.max

    /// Creates an empty context table.
    public init() { idMask = (1 << 26) - 1 }

    /// A table whose ids are tagged only while they fit in `idBits` bits (tests reach the
    /// switch to untagged slots with a few tuples).
    init(taggedIDBits idBits: Int) { idMask = UInt32((1 << idBits) - 1) }

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
        let idMask = self.idMask
        let mask = slots.count - 1
        let tag = Self.tag(hash, idMask)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[index]
            if entry == Self.empty { break }
            if entry & ~idMask == tag {
                let j = Int(entry & idMask)
                if apiKey[j] == k && ip[j] == i && asn[j] == s && userAgent[j] == u && model[j] == m { return Int32(j) }
            }
            index = (index + 1) & mask
        }
        let id = Int32(count)
        apiKey.append(k)
        ip.append(i)
        asn.append(s)
        userAgent.append(u)
        model.append(m)
        slots[index] = tag | UInt32(id)
        if idMask != UInt32.max && count >= Int(idMask) {
            // The next id would not fit beside a tag.
            self.idMask = UInt32.max
            rehash(size: slots.count)
        } else if count * 4 > slots.count * 3 {
            rehash(size: slots.count * 2)
        }
        return id
    }

    /// The bits a slot of a tuple with this hash holds above its id.
    @inline(__always)
    private static func tag(_ hash: UInt64, _ idMask: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 32) & ~idMask
    }

    /// Reads the slots where a tuple of this hash is looked for first and returns the id of the
    /// first whose tag is the hash's (-1 for none among the first few), so that a batch of
    /// tuples' slots is fetched from memory together before they are interned one after the
    /// other (the caller keeps the results, or the reads would be dropped).
    @inline(__always)
    func touch(hash: UInt64) -> Int32 {
        guard !slots.isEmpty else { return -1 }
        let idMask = self.idMask
        let mask = slots.count - 1
        let tag = Self.tag(hash, idMask)
        var index = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<4 {
            let entry = slots[index]
            if entry == Self.empty { return -1 }
            if entry & ~idMask == tag { return Int32(truncatingIfNeeded: entry & idMask) }
            index = (index + 1) & mask
        }
        return -1
    }

    /// `touch(hash:)`, then the five values of the tuple found in that slot: what an `intern` of
    /// a tuple already present reads, so that a batch's reads overlap.
    @inline(__always)
    func touchTuple(hash: UInt64) -> Int32 {
        touchTuple(id: Int(touch(hash: hash)))
    }

    /// The five values of tuple `id` (from `touch(hash:)`, or -1) added up, read only to have
    /// them in cache.
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
        slots = [UInt32](repeating: Self.empty, count: size)
        let mask = slots.count - 1, idMask = self.idMask
        for j in 0..<count {
            let hash = Self.hash(apiKey[j], ip[j], asn[j], userAgent[j], model[j])
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != Self.empty { index = (index + 1) & mask }
            slots[index] = Self.tag(hash, idMask) | UInt32(j)
        }
    }

    /// Heap bytes held.
    public var memoryFootprint: Int {
        apiKey.memoryFootprint + ip.memoryFootprint + asn.memoryFootprint + userAgent.memoryFootprint
            + model.memoryFootprint + slots.count * 4
    }
}
