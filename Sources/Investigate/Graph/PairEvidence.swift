/// One value two accounts share, with its weight of evidence.
public struct SharedValue: Sendable, Equatable {
    /// The value's kind.
    public var kind: LinkKind
    /// The value's id in the link index.
    public var value: Int32
    /// Accounts holding it.
    public var sharedBy: Int
    /// The accounts its rarity was read against: its country's, when it is local to the
    /// country both accounts are of; nil for the population.
    public var scope: Int? = nil
    /// Its match weight in bits (`EvidenceWeights.weight`, times an upstream link's own weight,
    /// less `spread`).
    public var bits: Double
    /// Bits taken off because the two accounts hold many values of the kind
    /// (`EvidenceWeights.spreadBits`).
    public var spread = 0.0
    /// Bits taken off because one of the two sends only a part of its traffic with it, against
    /// its most used value of the kind (`ContextUse`: clients and ASNs), and that account's use.
    public var light = 0.0
    public var lightUse: LightUse? = nil
    /// Whether its kind's half a link was reached, so it counts less (or nothing) for that.
    public var kindFull = false
    /// Whether it is a mail domain the pair's shared mailbox already implies (so it counts 0).
    public var impliedByMailbox = false
    /// Whether it is the only question the pair shares (`EvidenceWeights.questionsNeeded`: one
    /// counts nothing).
    public var loneQuestion = false
    /// Whether it is one of two or more datacenter IPs of one server pool the pair shares
    /// (`ServerPools`): exempt from its kind's half a link in all.
    public var pooled = false
    /// What it adds to the pair's total: a value of a kind strangers share by nature (network,
    /// mail domain, client, template) counts at most half a link (`EvidenceWeights.counted`);
    /// the strongest value of a kind counts whole, each further one of the same kind half (they
    /// are seldom independent: two exits of one VPN), and a kind strangers share adds at most half
    /// a link in all, however many of its values match; of the origin kinds (IP, subnet, ASN, mail
    /// domain: nested in each other or the same institution's) only the strongest kind counts.
    public var counted: Double
}

/// Why two accounts are linked: every value they share with its weight, their coordinated
/// firing, and the total against the link threshold.
public struct PairEvidence: Sendable {
    /// Shared values, strongest first.
    public var shared: [SharedValue] = []
    /// Their co-firing, when measured.
    public var timing: CoFiring?
    /// Bits of evidence in all.
    public var total = 0.0
    /// Bits a link needs.
    public var threshold = 0.0
    /// How many values of each kind (by kind position) the two accounts hold, shared or not.
    public var held: [(Int, Int)] = []

    /// Whether the evidence links the two accounts.
    public var linked: Bool { total >= threshold }

    /// Measures the evidence between accounts `a` and `b` (timing included when `coActivity` is given).
    public static func measure(
        _ a: Int, _ b: Int, index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity? = nil
    ) -> PairEvidence {
        var out = PairEvidence()
        out.threshold = weights.threshold
        out.held = LinkKind.allCases.map { (index.heldCount(of: a, kind: $0), index.heldCount(of: b, kind: $0)) }
        out.shared = sharedValues(a, b, index: index, weights: weights, use: ContextUse(index: index, cacheSlots: 2))
        out.total = out.shared.reduce(0) { $0 + $1.counted }
        if let coActivity {
            let firing = coActivity.linkTiming(a, b)
            out.timing = firing
            out.total += weights.countedTiming(firing)
        }
        return out
    }

    /// Every shared value with its weight, strongest first.
    static func sharedValues(_ a: Int, _ b: Int, index: LinkIndex, weights: EvidenceWeights, use: ContextUse) -> [SharedValue] {
        var found: [SharedValue] = []
        for kind in LinkKind.allCases {
            let valuesA = index.values(of: a, kind: kind), valuesB = index.values(of: b, kind: kind)
            let spread = weights.spreadBits(kind, heldA: index.heldCount(valuesA, kind: kind), heldB: index.heldCount(valuesB, kind: kind))
            let countries = index.data.accounts.country
            forEachShared(valuesA, valuesB) { value in
                let n = index.shareCount(kind, value: value)
                let scope = weights.scope(kind, value: value, a, b, countries: countries)
                var bits = weights.weight(kind, sharedBy: n, within: scope)
                if kind == .upstream { bits *= min(1, max(0, index.data.upstream.weight[Int(value)])) }
                let taken = min(spread, bits)
                let lighter = use.lighter(kind, value, a, b)
                let light = min(lighter.map { ContextUse.bits($0) } ?? 0, bits - taken)
                found.append(
                    SharedValue(
                        kind: kind, value: value, sharedBy: n, scope: scope, bits: bits - taken - light, spread: taken, light: light,
                        lightUse: light > 0 ? lighter : nil, counted: 0))
            }
        }
        found.sort { ($0.bits, $1.kind, $1.value) > ($1.bits, $0.kind, $0.value) }
        if let pooled = weights.pooledIPs(found.filter { $0.kind == .ip }.map(\.value)) {
            for i in found.indices where found[i].kind == .ip && pooled.contains(found[i].value) { found[i].pooled = true }
        }
        var seenKind = Set<LinkKind>()
        var originSums: [LinkKind: Double] = [:]
        var kindSums: [LinkKind: Double] = [:]
        for i in found.indices {
            let kind = found[i].kind
            let capped = weights.counted(kind, bits: found[i].bits)
            var counted = seenKind.insert(kind).inserted ? capped : capped / 2
            // A kind strangers share adds at most half a link however many of its values match,
            // unless they are one operator's servers (`ServerPools`).
            let room = weights.counted(kind, bits: .infinity) - kindSums[kind, default: 0]
            if !found[i].pooled && counted > room {
                counted = max(0, room)
                found[i].kindFull = true
            }
            found[i].counted = counted
            if !found[i].pooled { kindSums[kind, default: 0] += counted }
            if EvidenceWeights.isOrigin(kind) { originSums[kind, default: 0] += found[i].counted }
        }
        // One shared question is a coincidence strangers meet (a popular homework problem, a
        // viral puzzle); it counts only beside a second (`EvidenceWeights.questionsNeeded`).
        if found.count(where: { $0.kind == .question }) < EvidenceWeights.questionsNeeded {
            for i in found.indices where found[i].kind == .question {
                (found[i].counted, found[i].kindFull, found[i].loneQuestion) = (0, false, true)
            }
        }
        // A shared mailbox implies the shared mail domain: the domain is not counted again.
        if found.contains(where: { $0.kind == .mailbox }) {
            for i in found.indices where found[i].kind == .emailDomain {
                found[i].counted = 0
                found[i].impliedByMailbox = true
            }
            originSums[.emailDomain] = nil
        }
        // Where accounts come from (IP in subnet in ASN, and the mail domain of the same
        // institution) is one piece of evidence: only the origin kind with the most counts. Kinds
        // that count the same (each at the half-link cap) go to the one with the strongest value,
        // so the explanation counts the /24 of 11.4 bits, not the IPs of 2.8 that sum to as much.
        func strongest(_ kind: LinkKind) -> Double { found.first { $0.kind == kind }?.bits ?? 0 }
        let origin = originSums.max { x, y in
            abs(x.value - y.value) > 1e-9 ? x.value < y.value : (strongest(x.key), y.key) < (strongest(y.key), x.key)
        }?.key
        for i in found.indices where EvidenceWeights.isOrigin(found[i].kind) && found[i].kind != origin {
            // Said as not counted for where it comes from, whatever its own kind's cap left it.
            (found[i].counted, found[i].kindFull) = (0, false)
        }
        return found
    }

    /// The bits of everything two accounts share (no timing), without building the list.
    static func staticBits(_ a: Int, _ b: Int, index: LinkIndex, weights: EvidenceWeights, use: ContextUse?) -> Double {
        staticBits(
            a, valuesOfA: { index.values(of: a, kind: $0) }, heldByA: { index.heldCount(of: a, kind: $0) }, b, index: index, weights: weights,
            use: use)
    }

    /// `staticBits(a, b)` with the first account's shared values given per kind and its count of
    /// values per kind (a scan over many pairs of one account reads them once). A kind `a` shares
    /// nothing of adds nothing, so `b`'s values of it are not read. Without `use`, light use is
    /// not discounted (`ContextUse`): the bits are an upper bound, read first to set aside pairs
    /// far from a link without reading their queries.
    @inline(__always)
    static func staticBits(
        _ a: Int, valuesOfA: (LinkKind) -> ArraySlice<Int32>, heldByA: (LinkKind) -> Int, _ b: Int, index: LinkIndex,
        weights: EvidenceWeights, use: ContextUse?
    ) -> Double {
        var total = 0.0, origin = 0.0, domain = 0.0, sharesMailbox = false
        let countries = index.data.accounts.country
        for kind in LinkKind.allCases {
            let mine = valuesOfA(kind)
            if mine.isEmpty { continue }
            let theirs = index.values(of: b, kind: kind)
            let spread = weights.spreadBits(kind, heldA: heldByA(kind), heldB: index.heldCount(theirs, kind: kind))
            var best = 0.0, rest = 0.0, inPool = false, sharedCount = 0
            forEachShared(mine, theirs) { value in
                sharedCount += 1
                if kind == .mailbox { sharesMailbox = true }
                if kind == .ip && weights.servers.pool(ofIP: value) != nil { inPool = true }
                let scope = weights.scope(kind, value: value, a, b, countries: countries)
                var bits = weights.weight(kind, sharedBy: index.shareCount(kind, value: value), within: scope)
                if kind == .upstream { bits *= min(1, max(0, index.data.upstream.weight[Int(value)])) }
                let light = use?.lightBits(kind, value, a, b) ?? 0
                bits = weights.counted(kind, bits: max(0, bits - spread - light))
                if bits > best {
                    rest += best
                    best = bits
                } else {
                    rest += bits
                }
            }
            // A kind strangers share adds at most half a link however many of its values match.
            var sum = min(best + rest / 2, weights.counted(kind, bits: .infinity))
            // Unless they are one operator's servers (rare: measured again value by value).
            if inPool { sum = pooledIPBits(a, b, mine, theirs, spread: spread, index: index, weights: weights) }
            if kind == .question && sharedCount < EvidenceWeights.questionsNeeded { sum = 0 }
            if kind == .emailDomain {
                domain = sum
            } else if EvidenceWeights.isOrigin(kind) {
                origin = max(origin, sum)
            } else {
                total += sum
            }
        }
        // A shared mailbox implies the shared mail domain (`sharedValues` says so).
        return total + (sharesMailbox ? origin : max(origin, domain))
    }

    /// What the IPs two accounts share add when some are of a server pool (`ServerPools`): as
    /// `sharedValues` counts them, strongest first, the first whole and each further one half,
    /// the pooled ones exempt from the kind's half a link in all.
    static func pooledIPBits(
        _ a: Int, _ b: Int, _ mine: ArraySlice<Int32>, _ theirs: ArraySlice<Int32>, spread: Double, index: LinkIndex,
        weights: EvidenceWeights
    ) -> Double {
        let countries = index.data.accounts.country
        var values: [(bits: Double, value: Int32)] = []
        forEachShared(mine, theirs) { value in
            let scope = weights.scope(.ip, value: value, a, b, countries: countries)
            let bits = weights.weight(.ip, sharedBy: index.shareCount(.ip, value: value), within: scope)
            values.append((bits - min(spread, bits), value))
        }
        values.sort { ($0.bits, $1.value) > ($1.bits, $0.value) }
        let pooled = weights.pooledIPs(values.map(\.value)) ?? []
        let cap = weights.counted(.ip, bits: .infinity)
        var sum = 0.0, capped = 0.0
        for (i, v) in values.enumerated() {
            let full = weights.counted(.ip, bits: v.bits)
            var counted = i == 0 ? full : full / 2
            if !pooled.contains(v.value) {
                if counted > cap - capped { counted = max(0, cap - capped) }
                capped += counted
            }
            sum += counted
        }
        return sum
    }

    /// Calls `body` with each value in both sorted lists.
    @inline(__always)
    static func forEachShared(_ x: ArraySlice<Int32>, _ y: ArraySlice<Int32>, _ body: (Int32) -> Void) {
        var i = x.startIndex, j = y.startIndex
        while i < x.endIndex && j < y.endIndex {
            if x[i] < y[j] {
                i += 1
            } else if x[i] > y[j] {
                j += 1
            } else {
                body(x[i])
                i += 1
                j += 1
            }
        }
    }
}
