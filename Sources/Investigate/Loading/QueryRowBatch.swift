import ByteCore
import Foundation
import Synchronization

/// Query rows parsed but not yet interned: the loader's way to keep the memory busy.
///
/// Interning a value is a chain of dependent memory reads (the pool's slot, the value's start,
/// its bytes). In account order each column's last value (`RepeatCache`) saves them; in time
/// order, the order API logs come in, nearly every row names another account, and row by row the
/// chains ran one after the other, each read a miss in tables of a million accounts and values,
/// in no order. So the loader parses up to `capacity` rows, copying the account id and the four
/// identifying values (API key, IP, ASN, client) into an arena, and then resolves the batch:
/// 1. the account ids not already known are hashed and sorted by where the account pool looks
///    for them first (a counting sort on the slot's high bits), so that the pool's slot table is
///    read from start to end; they are interned in that order, `group` at a time, each group's
///    reads (slot, start, first byte) done in sweeps of their own so that many are in flight;
/// 2. the rows are sorted by account id (a stable counting sort: an account's rows keep their
///    order), and, `group` at a time: each row's `AccountRowMemo` entry and its context's
///    values are read ahead; each row's values are checked against the account's last ones (or
///    interned) and, where the tuple is not the account's last context, its slot in the context
///    table read ahead; then each row's context is found. An account's values and contexts were
///    mostly made with its first row, so in account id order the memo, the contexts' columns
///    and the pools' starts and bytes are read in nearly ascending order too;
/// 3. the rows are appended to the table in their own order.
///
/// A worker's ids differ from a row-by-row load's (values are met in another order), but the
/// merge renumbers every value and context in the order of its first row in the file
/// (`WorkerValueRenumbering`) and resolves accounts by name, so the loaded table is the same.
final class QueryRowBatch {
    /// Rows per batch: enough that the sorts find neighbours in the tables, few enough that the
    /// batch stays a small part of the load's memory (about 200 bytes a row).
    static let capacity = ProcessInfo.processInfo.environment["INVESTIGATE_BATCH_ROWS"].flatMap { Int($0) } ?? 4096
    /// Rows whose reads are swept together.
    static let group = 32
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
    /// Each row's account hash (pass 1) and context (pass 2).
    private let rowHashes = GrowableBuffer<UInt64>()
    private let rowContexts = GrowableBuffer<Int32>()
    /// The order rows are resolved in (row numbers), the sort's keys and its bucket counts.
    private let order = GrowableBuffer<Int32>()
    private let keys = GrowableBuffer<Int32>()
    private let buckets = GrowableBuffer<Int32>()
    /// One group's reads ahead, by position in the group: hashes, slots, value ids, contexts, starts.
    private let hashes = GrowableBuffer<UInt64>()
    private let probes = GrowableBuffer<Int>()
    private let starts = GrowableBuffer<SIMD4<Int>>()
    /// Pass 2's value ids per row of a group (API key, IP, ASN, client, model).
    private let tuples = GrowableBuffer<SIMD8<Int32>>()

    init() {
        rows.reserve(Self.capacity)
        arena.reserve(min(Self.capacity * 128, Self.arenaLimit))
        rowHashes.reserve(Self.capacity)
        rowContexts.reserve(Self.capacity)
        order.reserve(Self.capacity)
        keys.reserve(Self.capacity)
        hashes.reserve(Self.group)
        probes.reserve(Self.group)
        starts.reserve(Self.group)
        tuples.reserve(Self.group)
    }

    /// Arena bytes past which the batch is resolved early: a hostile file's huge values (a line
    /// may hold up to 256 MiB) then never hold more than one such row, and offsets stay far
    /// below `Int32.max`.
    static let arenaLimit = max(1 << 20, capacity * 256)

    var isFull: Bool { rows.count >= Self.capacity || arena.count >= Self.arenaLimit }

    /// Copies one value, trimmed, into the arena and returns where it starts.
    @inline(__always)
    func stash(_ bytes: Span<UInt8>) -> Int32 {
        let start = Int32(truncatingIfNeeded: arena.count)
        let range = ByteCompare.trimmedRange(bytes)
        if !range.isEmpty { arena.append(contentsOf: bytes.extracting(range)) }
        return start
    }

    /// The arena's current end (where the next value would start).
    var arenaEnd: Int32 { Int32(truncatingIfNeeded: arena.count) }

    /// Adds a parsed row.
    func add(_ row: Pending) { rows.append(row) }

    /// Bits of a sort key: about one bucket per row, at most 4,096 buckets.
    private static func keyBits(_ count: Int) -> Int { min(12, max(1, Int.bitWidth - count.leadingZeroBitCount)) }

    /// Sorts `order` (row numbers) stably by `keys` (each below `1 << bits`, by position in `order`).
    private func sortOrder(bits: Int) {
        let n = order.count
        let bucketCount = 1 << bits
        buckets.truncate(to: 0)
        for _ in 0...bucketCount { buckets.append(0) }
        for j in 0..<n { buckets[Int(keys[j]) + 1] &+= 1 }
        for b in 0..<bucketCount { buckets[b + 1] &+= buckets[b] }
        // The sorted rows go into `rowContexts` (free until pass 2 fills it), then back into `order`.
        let sorted = rowContexts
        sorted.truncate(to: 0)
        for _ in 0..<n { sorted.append(0) }
        for j in 0..<n {
            let key = Int(keys[j])
            sorted[Int(buckets[key])] = order[j]
            buckets[key] &+= 1
        }
        for j in 0..<n { order[j] = sorted[j] }
    }

    /// Interns the batch's values and appends its rows to `table`, in order, then empties it.
    func flush(
        accounts accountPool: StringPool, accountCache: RepeatCache, values pools: ValuePools,
        caches: (apiKey: RepeatCache, ip: RepeatCache, asn: RepeatCache, userAgent: RepeatCache), memo: AccountRowMemo, into table: QueryRows, scratch: inout [UInt8]
    ) {
        guard rows.count > 0 else { return }
        let count = rows.count
        let arena = self.arena, rowHashes = self.rowHashes, order = self.order, keys = self.keys
        defer {
            arena.truncate(to: 0)
            rowHashes.truncate(to: 0)
            order.truncate(to: 0)
            keys.truncate(to: 0)
        }
        var touched: UInt64 = 0
        defer { StringPool.touchedSlots.bitwiseXor(touched, ordering: .relaxed) }
        // Pass 1: the account ids not known yet, hashed, sorted by their first slot, interned.
        let bits = Self.keyBits(count)
        for i in 0..<count {
            var hash: UInt64 = 0
            if rows[i].account == Self.unresolved {
                let b = rows[i].bounds
                if b[1] > b[0] {
                    hash = arena.withSpan(Int(b[0])..<Int(b[1])) { ByteHash.hash($0) }
                    order.append(Int32(truncatingIfNeeded: i))
                    keys.append(Int32(truncatingIfNeeded: accountPool.slotStretch(hash: hash, bits: bits)))
                } else {
                    rows[i].account = -1
                }
            }
            rowHashes.append(hash)
        }
        if order.count > 1 { sortOrder(bits: bits) }
        var from = 0
        while from < order.count {
            let to = min(from + Self.group, order.count)
            internAccounts(order: from..<to, pool: accountPool, cache: accountCache, touched: &touched)
            from = to
        }
        // Pass 2: the rows by account id (an account's rows in their order), their contexts found.
        order.truncate(to: 0)
        keys.truncate(to: 0)
        let accountBits = Int.bitWidth - accountPool.count.leadingZeroBitCount
        let shift = max(0, accountBits - bits)
        for i in 0..<count {
            order.append(Int32(truncatingIfNeeded: i))
            keys.append(max(0, rows[i].account) >> Int32(shift))
        }
        sortOrder(bits: bits)
        let rowContexts = self.rowContexts
        rowContexts.truncate(to: 0)
        for _ in 0..<count { rowContexts.append(-1) }
        from = 0
        while from < count {
            let to = min(from + Self.group, count)
            findContexts(
                order: from..<to, values: pools, caches: caches, memo: memo, contexts: table.contexts, scratch: &scratch,
                touched: &touched)
            from = to
        }
        // Pass 3: the rows appended in their order.
        for i in 0..<count {
            let row = rows[i]
            table.append(
                timestamp: row.timestamp, account: row.account, context: rowContexts[i], category: row.category,
                inputTokens: row.inputTokens, outputTokens: row.outputTokens, sketch: row.sketch, flags: row.flags,
                line: row.line)
        }
        rows.truncate(to: 0)
    }

    /// Interns the account ids of rows `order[positions]`, in that order: their slots read in a
    /// sweep (a loop of nothing but independent reads keeps many in flight), then in sweeps of
    /// their own the starts and first bytes of the values those slots name, then the interning.
    @inline(__always)
    private func internAccounts(order positions: Range<Int>, pool: StringPool, cache: RepeatCache, touched: inout UInt64) {
        let probes = self.probes, arena = self.arena, order = self.order, rowHashes = self.rowHashes
        defer { probes.truncate(to: 0) }
        for j in positions { probes.append(Int(bitPattern: UInt(pool.touch(hash: rowHashes[Int(order[j])])))) }
        for k in 0..<positions.count {
            probes[k] = Int(pool.candidate(slot: UInt64(UInt(bitPattern: probes[k])), hash: rowHashes[Int(order[positions.lowerBound + k])]))
        }
        for k in 0..<positions.count where probes[k] >= 0 { probes[k] = pool.touchStart(id: Int32(truncatingIfNeeded: probes[k])) }
        for k in 0..<positions.count { touched &+= pool.touchByte(at: probes[k]) }
        for j in positions {
            let i = Int(order[j])
            let b = rows[i].bounds
            let hash = rowHashes[i]
            rows[i].account = arena.withSpan(Int(b[0])..<Int(b[1])) { value in cache.id(for: value) { pool.intern($0, hash: hash) } }
        }
    }

    /// Finds the contexts of rows `order[positions]` (in that order, which keeps each account's
    /// rows in their own) into `rowContexts`: each account's last context and its values read
    /// ahead; the values checked against them or interned, and the slot of each tuple that is not
    /// the account's last read ahead; then each row's context, remembered as its account's last.
    @inline(__always)
    private func findContexts(
        order positions: Range<Int>, values pools: ValuePools,
        caches: (apiKey: RepeatCache, ip: RepeatCache, asn: RepeatCache, userAgent: RepeatCache), memo: AccountRowMemo,
        contexts: QueryContexts, scratch: inout [UInt8], touched: inout UInt64
    ) {
        let arena = self.arena, order = self.order, probes = self.probes, starts = self.starts, tuples = self.tuples
        let hashes = self.hashes, rowContexts = self.rowContexts
        defer {
            probes.truncate(to: 0)
            starts.truncate(to: 0)
            tuples.truncate(to: 0)
            hashes.truncate(to: 0)
        }
        let apiKeyPool = pools.apiKeys, ipPool = pools.ips, asnPool = pools.asns, userAgentPool = pools.userAgents
        // Each account's last context and its values, read only to have them in cache (an
        // earlier row of the group may change them), in sweeps: the contexts, their value ids,
        // the values' starts, their first bytes.
        for j in positions { probes.append(Int(memo.last(rows[Int(order[j])].account))) }
        for k in 0..<positions.count {
            let context = probes[k]
            var ids = SIMD4<Int>(repeating: -1)
            if context >= 0 {
                ids = SIMD4(Int(contexts.apiKey[context]), Int(contexts.ip[context]), Int(contexts.asn[context]), Int(contexts.userAgent[context]))
                // The model column too: the check compares it, and a miss there waits alone.
                touched &+= UInt64(UInt32(bitPattern: contexts.model[context]))
            }
            starts.append(ids)
        }
        for k in 0..<positions.count {
            let ids = starts[k]
            starts[k] = SIMD4(
                apiKeyPool.touchStart(id: Int32(truncatingIfNeeded: ids[0])), ipPool.touchStart(id: Int32(truncatingIfNeeded: ids[1])),
                asnPool.touchStart(id: Int32(truncatingIfNeeded: ids[2])), userAgentPool.touchStart(id: Int32(truncatingIfNeeded: ids[3])))
        }
        for k in 0..<positions.count {
            let at = starts[k]
            touched &+= apiKeyPool.touchByte(at: at[0]) &+ ipPool.touchByte(at: at[1])
            touched &+= asnPool.touchByte(at: at[2]) &+ userAgentPool.touchByte(at: at[3])
        }
        // The values, row by row, each checked first against the account's last context; for a
        // row whose tuple is not that context, its tuple's hash.
        let apiKeyCache = caches.apiKey, ipCache = caches.ip, asnCache = caches.asn, userAgentCache = caches.userAgent
        for j in positions {
            let row = rows[Int(order[j])]
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
        for k in 0..<positions.count { probes.append(hashes[k] == 0 ? -1 : Int(contexts.touch(hash: hashes[k]))) }
        for k in 0..<positions.count { touched &+= UInt64(UInt32(bitPattern: contexts.touchTuple(id: probes[k]))) }
        // Each row's context, in order (an earlier row of the group may have moved its account's
        // last context, so it is read again).
        for j in positions {
            let k = j - positions.lowerBound
            let i = Int(order[j])
            let account = rows[i].account
            let ids = tuples[k]
            let lastContext = memo.last(account)
            var context: Int32 = -1
            if lastContext >= 0 {
                let c = Int(lastContext)
                let last = SIMD8(contexts.apiKey[c], contexts.ip[c], contexts.asn[c], contexts.userAgent[c], contexts.model[c], 0, 0, 0)
                if ids == last { context = lastContext }
            }
            if context < 0 {
                let hash = hashes[k] != 0 ? hashes[k] : QueryContexts.hash(ids[0], ids[1], ids[2], ids[3], ids[4])
                context = contexts.intern(apiKey: ids[0], ip: ids[1], asn: ids[2], userAgent: ids[3], model: ids[4], hash: hash)
                memo.remember(account, context: context)
            }
            rowContexts[i] = context
        }
    }
}
