import Dispatch
import Synchronization

/// Clusters from the evidence graph: two accounts are linked when the evidence of everything
/// they share (`PairEvidence`: each value weighted by how rare it is in this population) plus
/// their coordinated firing reaches the link threshold; clusters are the communities of that
/// graph: its connected parts once a lone link between two groups of their own is dropped
/// (`BridgeCut`) and each part is split where two groups meet through fewer links than a typical
/// member of the smaller keeps inside it (`SparseCut`).
/// Several weak links make a strong one; one hub makes nothing.
///
/// Near-linear by blocking: candidate pairs come from the values each account holds, all
/// pairs of a value held by at most `blockSize` accounts, and `sampledDegree` partners per
/// holder (in a hashed order, so chains span the value) above that. Values too common to carry
/// a quarter of a link (`EvidenceWeights.isHub`) and model mixes propose no pairs; accounts
/// firing in the same time buckets again and again do (`TimingCandidates`).
public struct EvidenceClusterer: Sendable {
    /// Values held by at most this many accounts propose every pair.
    public var blockSize = 48
    /// Above `blockSize`, each holder is paired with this many others.
    public var sampledDegree = 6
    /// Members of a group compared with a lone account for group co-firing, at most.
    public var groupSample = 2000

    /// Creates a clusterer.
    public init() {}

    /// The groups (members ascending, groups in order of their smallest member).
    /// - Complexity: O(candidate pairs × shared-list merges), candidate pairs ≤ Σ values min(n², n · degree).
    /// `seconds`, when given, hears each step's wall time, the steps numbered in the order they
    /// run (`1.timing_pairs`, `2.candidates`, `3.scan`, `4.cuts`, `5.group_firing`: the lone
    /// accounts joined to groups and the groups' rows built), for `bench`.
    public func componentRows(
        index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?, seconds: ((String, Double) -> Void)? = nil
    ) -> MemberRows {
        let n = index.data.accountCount
        var mark = monotonicSeconds()
        func lap(_ step: String) {
            let now = monotonicSeconds()
            seconds?(step, now - mark)
            mark = now
        }
        // The candidate pairs are given up once scored: only the links and the near pairs that
        // touch one (for the group-firing join) are held while the cuts run.
        let timing = timingKeys(accountCount: n, coActivity: coActivity, linkBits: weights.threshold)
        lap("1.timing_pairs")
        var (linked, near) = { () -> (linked: [[UInt64]], near: [UInt64]) in
            let pairs = candidates(index: index, weights: weights, timing: timing)
            lap("2.candidates")
            return scan(pairs, index: index, weights: weights, coActivity: coActivity, timing: timing)
        }()
        releaseFreedMemory()
        lap("3.scan")
        // One link between two groups of their own does not merge them (`BridgeCut`), nor do a
        // few links between two communities (`SparseCut`), over the accounts in a link alone.
        let kept = LinkedAccounts.kept(Self.joined(&linked))
        var sets = DisjointSets(count: n)
        for key in kept { sets.union(Int(key >> 32), Int(key & 0xFFFF_FFFF)) }
        lap("4.cuts")
        if let coActivity {
            joinByGroupFiring(near: near, sets: &sets, coActivity: coActivity, index: index, weights: weights, n: n)
        }
        near = []
        let rows = MemberRows(components: &sets)
        releaseFreedMemory()
        lap("5.group_firing")
        return rows
    }

    /// Scores every candidate pair (`PairScan`) in chunks of `scanChunk` on every core: the
    /// linked pairs, chunk after chunk, and (when there is timing for the group-firing join) the
    /// near pairs that touch a linked one, each as keys (smaller << 32 | larger) ascending.
    private func scan(
        _ pairs: CandidatePairs, index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?, timing: [UInt64]
    ) -> (linked: [[UInt64]], near: [UInt64]) {
        let chunk = Self.scanChunk
        let chunks = (pairs.count + chunk - 1) / chunk
        // Each chunk's links, and a bit per pair marking the near ones; stored under a lock once
        // per chunk.
        let collected = Mutex((linked: [[UInt64]](repeating: [], count: chunks), near: [[UInt64]](repeating: [], count: chunks)))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var linked: [UInt64] = []
            let range = (c * chunk)..<min(pairs.count, (c + 1) * chunk)
            var near = [UInt64](repeating: 0, count: (range.count + 63) / 64)
            var scan = PairScan(index: index, weights: weights, coActivity: coActivity, timingPairs: timing)
            var a = pairs.account(holding: range.lowerBound)
            var warmedTo = range.lowerBound
            for position in range {
                while Int(pairs.start[a + 1]) <= position { a += 1 }
                if position >= warmedTo {
                    warmedTo = min(position + Self.warmAhead, Int(pairs.start[a + 1]), range.upperBound)
                    scan.warm(a, partners: pairs.partners, position..<warmedTo)
                }
                let b = pairs.partners[position]
                switch scan.verdict(a, Int(b)) {
                case .linked: linked.append(UInt64(a) << 32 | UInt64(UInt32(b)))
                case .near:
                    let offset = position - range.lowerBound
                    near[offset >> 6] |= 1 << UInt64(offset & 63)
                case .apart: break
                }
            }
            collected.withLock {
                $0.linked[c] = linked
                $0.near[c] = near
            }
        }
        let (linked, nearBits) = collected.withLock { ($0.linked, $0.near) }
        guard coActivity != nil else { return (linked, []) }
        return (linked, Self.nearPairs(pairs, bits: nearBits, touching: linked))
    }

    /// Pairs scored in a chunk of the scan.
    static let scanChunk = 1 << 14

    /// Pairs of one first account whose partners' lists `PairScan.warm` reads ahead together.
    static let warmAhead = 16

    /// The near pairs (bit `p % 64` of word `p / 64` of chunk `p / scanChunk` set for pair
    /// position `p`) of which an account is in a linked pair, ascending: the group-firing join
    /// reads a near pair only when one account is in a group of three or more, which the kept
    /// links (a subset of the linked pairs) made.
    static func nearPairs(_ pairs: CandidatePairs, bits: [[UInt64]], touching linked: [[UInt64]]) -> [UInt64] {
        var isLinked = [Bool](repeating: false, count: pairs.start.count - 1)
        for key in linked.joined() {
            isLinked[Int(key >> 32)] = true
            isLinked[Int(key & 0xFFFF_FFFF)] = true
        }
        // Counted, then written into an array of that size.
        func forEachNear(_ body: (UInt64) -> Void) {
            var a = 0
            for position in 0..<pairs.count {
                let offset = position % scanChunk
                guard bits[position / scanChunk][offset >> 6] & (1 << UInt64(offset & 63)) != 0 else { continue }
                while Int(pairs.start[a + 1]) <= position { a += 1 }
                let b = Int(pairs.partners[position])
                if isLinked[a] || isLinked[b] { body(UInt64(a) << 32 | UInt64(b)) }
            }
        }
        var count = 0
        forEachNear { _ in count += 1 }
        var out: [UInt64] = []
        out.reserveCapacity(count)
        forEachNear { out.append($0) }
        return out
    }

    /// The candidate pairs of the values that may propose pairs (`CandidatePairs`), and, with
    /// timing, of accounts firing in the same moments again and again (`TimingCandidates`).
    func candidates(index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity? = nil) -> CandidatePairs {
        candidates(
            index: index, weights: weights,
            timing: timingKeys(accountCount: index.data.accountCount, coActivity: coActivity, linkBits: weights.threshold))
    }

    /// The pairs timing proposes (`TimingCandidates`), and with `linkBits` (the link threshold)
    /// those whose shared sittings may be a link (`SittingCandidates`), ascending keys; none
    /// without timing.
    func timingKeys(accountCount n: Int, coActivity: CoActivity?, linkBits: Double? = nil) -> [UInt64] {
        guard let coActivity else { return [] }
        let firing = TimingCandidates(coActivity: coActivity, accountCount: n, blockSize: blockSize).keys
        guard let linkBits else { return firing }
        let sittings = SittingCandidates(coActivity: coActivity, accountCount: n, blockSize: blockSize, linkBits: linkBits)
        return SittingCandidates.merged(firing, sittings.keys)
    }

    /// The candidate pairs of the values that may propose pairs, and of `timing`'s pairs.
    func candidates(index: LinkIndex, weights: EvidenceWeights, timing: [UInt64]) -> CandidatePairs {
        let n = index.data.accountCount
        var pair: [Int32] = [0, 0]
        return CandidatePairs(accountCount: n, blockSize: blockSize, sampledDegree: sampledDegree) { visit in
            // Each timing pair as a value of two holders (it proposes exactly that pair).
            for key in timing {
                (pair[0], pair[1]) = (Int32(key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
                visit(.ip, -1, pair[...])
            }
            // A model mix adds evidence to pairs other values propose but proposes none itself: a
            // mix is held by hundreds where a card or a template family is held by a few, and its
            // sampled pairs would be scored for nothing.
            for kind in LinkKind.allCases where kind != .modelMix {
                for value in 0..<index.valueCount(kind) {
                    let v = Int32(value)
                    let holders = index.accounts(sharing: kind, value: v)
                    guard holders.count >= 2, !weights.isHub(kind, sharedBy: holders.count) else { continue }
                    visit(kind, v, holders)
                }
            }
        }
    }

    /// The chunks' keys in one array, each chunk released as it is copied.
    private static func joined(_ chunks: inout [[UInt64]]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for c in chunks.indices {
            out += chunks[c]
            chunks[c] = []
        }
        chunks = []
        return out
    }

    /// Timing as a group pivot: an account left alone that shares half a link with a member of
    /// a group of three or more, and fires with that group's members again and again far more
    /// than their rates predict (summed over the members: a scheduler firing a few of hundreds
    /// at a time rarely repeats a pair, but keeps repeating the group), joins the group. A clock's
    /// firings count once (`CoActivity.collapsingClocks`): a cron job at the top of every hour
    /// meets a ring firing then at every tick, by its own clock.
    /// - Complexity: O(near pairs + Σ over (account, group) of the group's bursts), groups
    ///   sampled to at most `groupSample` members.
    private func joinByGroupFiring(
        near: some Sequence<UInt64>, sets: inout DisjointSets, coActivity: CoActivity, index: LinkIndex, weights: EvidenceWeights, n: Int
    ) {
        var size = [Int32](repeating: 0, count: n)
        var root = [Int32](repeating: 0, count: n)
        for a in 0..<n {
            root[a] = Int32(sets.find(a))
            size[Int(root[a])] += 1
        }
        // Best shared evidence between each lone account and each group it nearly links to (the
        // pair scan's shared bits, measured again for these pairs only).
        var best: [UInt64: Double] = [:]
        let use = ContextUse(index: index)
        for key in near {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let aLone = size[Int(root[a])] == 1, bLone = size[Int(root[b])] == 1
            guard (aLone && size[Int(root[b])] >= 3) || (bLone && size[Int(root[a])] >= 3) else { continue }
            let bits = PairEvidence.staticBits(a, b, index: index, weights: weights, use: use)
            for (lone, other) in [(a, b), (b, a)] where size[Int(root[lone])] == 1 && size[Int(root[other])] >= 3 {
                let slot = UInt64(lone) << 32 | UInt64(UInt32(root[other]))
                best[slot] = max(best[slot] ?? 0, bits)
            }
        }
        guard !best.isEmpty else { return }
        var members: [Int32: [Int32]] = [:]
        let wanted = Set(best.keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) })
        for a in 0..<n where wanted.contains(root[a]) { members[root[a], default: []].append(Int32(a)) }
        // Each group's bursts in time order, built once.
        var timelines: [Int32: [Int64]] = [:]
        for (slot, shared) in best.sorted(by: { $0.key < $1.key }) {
            let lone = Int(slot >> 32)
            let groupRoot = Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF)
            let group = members[groupRoot]!
            if timelines[groupRoot] == nil {
                let step = max(1, group.count / groupSample)
                var times: [Int64] = []
                for i in stride(from: 0, to: group.count, by: step) { times += coActivity.bursts(of: Int(group[i])) }
                timelines[groupRoot] = times.sorted()
            }
            let bursts = CoActivity.collapsingClocks(coActivity.bursts(of: lone), windowMs: coActivity.window)
            let (together, expected) = Self.groupFiring(bursts, timelines[groupRoot]!, window: coActivity.window)
            if shared + Self.groupFiringBits(together, expected: expected, threshold: weights.threshold) >= weights.threshold {
                sets.union(lone, Int(group[0]))
            }
        }
    }

    /// The evidence of a lone account's meetings with a group: their surprise, from three
    /// meetings on (`CoActivity.meetingsAboveWindow`, as for a pair above the window), or from
    /// two when those alone are as surprising as a link must be (`threshold`: a light member's
    /// only two queries, each a second after one of the ring's ticks). Each lone account near a
    /// group is tested, and among thousands of them some meet a busy group twice in a few bursts
    /// by chance (a trial's benign account joined a 5,000-query ring on 2 meetings of 8 bursts,
    /// 0.16 expected, 6.4 bits).
    static func groupFiringBits(_ together: Int, expected: Double, threshold: Double) -> Double {
        let bits = CoActivity.surpriseBits(together, expected: expected)
        return together >= CoActivity.meetingsAboveWindow || bits >= threshold ? bits : 0
    }

    /// The lone account's bursts with a group burst within the window, and how many would have
    /// one if the group's bursts in the surrounding hour were spread evenly over it (a lecture
    /// hour or a busy evening raises the expectation; a scheduler's ticks do not).
    static func groupFiring(_ bursts: [Int64], _ group: [Int64], window: Int64) -> (Int, Double) {
        func firstIndex(atLeast t: Int64) -> Int {
            var lo = 0, hi = group.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if group[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let halfHour: Int64 = 1_800_000
        var together = 0
        var expected = 0.0
        for t in bursts {
            if firstIndex(atLeast: t + window + 1) > firstIndex(atLeast: t - window) { together += 1 }
            let around = firstIndex(atLeast: t + halfHour) - firstIndex(atLeast: t - halfHour)
            expected += min(1, Double(around) * Double(2 * window + 1000) / Double(2 * halfHour))
        }
        return (together, expected)
    }
}
