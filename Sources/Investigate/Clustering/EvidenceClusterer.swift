import Dispatch

/// Clusters from the evidence graph: two accounts are linked when the evidence of everything
/// they share (`PairEvidence`: each value weighted by how rare it is in this population) plus
/// their coordinated firing reaches the link threshold; clusters are the connected parts of
/// that graph. Several weak links make a strong one; one hub makes nothing.
///
/// Near-linear by blocking: candidate pairs come from the values each account holds, all
/// pairs of a value held by at most `blockSize` accounts, and `sampledDegree` partners per
/// holder (in a hashed order, so chains span the value) above that. Values too common to carry
/// a quarter of a link (`EvidenceWeights.isHub`) propose no pairs.
public struct EvidenceClusterer: Sendable {
    /// Values held by at most this many accounts propose every pair.
    public var blockSize = 48
    /// Above `blockSize`, each holder is paired with this many others.
    public var sampledDegree = 6

    /// Creates a clusterer.
    public init() {}

    /// The groups (members ascending, groups in order of their smallest member).
    /// - Complexity: O(candidate pairs × shared-list merges), candidate pairs ≤ Σ values min(n², n · degree).
    public func componentRows(index: LinkIndex, weights: EvidenceWeights, coActivity: CoActivity?) -> MemberRows {
        let n = index.data.accountCount
        let pairs = candidatePairs(index: index, weights: weights)
        let chunk = 1 << 14
        let chunks = (pairs.count + chunk - 1) / chunk
        var linkedByChunk = [[UInt64]](repeating: [], count: chunks)
        linkedByChunk.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var linked: [UInt64] = []
                for key in pairs[(c * chunk)..<min(pairs.count, (c + 1) * chunk)] {
                    let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
                    var bits = PairEvidence.staticBits(a, b, index: index, weights: weights)
                    if bits < weights.threshold, let coActivity { bits += coActivity.coFiring(a, b).bits }
                    if bits >= weights.threshold { linked.append(key) }
                }
                slots[c] = linked
            }
        }
        var sets = DisjointSets(count: n)
        for linked in linkedByChunk {
            for key in linked { sets.union(Int(key >> 32), Int(key & 0xFFFF_FFFF)) }
        }
        var group = [Int32](repeating: -1, count: n)
        var sizes: [Int32] = []
        for account in 0..<n {
            let root = sets.find(account)
            if group[root] < 0 {
                group[root] = Int32(sizes.count)
                sizes.append(0)
            }
            group[account] = group[root]
            sizes[Int(group[account])] += 1
        }
        return MemberRows(groupOf: group, sizes: sizes)
    }

    /// Candidate pairs (smaller account << 32 | larger), sorted and unique.
    func candidatePairs(index: LinkIndex, weights: EvidenceWeights) -> [UInt64] {
        var pairs: [UInt64] = []
        var order: [(UInt64, Int32)] = []
        for kind in LinkKind.allCases {
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
