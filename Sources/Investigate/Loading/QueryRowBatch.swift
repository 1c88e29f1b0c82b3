import ByteCore
import Synchronization

/// Query rows parsed but not yet interned: the loader's way to keep the memory busy.
///
/// Interning a value is a chain of dependent memory reads (the pool's slot, the value's start,
/// its bytes). In account order each column's last value (`RepeatCache`) saves them; in time
/// order, the order API logs come in, nearly every row names another account, and row by row the
/// chains ran one after the other, the processor waiting on each read in turn. So the loader
/// parses up to `capacity` rows, copying the account id and the four identifying values (API
/// key, IP, ASN, client) into a small arena, and then resolves the batch in passes whose reads
/// are independent of each other, so that the processor has many in flight at once:
/// 1. hash every account id not already known and read its slot;
/// 2. intern the account ids, in row order;
/// 3. read each row's `AccountRowMemo` entry and its context's values (the model too);
/// 4. per row, in order: check the values against the account's last ones (or intern them) and,
///    where the tuple is not the account's last context, read its slot in the context table;
///    then, in order again, find each row's context and append the row to the table.
///
/// Each pool still receives its values in row order, so ids are exactly those of a row-by-row
/// load; passes 1 and 3 only read ahead.
final class QueryRowBatch {
    /// Rows per batch: enough reads in flight to cover a memory access, few enough that the
    /// arena stays in the first-level cache.
    static let capacity = 32
    /// A parsed row waiting for its ids.
    struct Pending: BitwiseCopyable {
        var timestamp: Int64
        /// The account id, or `unresolved` until pass 2.
        var account: Int32
        var model: Int32
        var category: Int32
        var inputTokens: UInt32
        var outputTokens: UInt32
        var sketch: UInt64
        var flags: UInt8
        var line: UInt32
        /// Where the account id (lane 0) and the API key, IP, ASN and client (lanes 1-4) start in
        /// the arena; lane 5 is where the client ends. Values are stored trimmed.
        var bounds: SIMD8<Int32>
    }
    static let unresolved: Int32 = -3

    // `let` references: no exclusivity checks or retains on the row path.
    private let rows = GrowableBuffer<Pending>()
    private let arena = GrowableBuffer<UInt8>()
    private let hashes = GrowableBuffer<UInt64>()
    /// Pass 1's, 3's and 4a's reads ahead, row by row: slots, value ids, contexts, starts.
    private let probes = GrowableBuffer<Int>()
    private let starts = GrowableBuffer<SIMD4<Int>>()
    /// Pass 4a's value ids per row (API key, IP, ASN, client, model), for pass 4b.
    private let tuples = GrowableBuffer<SIMD8<Int32>>()

    init() {
        rows.reserve(Self.capacity)
        arena.reserve(Self.capacity * 256)
        hashes.reserve(Self.capacity)
        probes.reserve(Self.capacity)
        starts.reserve(Self.capacity)
        tuples.reserve(Self.capacity)
    }

    /// Arena bytes past which the batch is resolved early: a hostile file's huge values (a line
    /// may hold up to 256 MiB) then never hold more than one such row, and offsets stay far
    /// below `Int32.max`.
    static let arenaLimit = 1 << 20

    var isFull: Bool { rows.count >= Self.capacity || arena.count >= Self.arenaLimit }

    /// Copies one value, trimmed (an account id: as `FieldParsing.accountIDRange` reads it),
    /// into the arena and returns where it starts.
    @inline(__always)
    func stash(_ bytes: Span<UInt8>, trimmed: Bool = true) -> Int32 {
        let start = Int32(truncatingIfNeeded: arena.count)
        let range = trimmed ? ByteCompare.trimmedRange(bytes) : FieldParsing.accountIDRange(bytes)
        if !range.isEmpty { arena.append(contentsOf: bytes.extracting(range)) }
        return start
    }

    /// The arena's current end (where the next value would start).
    var arenaEnd: Int32 { Int32(truncatingIfNeeded: arena.count) }

    /// Adds a parsed row.
    func add(_ row: Pending) { rows.append(row) }

    /// Interns the batch's values and appends its rows to `table`, in order, then empties it.
    func flush(
        accounts accountPool: StringPool, accountCache: RepeatCache, values pools: ValuePools,
        caches: (apiKey: RepeatCache, ip: RepeatCache, asn: RepeatCache, userAgent: RepeatCache), memo: AccountRowMemo, into table: QueryRows, scratch: inout [UInt8]
    ) {
        guard rows.count > 0 else { return }
        let count = rows.count
        let arena = self.arena, hashes = self.hashes
        defer {
            arena.truncate(to: 0)
            hashes.truncate(to: 0)
        }
        // Pass 1: hash the unresolved account ids and read their slots together; then, in
        // sweeps of their own, the starts and first bytes of the values those slots name (read
        // row by row, each row's three reads waited on one another).
        var touched: UInt64 = 0
        defer { StringPool.touchedSlots.bitwiseXor(touched, ordering: .relaxed) }
        let probes = self.probes
        defer { probes.truncate(to: 0) }
        // The hashes first, then the slots in a sweep of their own: a loop of nothing but
        // independent reads keeps many of them in flight, where reads between the hashing work
        // of a whole row each wait nearly alone.
        for i in 0..<count {
            var hash: UInt64 = 0
            if rows[i].account == Self.unresolved {
                let b = rows[i].bounds
                if b[1] > b[0] { hash = arena.withSpan(Int(b[0])..<Int(b[1])) { ByteHash.hash($0) } }
            }
            hashes.append(hash)
        }
        for i in 0..<count { probes.append(hashes[i] == 0 ? 0 : Int(bitPattern: UInt(accountPool.touch(hash: hashes[i])))) }
        for i in 0..<count {
            probes[i] = Int(accountPool.candidate(slot: UInt64(UInt(bitPattern: probes[i])), hash: hashes[i]))
        }
        for i in 0..<count where probes[i] >= 0 { probes[i] = accountPool.touchStart(id: Int32(truncatingIfNeeded: probes[i])) }
        for i in 0..<count { touched &+= accountPool.touchByte(at: probes[i]) }
        // Pass 2: intern them, in row order.
        for i in 0..<count where rows[i].account == Self.unresolved {
            let b = rows[i].bounds
            let hash = hashes[i]
            rows[i].account =
                b[1] == b[0]
                ? -1 : arena.withSpan(Int(b[0])..<Int(b[1])) { value in accountCache.id(for: value) { accountPool.intern($0, hash: hash) } }
        }
        // Pass 3: read each account's last context and its values (only to have them in cache
        // for pass 4, which reads them again: an earlier row of the batch may change them), in
        // sweeps: the contexts, their value ids, the values' starts, their first bytes.
        let contexts = table.contexts
        let apiKeyPool = pools.apiKeys, ipPool = pools.ips, asnPool = pools.asns, userAgentPool = pools.userAgents
        probes.truncate(to: 0)
        for i in 0..<count { probes.append(Int(memo.last(rows[i].account))) }
        let starts = self.starts
        defer { starts.truncate(to: 0) }
        for i in 0..<count {
            let context = probes[i]
            var ids = SIMD4<Int>(repeating: -1)
            if context >= 0 {
                ids = SIMD4(Int(contexts.apiKey[context]), Int(contexts.ip[context]), Int(contexts.asn[context]), Int(contexts.userAgent[context]))
                // The model column too: pass 4 compares it, and a miss there waits alone.
                touched &+= UInt64(UInt32(bitPattern: contexts.model[context]))
            }
            starts.append(ids)
        }
        for i in 0..<count {
            let ids = starts[i]
            starts[i] = SIMD4(
                apiKeyPool.touchStart(id: Int32(truncatingIfNeeded: ids[0])), ipPool.touchStart(id: Int32(truncatingIfNeeded: ids[1])),
                asnPool.touchStart(id: Int32(truncatingIfNeeded: ids[2])), userAgentPool.touchStart(id: Int32(truncatingIfNeeded: ids[3])))
        }
        for i in 0..<count {
            let at = starts[i]
            touched &+= apiKeyPool.touchByte(at: at[0]) &+ ipPool.touchByte(at: at[1])
            touched &+= asnPool.touchByte(at: at[2]) &+ userAgentPool.touchByte(at: at[3])
        }
        // Pass 4a: the values, row by row (each pool receives them in row order), each checked
        // first against the account's last context; for a row whose tuple is not that context,
        // its tuple's hash, and its slot in the context table read ahead for pass 4b.
        let apiKeyCache = caches.apiKey, ipCache = caches.ip, asnCache = caches.asn, userAgentCache = caches.userAgent
        let tuples = self.tuples
        defer { tuples.truncate(to: 0) }
        hashes.truncate(to: 0)
        for i in 0..<count {
            let row = rows[i]
            let b = row.bounds
            let lastContext = memo.last(row.account)
            var last = SIMD8<Int32>(repeating: -2)
            if lastContext >= 0 {
                let c = Int(lastContext)
                last = SIMD8(contexts.apiKey[c], contexts.ip[c], contexts.asn[c], contexts.userAgent[c], contexts.model[c], 0, 0, 0)
            }
            let ids = arena.withSpan { arena in
                let apiKey = arena.extracting(Int(b[1])..<Int(b[2])), ip = arena.extracting(Int(b[2])..<Int(b[3]))
                let asn = arena.extracting(Int(b[3])..<Int(b[4])), userAgent = arena.extracting(Int(b[4])..<Int(b[5]))
                return SIMD8<Int32>(
                    FieldParsing.intern(trimmed: apiKey, in: apiKeyPool, guess: last[0], cache: apiKeyCache),
                    FieldParsing.intern(trimmed: ip, in: ipPool, guess: last[1], cache: ipCache),
                    FieldParsing.internASN(trimmed: asn, in: asnPool, guess: last[2], cache: asnCache, scratch: &scratch),
                    FieldParsing.intern(trimmed: userAgent, in: userAgentPool, guess: last[3], cache: userAgentCache),
                    row.model, 0, 0, 0)
            }
            tuples.append(ids)
            var hash: UInt64 = 0
            if !(lastContext >= 0 && ids == last) { hash = QueryContexts.hash(ids[0], ids[1], ids[2], ids[3], ids[4]) }
            hashes.append(hash)
        }
        // The new tuples' slots, then the tuples those slots name, each in a sweep of its own.
        probes.truncate(to: 0)
        for i in 0..<count { probes.append(hashes[i] == 0 ? -1 : Int(contexts.touch(hash: hashes[i]))) }
        for i in 0..<count { touched &+= UInt64(UInt32(bitPattern: contexts.touchTuple(id: probes[i]))) }
        // Pass 4b: each row's context, in row order (an earlier row of the batch may have moved
        // its account's last context, so it is read again), and the row appended.
        for i in 0..<count {
            let row = rows[i]
            let ids = tuples[i]
            let lastContext = memo.last(row.account)
            var context: Int32 = -1
            if lastContext >= 0 {
                let c = Int(lastContext)
                let last = SIMD8(contexts.apiKey[c], contexts.ip[c], contexts.asn[c], contexts.userAgent[c], contexts.model[c], 0, 0, 0)
                if ids == last { context = lastContext }
            }
            if context < 0 {
                let hash = hashes[i] != 0 ? hashes[i] : QueryContexts.hash(ids[0], ids[1], ids[2], ids[3], ids[4])
                context = contexts.intern(apiKey: ids[0], ip: ids[1], asn: ids[2], userAgent: ids[3], model: ids[4], hash: hash)
                memo.remember(row.account, context: context)
            }
            table.append(
                timestamp: row.timestamp, account: row.account, context: context, category: row.category,
                inputTokens: row.inputTokens, outputTokens: row.outputTokens, sketch: row.sketch, flags: row.flags,
                line: row.line)
        }
        rows.truncate(to: 0)
    }
}
