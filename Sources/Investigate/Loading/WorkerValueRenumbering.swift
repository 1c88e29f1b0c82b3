import Dispatch

/// Renumbers the values and contexts the loading workers interned into the global pools, so
/// that every id is the one a one-thread load gives: values and contexts are numbered in the
/// order of the first row (in file order) that uses them.
///
/// 1. `firstUses` walks the kept parts' rows in file order once (the shares of a slice
///    interleaved, `QueryRowInterleave`) and lists each worker context
///    and each worker category the first time a row uses it (a value's first row is always the
///    first row of a context holding it, so the contexts' order gives the values' order too);
/// 2. `renumberValues` interns the values of each kind into its global pool in that order (one
///    kind per job; only each worker's distinct values are hashed, never once per slice);
/// 3. `renumberContexts` interns the renumbered tuples into the table's contexts in that order.
struct WorkerValueRenumbering {
    /// The kept units' parts, in file order.
    let groups: [[ParallelQueryLoad.Part]]
    let workerValues: [ParallelQueryLoad.WorkerValues]
    /// The global pools.
    let pools: ValuePools

    /// Worker contexts and worker categories in the order of their first row: the worker in the
    /// high half, the id in the worker's contexts or category pool in the low half.
    struct FirstUses {
        var contexts: [UInt64] = []
        var categories: [UInt64] = []
    }

    /// The pools a query row refers to through its context, in the order of `QueryContexts`' tuple.
    static let contextKinds = 5
    /// The index of the categories' maps in `renumberValues`' result.
    static let categoryKind = 5

    /// Walks the rows of every kept part in file order (see the type's description).
    func firstUses() -> FirstUses {
        var uses = FirstUses()
        // One mark per worker context (and category), all workers' marks in one array.
        var contextBase: [Int] = [], categoryBase: [Int] = []
        var contextCount = 0, categoryCount = 0
        for values in workerValues {
            contextBase.append(contextCount)
            categoryBase.append(categoryCount)
            contextCount += values.contexts.count
            categoryCount += values.pools.categories.count
        }
        var contextSeen = [Bool](repeating: false, count: contextCount)
        var categorySeen = [Bool](repeating: false, count: categoryCount)
        for group in groups {
            let workers = group.map(\.worker), rows = group.map(\.rows)
            let contextBases = workers.map { contextBase[$0] }, categoryBases = workers.map { categoryBase[$0] }
            QueryRowInterleave.forEachRow(of: group) { part, row in
                let context = Int(rows[part].context[row])
                if !contextSeen[contextBases[part] + context] {
                    contextSeen[contextBases[part] + context] = true
                    uses.contexts.append(UInt64(workers[part]) << 32 | UInt64(context))
                }
                let code = rows[part].categoryCode[row]
                if code == 0 { return }
                let id = UInt32(code) == WideValues.escape ? Int(rows[part].wide.category[UInt64(row)]!) : Int(code) - 1
                if !categorySeen[categoryBases[part] + id] {
                    categorySeen[categoryBases[part] + id] = true
                    uses.categories.append(UInt64(workers[part]) << 32 | UInt64(id))
                }
            }
        }
        return uses
    }

    /// The global pool of a kind of `renumberValues`.
    private static func pool(_ kind: Int, of pools: ValuePools) -> StringPool {
        switch kind {
        case 0: return pools.apiKeys
        case 1: return pools.ips
        case 2: return pools.asns
        case 3: return pools.userAgents
        case 4: return pools.models
        default: return pools.categories
        }
    }

    /// The value id of `kind` in a worker's context `id`.
    private static func component(_ kind: Int, of contexts: QueryContexts, _ id: Int) -> Int32 {
        switch kind {
        case 0: return contexts.apiKey[id]
        case 1: return contexts.ip[id]
        case 2: return contexts.asn[id]
        case 3: return contexts.userAgent[id]
        default: return contexts.model[id]
        }
    }

    /// For each kind (`pool(_:of:)`), for each worker, the worker's value id -> global id (-1 for
    /// a value no kept row uses). One job per kind.
    func renumberValues(_ uses: FirstUses) -> [[[Int32]]] {
        let pools = self.pools, workerValues = self.workerValues
        return ParallelMap.run(Self.contextKinds + 1) { kind in
                let global = Self.pool(kind, of: pools)
                let locals = workerValues.map { Self.pool(kind, of: $0.pools) }
                var maps = locals.map { [Int32](repeating: -1, count: $0.count) }
                if kind == Self.categoryKind {
                    for use in uses.categories {
                        let worker = Int(use >> 32), id = Int32(truncatingIfNeeded: use)
                        maps[worker][Int(id)] = locals[worker].withSpan(id) { global.intern($0) }
                    }
                } else {
                    let contexts = workerValues.map(\.contexts)
                    for use in uses.contexts {
                        let worker = Int(use >> 32)
                        let local = Self.component(kind, of: contexts[worker], Int(UInt32(truncatingIfNeeded: use)))
                        if local >= 0 && maps[worker][Int(local)] < 0 {
                            maps[worker][Int(local)] = locals[worker].withSpan(local) { global.intern($0) }
                        }
                    }
                }
                return maps
        }
    }

    /// For each worker, the worker's context id -> the id in `global` (-1 for a context no kept
    /// row uses), interned in the order of first use.
    func renumberContexts(_ uses: FirstUses, valueMaps: [[[Int32]]], into global: QueryContexts) -> [[Int32]] {
        var maps = workerValues.map { [Int32](repeating: -1, count: $0.contexts.count) }
        let contexts = workerValues.map(\.contexts)
        // In batches: map and hash a batch's tuples and read their slots, then intern them in
        // order (ids as one by one; the reads of a batch overlap instead of waiting in turn).
        let batchSize = 32
        var tuples: [(worker: Int, id: Int, values: SIMD8<Int32>, hash: UInt64)] = []
        tuples.reserveCapacity(batchSize)
        var touched: Int32 = 0
        func internBatch() {
            for tuple in tuples {
                let v = tuple.values
                maps[tuple.worker][tuple.id] = global.intern(
                    apiKey: v[0], ip: v[1], asn: v[2], userAgent: v[3], model: v[4], hash: tuple.hash)
            }
            tuples.removeAll(keepingCapacity: true)
        }
        for use in uses.contexts {
            let worker = Int(use >> 32), id = Int(UInt32(truncatingIfNeeded: use))
            let local = contexts[worker]
            func map(_ kind: Int, _ value: Int32) -> Int32 { value < 0 ? -1 : valueMaps[kind][worker][Int(value)] }
            let values = SIMD8<Int32>(
                map(0, local.apiKey[id]), map(1, local.ip[id]), map(2, local.asn[id]), map(3, local.userAgent[id]),
                map(4, local.model[id]), 0, 0, 0)
            let hash = QueryContexts.hash(values[0], values[1], values[2], values[3], values[4])
            touched &+= global.touchTuple(hash: hash)
            tuples.append((worker, id, values, hash))
            if tuples.count == batchSize { internBatch() }
        }
        internBatch()
        StringPool.touchedSlots.bitwiseXor(UInt64(UInt32(bitPattern: touched)), ordering: .relaxed)
        return maps
    }
}
