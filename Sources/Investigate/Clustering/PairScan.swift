import ByteCore

/// Scores candidate pairs that come sorted by their first account (`EvidenceClusterer`): the
/// first account's shared values and bursts are read once for its whole run of pairs, the
/// second account's lists only for kinds where the first shares something, and the second's
/// bursts go into one reused buffer, so scoring a pair allocates nothing.
///
/// Gives exactly what `PairEvidence.staticBits` and `CoActivity.coFiring` give pair by pair.
struct PairScan {
    let index: LinkIndex
    let weights: EvidenceWeights
    let coActivity: CoActivity?
    /// Reads the accounts' use of their context values, for pairs near enough to a link that
    /// light use may matter (`ContextUse`).
    let use: ContextUse
    /// The account whose lists are held, -1 before the first pair.
    private var current = -1
    /// The held account's values that another account holds too, kind after kind (a value it
    /// alone holds can be in no pair's shared list, so the second account's list of a kind is
    /// read only when there is one).
    private var held: [Int32] = []
    /// End of each kind's values in `held`, by kind position.
    private var heldEnd = [Int](repeating: 0, count: LinkKind.allCases.count)
    /// How many values of each kind the held account holds, shared or not (by kind position).
    private var heldCounts = [Int](repeating: 0, count: LinkKind.allCases.count)
    private var currentBursts: [UInt32] = []
    private var burstsRead = false
    private var otherBursts: [UInt32] = []

    /// The pairs timing proposed (`TimingCandidates`: keys smaller << 32 | larger, ascending):
    /// their co-firing is read whatever their shared values, since overwhelming co-firing is a
    /// link on its own (`EvidenceWeights.countedTiming`). Other pairs read it only beside half a
    /// link of shared values, where it can make the rest.
    let timingPairs: [UInt64]

    init(index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?, timingPairs: [UInt64] = []) {
        (self.index, self.weights, self.coActivity, self.timingPairs) = (index, weights, coActivity, timingPairs)
        use = ContextUse(index: index)
    }

    /// Whether timing proposed the pair (binary search of `timingPairs`).
    private func isTimingPair(_ a: Int, _ b: Int) -> Bool {
        let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        var (low, high) = (0, timingPairs.count)
        while low < high {
            let middle = (low + high) / 2
            if timingPairs[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < timingPairs.count && timingPairs[low] == key
    }

    /// What `warm` read, kept so that its reads are not optimised away.
    private(set) var warmed: Int32 = 0

    /// Reads the partners' value lists (each list's head and first item, `CompactRows.warm`), in
    /// every kind `a` shares a value of, before the pairs are scored: one sweep of independent
    /// reads whose cache misses overlap, where `verdict` would meet them one pair and one kind at
    /// a time. It changes no verdict.
    mutating func warm(_ a: Int, partners: GrowableBuffer<Int32>, _ positions: Range<Int>) {
        if a != current { hold(a) }
        var sink: Int32 = 0
        for kind in LinkKind.allCases where !heldValues(kind).isEmpty {
            for position in positions { sink &+= index.warmValues(of: Int(partners[position]), kind: kind) }
        }
        warmed &+= sink
    }

    /// What a candidate pair adds up to.
    enum Verdict {
        /// Shared values and co-firing reach the link threshold.
        case linked
        /// Not linked, but shared values alone reach half the threshold (their bits).
        case near(Double)
        /// Neither.
        case apart
    }

    /// Scores `a` and `b` as `EvidenceClusterer` does: shared values, then co-firing when those
    /// fall short of the threshold.
    mutating func verdict(_ a: Int, _ b: Int) -> Verdict {
        if a != current { hold(a) }
        // Timing adds at most half a link unless it is overwhelming: below half a link of shared
        // values it can link only a pair timing proposed. A kind strangers share is capped at
        // exactly half a link, so "half" allows for rounding.
        let half = weights.threshold / 2 - Self.rounding
        // Shared values without the light-use discount first: it only takes bits away, so a pair
        // below half a link without it is apart (unless timing proposed it) and its queries are
        // not read.
        let upper = PairEvidence.staticBits(
            a, valuesOfA: { heldValues($0) }, heldByA: { heldCounts[$0.position] }, b, index: index, weights: weights, use: nil)
        if upper < half && !isTimingPair(a, b) { return .apart }
        // Light use needs one of the two to hold two or more values of a kind it reads.
        let mayBeLight = ContextUse.kinds.contains { heldCounts[$0.position] >= 2 || index.heldCount(of: b, kind: $0) >= 2 }
        let shared =
            !mayBeLight
            ? upper
            : PairEvidence.staticBits(
                a, valuesOfA: { heldValues($0) }, heldByA: { heldCounts[$0.position] }, b, index: index, weights: weights, use: use)
        var bits = shared
        if bits < weights.threshold, bits >= half || isTimingPair(a, b), let coActivity {
            bits += weights.countedTiming(linkTiming(b, coActivity))
        }
        if bits >= weights.threshold { return .linked }
        return shared >= half ? .near(shared) : .apart
    }

    /// Bits of rounding allowed in the comparisons with half the threshold (sums of
    /// capped values land on them exactly, up to floating-point error).
    static let rounding = 1e-9

    private mutating func hold(_ a: Int) {
        current = a
        held.removeAll(keepingCapacity: true)
        for kind in LinkKind.allCases {
            let values = index.values(of: a, kind: kind)
            for value in values where index.shareCount(kind, value: value) >= 2 { held.append(value) }
            heldEnd[kind.position] = held.count
            heldCounts[kind.position] = index.heldCount(values, kind: kind)
        }
        burstsRead = false
    }

    /// The held account's shared values of a kind, ascending.
    @inline(__always)
    private func heldValues(_ kind: LinkKind) -> ArraySlice<Int32> {
        let position = kind.position
        return held[(position == 0 ? 0 : heldEnd[position - 1])..<heldEnd[position]]
    }

    /// `coActivity.linkTiming(current, b)` (an account with fewer than two queries has fewer
    /// than two bursts, which `coFiring(seconds:_:)` scores 0 as `coFiring(a, b)` does).
    private mutating func linkTiming(_ b: Int, _ coActivity: CoActivity) -> CoFiring {
        if !burstsRead {
            coActivity.seconds(of: current, into: &currentBursts)
            burstsRead = true
        }
        coActivity.seconds(of: b, into: &otherBursts)
        return coActivity.linkTiming(seconds: currentBursts[...], otherBursts[...])
    }
}
