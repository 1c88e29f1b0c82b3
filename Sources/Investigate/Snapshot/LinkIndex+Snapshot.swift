extension TemplateFamilies {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        let pairs = self.pairs()
        try out.put("tf.pair_accounts", pairs.accounts)
        try out.put("tf.pair_families", pairs.values)
        try out.put("tf.query_count", queryCount)
        try out.put("tf.names", strings: (0..<count).map { name(of: Int32($0)) })
        try out.put("tf.frames", frames.map { UInt8($0 ? 1 : 0) })
        try out.put("tf.top_share", streaming: topShare)
        try out.put("tf.family_share", streaming: familyShare)
        try out.put("pp.accounts", pairedPrompts.accounts)
        try out.put("pp.counts", pairedPrompts.counts)
        try out.put("pp.population_share", [pairedPrompts.populationShare])
    }

    static func readSnapshot(_ input: SnapshotFileReader, accounts: Int) throws -> TemplateFamilies {
        var pairs = LinkPairs.Pairs()
        pairs.accounts = try input.array("tf.pair_accounts", Int32.self)
        pairs.values = try input.array("tf.pair_families", Int32.self)
        let names = try input.strings("tf.names")
        let queryCount = try input.array("tf.query_count", Int.self)
        let frames = try input.array("tf.frames", UInt8.self)
        try SnapshotCheck.count("tf.frames", frames.count, names.count)
        guard frames.allSatisfy({ $0 <= 1 }) else { throw SnapshotDamage("section tf.frames: malformed") }
        let topShare = try input.array("tf.top_share", Float.self)
        let familyShare = try input.array("tf.family_share", Float.self)
        try SnapshotCheck.count("tf.pair_families", pairs.values.count, pairs.accounts.count)
        try SnapshotCheck.ids("tf.pair_accounts", pairs.accounts, below: accounts, absent: false)
        try SnapshotCheck.ids("tf.pair_families", pairs.values, below: names.count, absent: false)
        try SnapshotCheck.count("tf.query_count", queryCount.count, names.count)
        for (name, values) in [("tf.top_share", topShare), ("tf.family_share", familyShare)] {
            try SnapshotCheck.count(name, values.count, accounts)
            try SnapshotCheck.finite(name, values)
        }
        let pairedAccounts = try input.array("pp.accounts", Int32.self)
        let pairedCounts = try input.array("pp.counts", Int32.self)
        let pairedShare = try input.array("pp.population_share", Double.self)
        try SnapshotCheck.count("pp.counts", pairedCounts.count, pairedAccounts.count)
        try SnapshotCheck.ids("pp.accounts", pairedAccounts, below: accounts, absent: false)
        for i in pairedAccounts.indices.dropFirst() where pairedAccounts[i - 1] >= pairedAccounts[i] {
            throw SnapshotDamage("section pp.accounts: not ascending")
        }
        if pairedCounts.contains(where: { $0 <= 0 }) { throw SnapshotDamage("section pp.counts: a count below 1") }
        try SnapshotCheck.count("pp.population_share", pairedShare.count, 1)
        try SnapshotCheck.finite("pp.population_share", pairedShare)
        guard (0...1).contains(pairedShare[0]) else { throw SnapshotDamage("section pp.population_share: out of range") }
        let families = TemplateFamilies(
            restoring: pairs, queryCount: queryCount, names: names, frames: frames.map { $0 == 1 }, topShare: topShare, familyShare: familyShare)
        families.pairedPrompts = PairedPrompts(restoring: pairedAccounts, counts: pairedCounts, populationShare: pairedShare[0])
        return families
    }
}

extension CompactRows {
    func writeSnapshot(_ out: SnapshotFileWriter, _ name: String) throws {
        try out.put(name + ".sparse", [UInt8(sparse ? 1 : 0)])
        try out.put(name + ".head", head)
        try out.put(name + ".row_keys", rowKeys)
        try out.put(name + ".row_start", rowStart)
        try out.put(name + ".row_items", rowItems)
    }

    /// Rows for keys `0..<keys` holding items in `0..<items`, checked: every head and overflow
    /// reference in range, row tables from 0 never decreasing, each row strictly ascending.
    init(snapshot input: SnapshotFileReader, _ name: String, keys: Int, items: Int) throws {
        let flag = try input.array(name + ".sparse", UInt8.self)
        guard flag.count == 1, flag[0] <= 1 else { throw SnapshotDamage("section \(name).sparse: malformed") }
        sparse = flag[0] == 1
        head = try input.array(name + ".head", Int32.self)
        rowKeys = try input.array(name + ".row_keys", Int32.self)
        rowStart = try input.array(name + ".row_start", Int32.self)
        rowItems = try input.array(name + ".row_items", Int32.self)
        try SnapshotCheck.starts(name + ".row_start", rowStart, end: rowItems.count)
        try SnapshotCheck.ids(name + ".row_items", rowItems, below: items, absent: false)
        let rows = rowStart.count - 1
        for row in 0..<rows {
            let lower = Int(rowStart[row]) + 1, upper = Int(rowStart[row + 1])
            if lower < upper {
                for i in lower..<upper where rowItems[i - 1] >= rowItems[i] { throw SnapshotDamage("section \(name).row_items: row not ascending") }
            }
        }
        if sparse {
            try SnapshotCheck.count(name + ".head", head.count, 0)
            try SnapshotCheck.count(name + ".row_keys", rowKeys.count, rows)
            try SnapshotCheck.ids(name + ".row_keys", rowKeys, below: keys, absent: false)
            for i in rowKeys.indices.dropFirst() where rowKeys[i - 1] >= rowKeys[i] {
                throw SnapshotDamage("section \(name).row_keys: not ascending")
            }
        } else {
            try SnapshotCheck.count(name + ".head", head.count, keys)
            try SnapshotCheck.count(name + ".row_keys", rowKeys.count, 0)
            for h in head where h >= Int32(clamping: items) || (h <= -2 && Int(-2 - h) >= rows) {
                throw SnapshotDamage("section \(name).head: reference out of range")
            }
        }
    }
}

extension LinkIndex {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        for (kind, adjacency) in zip(LinkKind.allCases, byKind) {
            try adjacency.accountValues.writeSnapshot(out, "link.\(kind.rawValue).by_account")
            try adjacency.valueAccounts.writeSnapshot(out, "link.\(kind.rawValue).by_value")
        }
    }

    /// Reads an index over `data` and `families` (already read and checked).
    static func readSnapshot(_ input: SnapshotFileReader, data: CaseData, families: TemplateFamilies) throws -> LinkIndex {
        var byKind: [Adjacency] = []
        let accounts = data.accountCount
        for kind in LinkKind.allCases {
            let values: Int =
                switch kind {
                case .upstream: data.upstream.count
                case .template: families.count
                default: data.pools.pool(for: kind)!.count
                }
            byKind.append(
                Adjacency(
                    accountValues: try CompactRows(snapshot: input, "link.\(kind.rawValue).by_account", keys: accounts, items: values),
                    valueAccounts: try CompactRows(snapshot: input, "link.\(kind.rawValue).by_value", keys: values, items: accounts)))
        }
        return LinkIndex(restoring: data, families: families, byKind: byKind)
    }
}

extension Adjacency {
    init(accountValues: CompactRows, valueAccounts: CompactRows) {
        self.accountValues = accountValues
        self.valueAccounts = valueAccounts
    }
}

extension EvidenceWeights {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        try out.put("weights.accounts", [accounts])
        try out.put("weights.sharing_share", sharingShare)
        try out.put("weights.threshold", [threshold])
        try out.put("weights.median_held", medianHeld)
        try out.put("weights.country_size", local.countrySize)
        for kind in LinkKind.allCases where EvidenceWeights.isOrigin(kind) {
            try out.put("weights.local.\(kind.rawValue)", local.valueCountry[kind.position])
        }
        try out.put("weights.server_pools", servers.poolOfIP)
    }

    init(snapshot input: SnapshotFileReader, accounts: Int, index: LinkIndex) throws {
        let stored = try input.array("weights.accounts", Int.self)
        guard stored == [accounts] else { throw SnapshotDamage("section weights.accounts: does not match the accounts") }
        self.accounts = accounts
        sharingShare = try input.array("weights.sharing_share", Double.self)
        try SnapshotCheck.count("weights.sharing_share", sharingShare.count, LinkKind.allCases.count)
        // A share is at most 1; the model mix's is scaled by accounts / holders (`EvidenceWeights`).
        try SnapshotCheck.finite("weights.sharing_share", sharingShare, in: 0...Double(max(accounts, 1)))
        let threshold = try input.array("weights.threshold", Double.self)
        try SnapshotCheck.count("weights.threshold", threshold.count, 1)
        try SnapshotCheck.finite("weights.threshold", threshold)
        self.threshold = threshold[0]
        medianHeld = try input.array("weights.median_held", Double.self)
        try SnapshotCheck.count("weights.median_held", medianHeld.count, LinkKind.allCases.count)
        try SnapshotCheck.finite("weights.median_held", medianHeld, in: 0...Double(Int32.max))
        let labels = index.data.pools.labels.count
        let sizes = try input.array("weights.country_size", Int32.self)
        try SnapshotCheck.count("weights.country_size", sizes.count, sizes.isEmpty ? 0 : labels)
        guard sizes.allSatisfy({ $0 >= 0 && Int($0) <= accounts }) else {
            throw SnapshotDamage("section weights.country_size: a size out of range")
        }
        var perKind: [[Int32]] = []
        for kind in LinkKind.allCases {
            guard EvidenceWeights.isOrigin(kind) else { perKind.append([]); continue }
            let countries = try input.array("weights.local.\(kind.rawValue)", Int32.self)
            if !countries.isEmpty { try SnapshotCheck.count("weights.local.\(kind.rawValue)", countries.count, index.valueCount(kind)) }
            guard countries.allSatisfy({ $0 >= -1 && Int($0) < sizes.count }) else {
                throw SnapshotDamage("section weights.local.\(kind.rawValue): a country out of range")
            }
            perKind.append(countries)
        }
        local = LocalScope(valueCountry: perKind, countrySize: sizes)
        // Read, not worked out again: at 10M queries the pools take a share of the one-second open.
        let pools = try input.array("weights.server_pools", Int32.self)
        if !pools.isEmpty { try SnapshotCheck.count("weights.server_pools", pools.count, index.valueCount(.ip)) }
        guard pools.allSatisfy({ $0 >= -1 && Int($0) < pools.count }) else {
            throw SnapshotDamage("section weights.server_pools: a pool out of range")
        }
        servers = ServerPools(stored: pools)
    }
}

extension CoActivity {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        try out.put("coactivity.window", [window])
        try out.put("coactivity.cumulative", cumulative)
    }

    /// Reads the burst counts; the origin and bucket width are worked out from `queries` again
    /// (as the build does), and the counts must have the length they imply.
    static func readSnapshot(_ input: SnapshotFileReader, queries: QueryTable) throws -> CoActivity {
        let window = try input.array("coactivity.window", Int64.self)
        guard window.count == 1, (0...3600_000).contains(window[0]), window[0] % 1000 == 0 else {
            throw SnapshotDamage("section coactivity.window: malformed")
        }
        let cumulative = try input.array("coactivity.cumulative", UInt32.self)
        // The window and layout are worked out as the build does (`CoActivity.layout`).
        let activity = ActivityWindow(queries: queries)
        let (origin, bucket, buckets) = CoActivity.layout(activity)
        try SnapshotCheck.count("coactivity.cumulative", cumulative.count, buckets + 1)
        return CoActivity(
            restoring: queries, window: window[0] / 1000, activity: activity, base: origin, bucketSeconds: bucket,
            cumulative: cumulative)
    }
}
