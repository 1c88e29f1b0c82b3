/// Population figures every signal compares a cluster against.
public struct PopulationBaseline: Sendable {
    /// Mean share of an account's prompts in its template families (accounts with prompts).
    public var templateShare = 0.0
    /// Mean share of an account's prompts asking for reasoning (accounts with prompts): each
    /// account weighs one, so a ring's heavy volume does not raise the bar another ring is
    /// read against (blind source 16a: 26% of all its prompts, 8% for the mean account).
    public var reasoningShare = 0.0
    /// The prompts a busy account sends: the 90th percentile of prompts per account, over accounts
    /// with prompts (the bar for a linked group's reasoning volume, `ReasoningElicitationSignal`).
    public var busyPrompts = 0.0
    /// The median account's output tokens over its input tokens, over the accounts with both:
    /// each account weighs one, so no account moves the bar the others are read against (a
    /// trial's one row of 1 token in and 4e9 out raised the pooled ratio from 4.3x to 470x,
    /// and every ring's harvest credit fell to 0; one heavy user moved it to 11.3x).
    public var outputRatio = 1.0
    /// Output tokens per query, all queries.
    public var outputPerQuery = 0.0
    /// Accounts' output tokens per query, by percentile (the bars for "long" and "tiny" answers).
    public var outputLengths = OutputLengths(perAccount: [])
    /// Median hour-of-day entropy of accounts with enough queries.
    public var hourEntropy = 0.7
    /// Share of all queries from hosting ASNs.
    public var hostingShare = 0.0
    /// Median spread over the categories of accounts with enough labelled queries
    /// (`CategorySpread`), -1 when none has.
    public var categoryEntropy = 0.5
    /// Each category's share of all labelled queries, by category id (`OneSubjectSignal`).
    public var categoryShares: [Double] = []
    /// Each category's labelled queries, by category id.
    public internal(set) var categoryQueries: [Int] = []
    /// For each category, the labelled queries of the accounts that send at least one query in
    /// it (its *holders*): `categoryQueries[c]` over this is how much of their traffic the
    /// category's own users give it (`CategoryHolders`).
    public internal(set) var categoryHolderQueries: [Int] = []
    /// Days between the first and last account creation.
    public var creationSpanDays = 1.0
    /// Median age (days) of accounts at their first query.
    public var accountAgeDays = 0.0
    /// Share of all queries in the two busiest hours of the week.
    public var weeklyConcentration = 0.0
    /// Share of all queries in the busiest 20 minutes of the day (`DailyScheduleSignal`).
    public var dailyConcentration = 0.0
    /// Share of the gaps after a reasoning prompt that end in a human follow-up
    /// (`HumanFollowUps`), pooled over the population; 0 when too few to say.
    public var followUpShare = 0.0
    /// Accounts whose status is banned or suspended.
    public var bannedAccounts: [Bool] = []
    /// The share of accounts banned or suspended (the chance that a stranger is).
    public internal(set) var bannedShare = 0.0
    /// Cards, keys and client strings some banned or suspended account holds, by kind position
    /// (so recidivism reads a value's holders only when one of them is banned).
    public internal(set) var bannedHeld: [Set<Int32>] = LinkKind.allCases.map { _ in [] }
    /// The networks accounts send from against their query counts (`AddressRotationSignal`);
    /// worked out from the link index, again when a snapshot is restored.
    public internal(set) var addressSpread = AddressSpread()

    /// Fills `bannedHeld` from `bannedAccounts`.
    /// - Complexity: O(banned accounts × their values of the three kinds).
    mutating func measureBannedHeld(index: LinkIndex) {
        var held = LinkKind.allCases.map { _ in Set<Int32>() }
        for (account, isBanned) in bannedAccounts.enumerated() where isBanned {
            for kind in RecidivismSignal.kinds { held[kind.position].formUnion(index.values(of: account, kind: kind)) }
        }
        bannedHeld = held
    }

    /// The share of `true` in `flags`.
    static func share(of flags: [Bool]) -> Double {
        flags.isEmpty ? 0 : Double(flags.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(flags.count)
    }
    /// Payment fingerprints recorded as invoices (shared by an organisation's staff by design).
    public var invoiceInstruments: Set<Int32> = []

    /// Computes the baseline. Each median is taken over a column of exactly the values it
    /// needs, sorted in place and freed before the next (at 10M queries the columns of all
    /// accounts, grown by doubling and sorted into copies, held about 59 MiB at once).
    public init(features: AccountFeatures, index: LinkIndex) {
        let data = index.data
        let n = data.accountCount
        var shareSum = 0.0, shareCount = 0
        var reasoningSum = 0.0, output: Int64 = 0, queries = 0
        var ratios: [Double] = []
        // Sized first: grown by doubling, the column and its next copy held three times its size.
        ratios.reserveCapacity((0..<n).reduce(0) { $0 + (features.inputTokens[$1] > 0 && features.outputTokens[$1] > 0 ? 1 : 0) })
        var hosting = 0.0
        var hourCount = 0
        for a in 0..<n {
            if features.prompted[a] > 0 {
                shareSum += Double(index.families.familyShare[a])
                reasoningSum += Double(features.reasoning[a]) / Double(features.prompted[a])
                shareCount += 1
            }
            let (accountInput, accountOutput) = (features.inputTokens[a], features.outputTokens[a])
            if accountInput > 0 && accountOutput > 0 { ratios.append(Double(accountOutput) / Double(accountInput)) }
            output += accountOutput
            queries += Int(features.queries[a])
            hosting += Double(features.hostingShare[a]) * Double(features.queries[a])
            if features.hourEntropy[a] >= 0 { hourCount += 1 }
        }
        busyPrompts = Self.busyPrompts(features.prompted, accounts: n, withPrompts: shareCount)
        templateShare = shareCount > 0 ? shareSum / Double(shareCount) : 0
        reasoningShare = shareCount > 0 ? reasoningSum / Double(shareCount) : 0
        outputRatio = ratios.isEmpty ? 1 : Statistics.median(sortingInPlace: &ratios)
        ratios = []
        outputPerQuery = queries > 0 ? Double(output) / Double(queries) : 0
        outputLengths = OutputLengths(features: features)
        hostingShare = queries > 0 ? hosting / Double(queries) : 0
        if hourCount > 0 { hourEntropy = Self.median(of: features.hourEntropy, count: hourCount) }
        categoryEntropy = CategorySpread.populationMedian(data.queries, accounts: n, categories: data.pools.categories.count)
        accountAgeDays = Self.medianAge(data: data, features: features)
        var slots = [Int](repeating: 0, count: 168)
        var daySlots = [Int](repeating: 0, count: DailyScheduleSignal.slotsPerDay)
        let q = data.queries
        var categoryCounts = [Int](repeating: 0, count: data.pools.categories.count)
        for row in 0..<q.count {
            let time = q.timestamp(row)
            slots[RegularHoursSignal.slot(time)] += 1
            daySlots[DailyScheduleSignal.slot(time)] += 1
            let c = Int(q.category(row))
            if c >= 0 && c < categoryCounts.count { categoryCounts[c] += 1 }
        }
        weeklyConcentration = RegularHoursSignal.topShare(slots)
        dailyConcentration = DailyScheduleSignal.topShare(daySlots)
        followUpShare = HumanFollowUps.populationShare(q, accounts: n)
        let labelled = categoryCounts.reduce(0, +)
        categoryShares = categoryCounts.map { labelled > 0 ? Double($0) / Double(labelled) : 0 }
        categoryQueries = categoryCounts
        categoryHolderQueries = CategoryHolders.labelledQueries(queries: q, accounts: n, categories: categoryCounts.count)
        var first = Int64.max, last = Int64.min
        for created in data.accounts.createdAt where created != .min {
            first = min(first, created)
            last = max(last, created)
        }
        if first <= last { creationSpanDays = max(1, Double(last - first) / 86_400_000) }
        for row in 0..<data.payments.count where data.label(data.payments.kind[row]) == "invoice" {
            invoiceInstruments.insert(data.payments.fingerprint[row])
        }
        // Each status label is read once, not once per account.
        let bannedStatus = (0..<data.pools.labels.count).map { id in
            let status = data.label(Int32(id)) ?? ""
            return status == "banned" || status == "suspended"
        }
        bannedAccounts = (0..<n).map { a in
            let status = Int(data.accounts.status[a])
            return status >= 0 && status < bannedStatus.count && bannedStatus[status]
        }
        bannedShare = Self.share(of: bannedAccounts)
        measureBannedHeld(index: index)
        addressSpread = AddressSpread(queries: features.queries, index: index)
    }

    /// The median of the `count` values of `column` that are 0 or more (a measured feature; -1
    /// is "not measured"), as `Statistics.median` of them as doubles: a float column sorts in
    /// the same order as its exact doubles, at half the size.
    static func median<Column: Collection<Float>>(of column: Column, count: Int) -> Double {
        var values: [Float] = []
        values.reserveCapacity(count)
        for value in column where value >= 0 { values.append(value) }
        values.sort()
        let mid = values.count / 2
        return values.count % 2 == 1 ? Double(values[mid]) : (Double(values[mid - 1]) + Double(values[mid])) / 2
    }

    /// The 90th percentile of prompts per account over the `withPrompts` accounts that have any
    /// (the busiest tenth of them send at least this many; a design share, not fitted), 0 when none.
    static func busyPrompts(_ prompted: AccountCounts, accounts: Int, withPrompts: Int) -> Double {
        guard withPrompts > 0 else { return 0 }
        var counts: [Int32] = []
        counts.reserveCapacity(withPrompts)
        for a in 0..<accounts where prompted[a] > 0 { counts.append(prompted[a]) }
        counts.sort()
        return Double(counts[(counts.count - 1) * 9 / 10])
    }

    /// The median age (days) of accounts at their first query, over accounts with both times.
    static func medianAge(data: CaseData, features: AccountFeatures) -> Double {
        var count = 0
        for a in 0..<data.accountCount where data.accounts.createdAt[a] != .min && features.firstQuery[a] != .min { count += 1 }
        var ages: [Double] = []
        ages.reserveCapacity(count)
        for a in 0..<data.accountCount {
            let created = data.accounts.createdAt[a], first = features.firstQuery[a]
            if created != .min && first != .min { ages.append(max(0, Double(first - created) / 86_400_000)) }
        }
        return Statistics.median(sortingInPlace: &ages)
    }
}
