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
/// a quarter of a link (`EvidenceWeights.isHub`) and model mixes propose no pairs.
public struct EvidenceClusterer: Sendable {
    /// Verdict bytes of the pair scan.
    static let apart: UInt8 = 0
    static let near: UInt8 = 1

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
    public func componentRows(index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?) -> MemberRows {
        let n = index.data.accountCount
        let pairs = candidatePairs(index: index, weights: weights)
        let chunk = 1 << 14
        let chunks = (pairs.count + chunk - 1) / chunk
        // Each chunk's links, and a verdict byte per pair (near pairs' bits are measured again
        // only for the few a group-firing join reads: a byte, not 16, per pair while the cuts run).
        // Stored under a lock once per chunk (16 Ki pairs).
        let collected = Mutex((linked: [[UInt64]](repeating: [], count: chunks), verdicts: [[UInt8]](repeating: [], count: chunks)))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var linked: [UInt64] = []
            let range = (c * chunk)..<min(pairs.count, (c + 1) * chunk)
            var verdicts = [UInt8](repeating: Self.apart, count: range.count)
            var scan = PairScan(index: index, weights: weights, coActivity: coActivity)
            for (offset, key) in pairs[range].enumerated() {
                switch scan.verdict(Int(key >> 32), Int(key & 0xFFFF_FFFF)) {
                case .linked: linked.append(key)
                case .near: verdicts[offset] = Self.near
                case .apart: break
                }
            }
            collected.withLock {
                $0.linked[c] = linked
                $0.verdicts[c] = verdicts
            }
        }
        let (linkedByChunk, verdictsByChunk) = collected.withLock { ($0.linked, $0.verdicts) }
        var sets = DisjointSets(count: n)
        // One link between two groups of their own does not merge them (`BridgeCut`), nor do a
        // few links between two communities (`SparseCut`).
        let kept = SparseCut.kept(BridgeCut.kept(linkedByChunk.flatMap { $0 }, accounts: n), accounts: n)
        for key in kept { sets.union(Int(key >> 32), Int(key & 0xFFFF_FFFF)) }
        if let coActivity {
            let near = pairs.indices.lazy.filter { verdictsByChunk[$0 / chunk][$0 % chunk] == Self.near }.map { pairs[$0] }
            joinByGroupFiring(near: near, sets: &sets, coActivity: coActivity, index: index, weights: weights, n: n)
        }
        return MemberRows(components: &sets)
    }

    /// Timing as a group pivot: an account left alone that shares half a link with a member of
    /// a group of three or more, and fires with that group's members again and again far more
    /// than their rates predict (summed over the members: a scheduler firing a few of hundreds
    /// at a time rarely repeats a pair, but keeps repeating the group), joins the group.
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
        for key in near {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let aLone = size[Int(root[a])] == 1, bLone = size[Int(root[b])] == 1
            guard (aLone && size[Int(root[b])] >= 3) || (bLone && size[Int(root[a])] >= 3) else { continue }
            let bits = PairEvidence.staticBits(a, b, index: index, weights: weights)
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
            let (together, expected) = Self.groupFiring(coActivity.bursts(of: lone), timelines[groupRoot]!, window: coActivity.window)
            if shared + CoActivity.surpriseBits(together, expected: expected) >= weights.threshold {
                sets.union(lone, Int(group[0]))
            }
        }
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

    /// Candidate pairs (smaller account << 32 | larger), sorted and unique.
    func candidatePairs(index: LinkIndex, weights: EvidenceWeights) -> [UInt64] {
        var pairs: [UInt64] = []
        var order: [(UInt64, Int32)] = []
        // A model mix adds evidence to pairs other values propose but proposes none itself: a
        // mix is held by hundreds where a card or a template family is held by a few, and its
        // sampled pairs would be scored for nothing.
        for kind in LinkKind.allCases where kind != .modelMix {
            for value in 0..<index.valueCount(kind) {
                let v = Int32(value)
                let holders = index.accounts(sharing: kind, value: v)
                let count = holders.count
                guard count >= 2, !weights.isHub(kind, sharedBy: count) else { continue }
                if count <= blockSize {
                    for (i, a) in holders.enumerated() {
                        for b in holders.dropFirst(i + 1) { pairs.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) }
                    }
                    continue
                }
                // A hashed order per value: each holder meets its next `sampledDegree` in it.
                order.removeAll(keepingCapacity: true)
                let salt = UInt64(kind.position) << 40 ^ UInt64(UInt32(v))
                for a in holders { order.append((ByteHash.mix(salt ^ UInt64(UInt32(a)) << 8), a)) }
                order.sort { $0.0 < $1.0 }
                for i in 0..<count {
                    for step in 1...min(sampledDegree, count - 1) {
                        let a = order[i].1, b = order[(i + step) % count].1
                        pairs.append(a < b ? UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) : UInt64(UInt32(b)) << 32 | UInt64(UInt32(a)))
                    }
                }
            }
        }
        pairs.sort()
        var unique = 0
        for i in pairs.indices where i == 0 || pairs[i] != pairs[unique - 1] {
            pairs[unique] = pairs[i]
            unique += 1
        }
        pairs.removeLast(pairs.count - unique)
        return pairs
    }
}
