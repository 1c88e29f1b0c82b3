extension AccountFeatures {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        try out.put("features.prompted", streaming: prompted)
        try out.put("features.reasoning", streaming: reasoning)
        for (name, sums) in [("input", inputTokens), ("output", outputTokens)] {
            try out.put("features.\(name)_tokens.narrow", sums.narrow)
            try out.put("features.\(name)_tokens.wide_keys", Array(sums.wide.keys))
            try out.put("features.\(name)_tokens.wide_values", Array(sums.wide.values))
        }
        try out.put("features.hour_entropy", streaming: hourEntropy)
        try out.put("features.gap_variation", streaming: gapVariation)
        try out.put("features.hosting_share", streaming: hostingShare)
        try out.put("features.category_entropy", streaming: categoryEntropy)
    }

    /// Reads the measured columns (query counts and first and last times are read from `queries`).
    init(snapshot input: SnapshotFileReader, queries q: QueryTable, accounts n: Int) throws {
        func ints(_ name: String) throws -> [Int32] {
            let values = try input.array("features." + name, Int32.self)
            try SnapshotCheck.count("features." + name, values.count, n)
            return values
        }
        func floats(_ name: String) throws -> [Float] {
            let values = try input.array("features." + name, Float.self)
            try SnapshotCheck.count("features." + name, values.count, n)
            try SnapshotCheck.finite("features." + name, values)
            return values
        }
        func sums(_ name: String) throws -> AccountTokenSums {
            var sums = AccountTokenSums(count: 0)
            sums.narrow = try input.array("features.\(name)_tokens.narrow", UInt32.self)
            try SnapshotCheck.count("features.\(name)_tokens.narrow", sums.narrow.count, n)
            sums.wide = try SnapshotCheck.pairs(
                "features.\(name)_tokens.wide", try input.array("features.\(name)_tokens.wide_keys", Int.self),
                try input.array("features.\(name)_tokens.wide_values", Int64.self))
            return sums
        }
        queries = AccountQueryCounts(queries: q)
        firstQuery = AccountQueryTimes(queries: q, last: false)
        lastQuery = AccountQueryTimes(queries: q, last: true)
        prompted = AccountCounts(try ints("prompted"))
        reasoning = AccountCounts(try ints("reasoning"))
        inputTokens = try sums("input")
        outputTokens = try sums("output")
        hourEntropy = SparseFloats(try floats("hour_entropy"), absent: -1)
        gapVariation = SparseFloats(try floats("gap_variation"), absent: -1)
        hostingShare = SparseFloats(try floats("hosting_share"), absent: 0)
        categoryEntropy = SparseFloats(try floats("category_entropy"), absent: -1)
    }
}

extension PopulationBaseline {
    private var scalars: [Double] {
        [
            templateShare, reasoningShare, outputRatio, outputPerQuery, hourEntropy, hostingShare, categoryEntropy,
            creationSpanDays, accountAgeDays, weeklyConcentration, followUpShare, dailyConcentration, busyPrompts,
        ]
    }

    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        try out.put("population.scalars", scalars)
        try out.put("population.banned", streaming: bannedAccounts.lazy.map { UInt8($0 ? 1 : 0) })
        try out.put("population.invoice_instruments", invoiceInstruments.sorted())
        try out.put("population.output_lengths", outputLengths.percentiles)
        try out.put("population.category_shares", categoryShares)
        try out.put("population.category_queries", categoryQueries)
        try out.put("population.category_holder_queries", categoryHolderQueries)
    }

    init(snapshot input: SnapshotFileReader, accounts: Int, paymentValues: Int, categories: Int) throws {
        let scalars = try input.array("population.scalars", Double.self)
        try SnapshotCheck.count("population.scalars", scalars.count, 13)
        try SnapshotCheck.finite("population.scalars", scalars)
        (templateShare, reasoningShare, outputRatio, outputPerQuery, hourEntropy) = (scalars[0], scalars[1], scalars[2], scalars[3], scalars[4])
        (hostingShare, categoryEntropy, creationSpanDays, accountAgeDays, weeklyConcentration) = (scalars[5], scalars[6], scalars[7], scalars[8], scalars[9])
        (followUpShare, dailyConcentration, busyPrompts) = (scalars[10], scalars[11], scalars[12])
        let banned = try input.array("population.banned", UInt8.self)
        try SnapshotCheck.count("population.banned", banned.count, accounts)
        bannedAccounts = banned.map { $0 != 0 }
        bannedShare = Self.share(of: bannedAccounts)
        let invoices = try input.array("population.invoice_instruments", Int32.self)
        try SnapshotCheck.ids("population.invoice_instruments", invoices, below: paymentValues, absent: false)
        invoiceInstruments = Set(invoices)
        let lengths = try input.array("population.output_lengths", Double.self)
        if !lengths.isEmpty { try SnapshotCheck.count("population.output_lengths", lengths.count, 21) }
        try SnapshotCheck.finite("population.output_lengths", lengths)
        outputLengths = OutputLengths(percentiles: lengths)
        let shares = try input.array("population.category_shares", Double.self)
        try SnapshotCheck.count("population.category_shares", shares.count, categories)
        try SnapshotCheck.finite("population.category_shares", shares)
        categoryShares = shares
        for (key, column) in [("population.category_queries", \Self.categoryQueries), ("population.category_holder_queries", \Self.categoryHolderQueries)] {
            let counts = try input.array(key, Int.self)
            try SnapshotCheck.count(key, counts.count, categories)
            guard counts.allSatisfy({ $0 >= 0 }) else { throw SnapshotDamage("\(key): a negative count") }
            self[keyPath: column] = counts
        }
    }
}
