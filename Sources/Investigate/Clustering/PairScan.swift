/// Scores candidate pairs that come sorted by their first account (`EvidenceClusterer`): the
/// first account's value lists and bursts are read once for its whole run of pairs, and the
/// second account's bursts go into one reused buffer, so scoring a pair allocates nothing.
///
/// Gives exactly what `PairEvidence.staticBits` and `CoActivity.coFiring` give pair by pair.
struct PairScan {
    let index: LinkIndex
    let weights: EvidenceWeights
    let coActivity: CoActivity?
    /// The account whose lists are held, -1 before the first pair.
    private var current = -1
    private var lists = [ArraySlice<Int32>](repeating: [], count: LinkKind.allCases.count)
    private var currentBursts: [UInt32] = []
    private var burstsRead = false
    private var otherBursts: [UInt32] = []

    init(index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?) {
        (self.index, self.weights, self.coActivity) = (index, weights, coActivity)
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
        let shared = PairEvidence.staticBits(valuesOfA: { lists[$0.position] }, b, index: index, weights: weights)
        var bits = shared
        if bits < weights.threshold, let coActivity { bits += coFiringBits(b, coActivity) }
        if bits >= weights.threshold { return .linked }
        return shared >= weights.threshold / 2 ? .near(shared) : .apart
    }

    private mutating func hold(_ a: Int) {
        current = a
        for kind in LinkKind.allCases { lists[kind.position] = index.values(of: a, kind: kind) }
        burstsRead = false
    }

    /// `coActivity.coFiring(current, b).bits` (an account with fewer than two queries has fewer
    /// than two bursts, which `coFiring(seconds:_:)` scores 0 as `coFiring(a, b)` does).
    private mutating func coFiringBits(_ b: Int, _ coActivity: CoActivity) -> Double {
        if !burstsRead {
            coActivity.seconds(of: current, into: &currentBursts)
            burstsRead = true
        }
        coActivity.seconds(of: b, into: &otherBursts)
        return coActivity.coFiring(seconds: currentBursts[...], otherBursts[...]).bits
    }
}
