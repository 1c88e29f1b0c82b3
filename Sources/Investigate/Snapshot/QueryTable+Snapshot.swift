extension QueryTable {
    /// Writes the row columns, contexts, wide values and row tables. The prompt sketches are
    /// not kept (template families, found before any snapshot is written, freed them).
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        try out.put("q.seconds", column: seconds)
        try out.put("q.millis_flags", column: millisAndFlags)
        try out.put("q.context", column: context)
        try out.put("q.category", column: categoryCode)
        try out.put("q.tokens", column: tokens)
        try out.put("q.line", column: line)
        try out.put("q.file_line_start", fileLineStart)
        try out.put("q.account_start", accountStart)
        try out.put("q.ctx.api_key", buffer: contexts.apiKey)
        try out.put("q.ctx.ip", buffer: contexts.ip)
        try out.put("q.ctx.asn", buffer: contexts.asn)
        try out.put("q.ctx.user_agent", buffer: contexts.userAgent)
        try out.put("q.ctx.model", buffer: contexts.model)
        try out.put("q.wide.input.keys", Array(wide.input.keys))
        try out.put("q.wide.input.values", Array(wide.input.values))
        try out.put("q.wide.output.keys", Array(wide.output.keys))
        try out.put("q.wide.output.values", Array(wide.output.values))
        try out.put("q.wide.category.keys", Array(wide.category.keys))
        try out.put("q.wide.category.values", Array(wide.category.values))
        try out.put("q.wide.time.keys", Array(wide.time.keys))
        try out.put("q.wide.time.values", Array(wide.time.values))
    }

    /// Reads what `writeSnapshot` wrote and checks it; the query files are the ones found now.
    static func readSnapshot(_ input: SnapshotFileReader, pools: ValuePools, accounts: Int, files: SourceFiles) throws -> QueryTable {
        let table = QueryTable()
        table.seconds = try input.column("q.seconds", UInt32.self)
        let rows = table.seconds.count
        func column<T: SnapshotScalar>(_ name: String, _ type: T.Type) throws -> ChunkedColumn<T> {
            let values = try input.column(name, T.self)
            try SnapshotCheck.count(name, values.count, rows)
            return values
        }
        table.millisAndFlags = try column("q.millis_flags", UInt16.self)
        table.context = try column("q.context", Int32.self)
        table.categoryCode = try column("q.category", UInt16.self)
        table.tokens = try column("q.tokens", UInt32.self)
        table.line = try column("q.line", UInt32.self)
        table.files = files.queries.map(\.path)
        table.fileLineStart = try input.array("q.file_line_start", Int.self)
        try SnapshotCheck.count("q.file_line_start", table.fileLineStart.count, table.files.count + 1)
        try SnapshotCheck.starts("q.file_line_start", table.fileLineStart, end: table.fileLineStart.last ?? 0)
        let lines = table.fileLineStart.last ?? 0
        try SnapshotRawIO.forEachChunk(table.line) { values in
            for i in 0..<values.count where Int(values[i]) > lines { throw SnapshotDamage("section q.line: line out of range") }
        }
        table.accountStart = try input.array("q.account_start", Int.self)
        try SnapshotCheck.starts("q.account_start", table.accountStart, entries: accounts + 1, end: rows)

        let contexts = QueryContexts()
        let parts: [(String, GrowableBuffer<Int32>, StringPool)] = [
            ("api_key", contexts.apiKey, pools.apiKeys), ("ip", contexts.ip, pools.ips), ("asn", contexts.asn, pools.asns),
            ("user_agent", contexts.userAgent, pools.userAgents), ("model", contexts.model, pools.models),
        ]
        var contextCount: Int? = nil
        for (name, buffer, pool) in parts {
            let values = try input.array("q.ctx." + name, Int32.self)
            if let contextCount { try SnapshotCheck.count("q.ctx." + name, values.count, contextCount) }
            contextCount = values.count
            try SnapshotCheck.ids("q.ctx." + name, values, below: pool.count)
            SnapshotRawIO.append(values, to: buffer)
        }
        contexts.compactForReading()
        table.contexts = contexts
        try SnapshotCheck.ids("q.context", column: table.context, below: contexts.count, absent: false)

        let categories = pools.categories.count
        try SnapshotRawIO.forEachChunk(table.categoryCode) { codes in
            for i in 0..<codes.count where codes[i] != 0 && UInt32(codes[i]) != WideValues.escape && Int(codes[i]) - 1 >= categories {
                throw SnapshotDamage("section q.category: id out of range")
            }
        }
        var wide = WideValues()
        wide.input = try SnapshotCheck.pairs(
            "q.wide.input", try input.array("q.wide.input.keys", UInt64.self), try input.array("q.wide.input.values", UInt32.self))
        wide.output = try SnapshotCheck.pairs(
            "q.wide.output", try input.array("q.wide.output.keys", UInt64.self), try input.array("q.wide.output.values", UInt32.self))
        let wideCategories = try input.array("q.wide.category.values", Int32.self)
        try SnapshotCheck.ids("q.wide.category.values", wideCategories, below: categories)
        wide.category = try SnapshotCheck.pairs("q.wide.category", try input.array("q.wide.category.keys", UInt64.self), wideCategories)
        let wideTimes = try input.array("q.wide.time.values", Int64.self)
        for time in wideTimes where !Timestamp.representable.contains(time) { throw SnapshotDamage("section q.wide.time.values: out of range") }
        wide.time = try SnapshotCheck.pairs("q.wide.time", try input.array("q.wide.time.keys", UInt64.self), wideTimes)
        table.wide = wide
        return table
    }
}
