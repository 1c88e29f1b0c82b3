#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much evidence one shared value is, measured on the loaded population (Fellegi-Sunter
/// match weights with term-frequency u-probabilities, as Splink estimates them).
///
/// For a value of kind `k` held by `n` of the `N` accounts, the u-probability (that an unrelated
/// account holds it too) is `u = q_k · n / N`, where `q_k` is the share of all accounts that
/// hold any value of the kind another account also holds: a kind most accounts keep to
/// themselves (cards, API keys, home IPs, template families, organisations) makes any sharing
/// rarer than its frequency alone says, a kind everyone shares (client strings, ASNs,
/// free-mail domains) does not. The weight is
/// `log2(1 / u)` bits (m taken as 1). Two accounts are linked when the evidence of everything
/// they share reaches `threshold = log2(N) + 1` bits: fewer than one account in the population
/// in two would share that much by chance. No constant here is fitted to a generator.
///
/// An account holding many values of a kind strangers share (a mobile user across carriers, a
/// proxy rotating through residential ISPs) meets any other account on some of them by chance:
/// the u-probability grows with how many each of the two holds against the kind's typical
/// (median) holder's count (`spreadBits`), so two such accounts sharing five common ASNs is not
/// evidence.
///
/// A value of an origin kind local to one country (a national ISP) is read against that
/// country's accounts when both accounts are of it (`LocalScope`).
public struct EvidenceWeights: Sendable {
    /// Accounts in the population (`N`).
    public let accounts: Int
    /// `q_k` per kind (position in `LinkKind.allCases`); for the model mix, measured among the
    /// accounts that have one, and for questions among the accounts that ask for reasoning,
    /// each scaled so that `u` is too (see `init(index:)`).
    public let sharingShare: [Double]
    /// Bits a pair's evidence must reach to link.
    public let threshold: Double
    /// How many values of a kind its typical (median) holder holds, per kind position.
    public let medianHeld: [Double]
    /// The country each origin value is local to.
    public let local: LocalScope
    /// Datacenter IPs the same accounts hold together (`ServerPools`): not capped at half a link.
    public let servers: ServerPools

    /// Measures `q_k` of every kind on the index.
    /// - Complexity: O(distinct (account, value) pairs).
    public init(index: LinkIndex) {
        let n = index.data.accountCount
        accounts = n
        var shares: [Double] = []
        var medians: [Double] = []
        // One column of counts for every kind in turn, sized once (grown by doubling and sorted
        // into a copy, a column of doubles rose about 30 MiB at 10M queries, beside the features).
        var heldCounts: [Int32] = []
        heldCounts.reserveCapacity(n)
        for kind in LinkKind.allCases {
            var sharers = 0, holders = 0
            heldCounts.removeAll(keepingCapacity: true)
            for account in 0..<n {
                let values = index.values(of: account, kind: kind)
                if !values.isEmpty {
                    holders += 1
                    heldCounts.append(Int32(clamping: index.heldCount(values, kind: kind)))
                }
                if values.contains(where: { index.shareCount(kind, value: $0) >= 2 }) { sharers += 1 }
            }
            if kind == .question {
                // Only an account that asks for reasoning can share a question (`SharedQuestions`
                // reads those prompts): sharing is read among them, as a mix is among accounts
                // with one, or a question many of them send would look rare where most accounts
                // never ask for reasoning.
                let asking = Double(max(Self.askingAccounts(index.data.queries, accounts: n), 1))
                shares.append(max(Double(sharers), 1) / asking * (Double(n) / asking))
            } else if kind == .modelMix && holders > 0 {
                // Only accounts with enough queries have a mix: its frequency is among them
                // (u = sharers/holders · n/holders), or a mix every account uses would look
                // rare where most accounts sent too few queries to have one.
                let h = Double(holders)
                shares.append(max(Double(sharers), 1) / h * (Double(n) / h))
            } else {
                shares.append(n == 0 ? 1 : max(Double(sharers), 1) / Double(n))
            }
            medians.append(Self.median(sortingInPlace: &heldCounts))
        }
        // A client family is read from client strings, and strangers share a client product as
        // they share client strings: its q is the clients'. (Its own would be tiny, as most
        // accounts hold no family, and would square a popular per-install product's frequency:
        // a trial's 40 strangers on one such tool linked with a common template beside it.)
        shares[LinkKind.clientFamily.position] = shares[LinkKind.userAgent.position]
        sharingShare = shares
        medianHeld = medians
        local = LocalScope(index: index)
        threshold = log2(Double(max(n, 2))) + 1
        servers = ServerPools(index: index, ipShare: shares[LinkKind.ip.position], accounts: n, threshold: threshold)
    }

    /// The median of counts (0 when none), as `Statistics.median` of them as doubles.
    static func median(sortingInPlace counts: inout [Int32]) -> Double {
        guard !counts.isEmpty else { return 0 }
        counts.sort()
        let mid = counts.count / 2
        return counts.count % 2 == 1 ? Double(counts[mid]) : (Double(counts[mid - 1]) + Double(counts[mid])) / 2
    }

    /// Accounts with at least one prompt asking for reasoning.
    static func askingAccounts(_ queries: QueryTable, accounts: Int) -> Int {
        var count = 0
        for account in 0..<accounts {
            if queries.rows(of: account).contains(where: { queries.promptFlags($0) & PromptDigest.Flags.reasoning != 0 }) { count += 1 }
        }
        return count
    }

    /// A model with given figures (for tests); a kind without a typical count discounts nothing.
    public init(accounts: Int, sharingShare: [LinkKind: Double], medianHeld: [LinkKind: Double] = [:]) {
        self.accounts = accounts
        self.sharingShare = LinkKind.allCases.map { sharingShare[$0] ?? 1 }
        self.medianHeld = LinkKind.allCases.map { medianHeld[$0] ?? 0 }
        local = .none
        servers = .none
        threshold = log2(Double(max(accounts, 2))) + 1
    }

    /// `q_k` of a kind.
    public func share(_ kind: LinkKind) -> Double { sharingShare[kind.position] }

    /// The u-probability of a value of `kind` held by `n` accounts, among `scope` accounts (the
    /// population unless the value is local to the pair's country).
    public func u(_ kind: LinkKind, sharedBy n: Int, within scope: Int? = nil) -> Double {
        min(1, share(kind) * Double(max(n, 1)) / Double(max(scope ?? accounts, 1)))
    }

    /// The evidence (bits, >= 0) that two accounts sharing a value of `kind` held by `n`
    /// accounts are related (among `scope` accounts: see `u`).
    public func weight(_ kind: LinkKind, sharedBy n: Int, within scope: Int? = nil) -> Double {
        guard n >= 2 else { return 0 }
        return max(0, -log2(u(kind, sharedBy: n, within: scope)))
    }

    /// The scope of a value two accounts share: its country's accounts when it is local to the
    /// country both are of, else nil (the population).
    public func scope(_ kind: LinkKind, value: Int32, _ a: Int, _ b: Int, countries: [Int32]) -> Int? {
        EvidenceWeights.isOrigin(kind) ? local.scope(kind, value: value, a, b, countries: countries) : nil
    }

    /// Bits taken off each shared value of `kind` for a pair holding `heldA` and `heldB` values
    /// of it: `log2` of how many times more likely than for two typical holders a chance meeting
    /// is (each side's count over the kind's typical holder's, when above it). None for
    /// identifiers (a card is issued to one operator however many cards it holds) or where no
    /// typical count is known.
    public func spreadBits(_ kind: LinkKind, heldA: Int, heldB: Int) -> Double {
        let typical = medianHeld[kind.position]
        guard typical > 0, !EvidenceWeights.isIdentifier(kind) else { return 0 }
        return log2(max(1, Double(heldA) / typical)) + log2(max(1, Double(heldB) / typical))
    }

    /// Kinds issued to one account or one operator (payment instruments, API keys, organisation
    /// ids, upstream links). Every other kind (network addresses, mail domains, clients,
    /// templates) is shared by strangers by nature: one such value never links on its own.
    public static func isIdentifier(_ kind: LinkKind) -> Bool {
        kind == .payment || kind == .apiKey || kind == .org || kind == .upstream
    }

    /// Kinds that say where an account comes from: an IP sits in a subnet in an ASN, and an
    /// institution's mail domain goes with its network. They count as one piece of evidence.
    public static func isOrigin(_ kind: LinkKind) -> Bool {
        kind == .ip || kind == .subnet || kind == .asn || kind == .emailDomain
    }

    /// Distinct questions two accounts must share before their questions count (design: the
    /// second: strangers meet on one popular question, seldom on two rare ones).
    public static let questionsNeeded = 2

    /// What a value's `bits` may add to a pair: all of it for an identifier, at most half a link
    /// for a kind strangers share, so that it takes two kinds of evidence together.
    public func counted(_ kind: LinkKind, bits: Double) -> Double {
        EvidenceWeights.isIdentifier(kind) ? bits : min(bits, threshold / 2)
    }

    /// The server pool of each IP two accounts share, when they share two or more IPs of it
    /// (`ServerPools`): those IPs are exempt from the kind's half a link in all. Nil when none is.
    func pooledIPs(_ shared: [Int32]) -> Set<Int32>? {
        let inPools = shared.compactMap { ip in servers.pool(ofIP: ip).map { (ip: ip, pool: $0) } }
        guard inPools.count >= 2 else { return nil }
        var perPool: [Int32: Int] = [:]
        for entry in inPools { perPool[entry.pool, default: 0] += 1 }
        let pooled = Set(inPools.filter { perPool[$0.pool]! >= 2 }.map(\.ip))
        return pooled.isEmpty ? nil : pooled
    }

    /// What co-firing's `bits` may add to a pair: at most half a link, like a kind strangers
    /// share. Two people keeping the same hours meet within seconds now and then, and a pair
    /// picked from the many each account is compared with will now and then meet twice; timing
    /// links together with a second kind of evidence (a template, a client). Unless it is
    /// overwhelming: co-firing at least twice as surprising as a link must be (less likely than
    /// one chance pair among all the population's pairs, `2 x log2(accounts)`), after its
    /// expectation has taken in both accounts' hours, pace, clocks and the population's crowd
    /// moments, is a link on its own (members that fire together at a shared moment nearly
    /// every day for weeks, and share nothing else, are the ring a trial planted).
    public func countedTiming(bits: Double) -> Double { bits >= 2 * threshold ? threshold : min(bits, threshold / 2) }

    /// `countedTiming(bits:)` of a pair's timing; shared sittings (`CoActivity.sittings`) count
    /// half their bits, at most half a link, until they reach twice the threshold (then a link,
    /// as co-firing is): colleagues and study groups keep sittings together.
    public func countedTiming(_ timing: CoFiring) -> Double {
        timing.sittings && timing.bits < 2 * threshold ? min(timing.bits / 2, threshold / 2) : countedTiming(bits: timing.bits)
    }

    /// Whether a value is too common to propose pairs: under a quarter of what a link needs
    /// (it would need four as rare beside it). It stays pivotable. A value only one account holds
    /// pairs nobody and is no hub, however little it weighs.
    public func isHub(_ kind: LinkKind, sharedBy n: Int) -> Bool { n >= 2 && weight(kind, sharedBy: n) < threshold / 4 }
}
