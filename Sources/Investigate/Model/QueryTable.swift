/// The query history in columns, built for tens of millions of rows.
///
/// Each row stores what the engine needs (about 45 bytes); the per-request strings that repeat
/// within an account (API key, IP, ASN, client, model) are one interned *context* id. The prompt
/// is kept as a sketch and flags; the full row (prompt, extra keys) is re-read from its file
/// through `location` when an investigator asks for it.
public final class QueryTable: @unchecked Sendable {
    /// Request time, epoch milliseconds.
    public let timestamp = ChunkedColumn<Int64>()
    /// Account index.
    public let account = ChunkedColumn<Int32>()
    /// Context id (`contexts`).
    public let context = ChunkedColumn<Int32>()
    /// Category id, or -1.
    public let category = ChunkedColumn<Int32>()
    /// Input tokens (0 when absent).
    public let inputTokens = ChunkedColumn<UInt32>()
    /// Output tokens (0 when absent).
    public let outputTokens = ChunkedColumn<UInt32>()
    /// Prompt sketch (`PromptDigest`), 0 when there is no prompt.
    public let promptSketch = ChunkedColumn<UInt64>()
    /// Prompt flags (`PromptDigest.Flags`).
    public let promptFlags = ChunkedColumn<UInt8>()
    /// File index (high 16 bits) and byte offset of the row in its decompressed stream.
    public let location = ChunkedColumn<UInt64>()
    /// The distinct (key, ip, asn, client, model) tuples.
    public let contexts = QueryContexts()
    /// The query files, indexed by the high bits of `location`.
    public internal(set) var files: [String] = []

    /// Rows ordered by (account, time) once the load finishes.
    public let orderByAccount = ChunkedColumn<Int32>()
    /// For account `a`, its rows are `orderByAccount[accountStart[a]..<accountStart[a+1]]`.
    public internal(set) var accountStart: [Int] = [0]

    /// Creates an empty table.
    public init() {}

    /// The number of rows.
    public var count: Int { timestamp.count }

    /// The row indices of an account, oldest first.
    public func rows(of account: Int) -> [Int] {
        guard account + 1 < accountStart.count else { return [] }
        return (accountStart[account]..<accountStart[account + 1]).map { Int(orderByAccount[$0]) }
    }

    /// The number of queries an account made.
    public func queryCount(of account: Int) -> Int {
        guard account + 1 < accountStart.count else { return 0 }
        return accountStart[account + 1] - accountStart[account]
    }

    /// Appends one row.
    @inline(__always)
    func append(
        timestamp ts: Int64, account a: Int32, context c: Int32, category cat: Int32,
        inputTokens input: UInt32, outputTokens output: UInt32, sketch: UInt64, flags: UInt8, location loc: UInt64
    ) {
        timestamp.append(ts)
        account.append(a)
        context.append(c)
        category.append(cat)
        inputTokens.append(input)
        outputTokens.append(output)
        promptSketch.append(sketch)
        promptFlags.append(flags)
        location.append(loc)
    }

    /// Sorts the rows of each account by time (a stable counting sort by account, then a
    /// per-account sort only where the file was not already in time order).
    func buildAccountOrder(accountCount: Int) {
        var starts = [Int](repeating: 0, count: accountCount + 1)
        for row in 0..<count { starts[Int(account[row]) + 1] += 1 }
        for a in 0..<accountCount { starts[a + 1] += starts[a] }
        var cursor = starts
        for _ in 0..<count { orderByAccount.append(0) }
        for row in 0..<count {
            let a = Int(account[row])
            orderByAccount[cursor[a]] = Int32(row)
            cursor[a] += 1
        }
        for a in 0..<accountCount where starts[a + 1] - starts[a] > 1 {
            var sorted = true
            var previous = Int64.min
            for i in starts[a]..<starts[a + 1] {
                let ts = timestamp[Int(orderByAccount[i])]
                if ts < previous { sorted = false; break }
                previous = ts
            }
            if sorted { continue }
            var rows = (starts[a]..<starts[a + 1]).map { orderByAccount[$0] }
            rows.sort { (timestamp[Int($0)], $0) < (timestamp[Int($1)], $1) }
            for (offset, row) in rows.enumerated() { orderByAccount[starts[a] + offset] = row }
        }
        accountStart = starts
    }

    /// Heap bytes held by the row columns and contexts.
    public var memoryFootprint: Int {
        timestamp.memoryFootprint + account.memoryFootprint + context.memoryFootprint + category.memoryFootprint
            + inputTokens.memoryFootprint + outputTokens.memoryFootprint + promptSketch.memoryFootprint
            + promptFlags.memoryFootprint + location.memoryFootprint + orderByAccount.memoryFootprint
            + contexts.memoryFootprint
    }
}

/// Interned (API key, IP, ASN, client, model) tuples: one id per distinct combination.
public final class QueryContexts: @unchecked Sendable {
    /// API key id or -1.
    public private(set) var apiKey: [Int32] = []
    /// IP id or -1.
    public private(set) var ip: [Int32] = []
    /// ASN id or -1.
    public private(set) var asn: [Int32] = []
    /// Client string id or -1.
    public private(set) var userAgent: [Int32] = []
    /// Model id or -1.
    public private(set) var model: [Int32] = []
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    /// Creates an empty context table.
    public init() {}

    /// The number of distinct contexts.
    public var count: Int { apiKey.count }

    /// The id of a tuple, adding it when new.
    @inline(__always)
    func intern(apiKey k: Int32, ip i: Int32, asn s: Int32, userAgent u: Int32, model m: Int32) -> Int32 {
        let hash = Self.hash(k, i, s, u, m)
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
        if count * 2 > slots.count { rehash() }
        return id
    }

    @inline(__always)
    private static func hash(_ k: Int32, _ i: Int32, _ s: Int32, _ u: Int32, _ m: Int32) -> UInt64 {
        var h = ByteHash.mix(UInt64(UInt32(bitPattern: k)) | UInt64(UInt32(bitPattern: i)) << 32)
        h = ByteHash.mix(h ^ (UInt64(UInt32(bitPattern: s)) | UInt64(UInt32(bitPattern: u)) << 32))
        return ByteHash.mix(h ^ UInt64(UInt32(bitPattern: m)))
    }

    private func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for j in 0..<count {
            let hash = Self.hash(apiKey[j], ip[j], asn[j], userAgent[j], model[j])
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(j)
        }
    }

    /// Heap bytes held.
    public var memoryFootprint: Int { count * 20 + slots.count * 4 }
}
