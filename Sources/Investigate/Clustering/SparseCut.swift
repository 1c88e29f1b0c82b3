#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a linked group where two parts of it are held together by fewer links than a
/// typical member of either part keeps inside its own part: the parts are communities of their
/// own, and the few links between them are incidental (a ring's accounts and a course's
/// students meeting through two pairs that share a cloud subnet and a signup day). Generalises
/// `BridgeCut`, which drops a cut of one link.
///
/// Each connected group of at least `2 × BridgeCut.minimumSide` accounts is cut where its
/// conductance (links across ÷ link ends of the side with fewer) is least, by a sweep over each
/// of its two leading modes (`FiedlerVectors`; Cheeger's method); the `candidates`
/// least-conductance cuts of each are tried in turn,
/// and one is kept when the links across number fewer than the median links a member keeps
/// inside its side, on both sides, and every connected piece it leaves has
/// `BridgeCut.minimumSide` accounts. Both sides are then split again.
///
/// A ring held together by sampled tooling pairs is an expander (every cut crosses many
/// links), so it stays whole; two groups that meet through a few pairs come apart.
enum SparseCut {
    /// Total work allowed, as a multiple of `FiedlerVectors.steps × link ends` over the whole graph: a
    /// group split in halves again and again costs a few multiples; a pathological chain of
    /// peels stops here, keeping the groups it has not split.
    static let workMultiple = 48
    /// Sweep cuts tested per group, least conductance first.
    static let candidates = 4

    /// The links to keep (as given: smaller account << 32 | larger), in their order. `names`,
    /// when the accounts are renumbered (`LinkedAccounts`), gives each one's own number, which
    /// seeds the vectors.
    /// - Complexity: O(steps × (link ends + steps × accounts) × depth of the splits), bounded by `workMultiple`.
    static func kept(_ links: [UInt64], accounts n: Int, names: [Int32]? = nil) -> [UInt64] {
        guard links.count >= 2 * BridgeCut.minimumSide else { return links }
        let graph = Adjacency(links, accounts: n)
        var dropped = [Bool](repeating: false, count: links.count)
        var part = [Int32](repeating: -1, count: n)
        var budget = workMultiple * FiedlerVectors.steps * 2 * links.count
        var pending = graph.components(dropped: dropped, part: &part, label: 0)
        var label: Int32 = Int32(pending.count)
        while let group = pending.popLast() {
            guard group.count >= 2 * BridgeCut.minimumSide else { continue }
            let cost = FiedlerVectors.steps * group.reduce(0) { $0 + graph.degree(Int($1)) + FiedlerVectors.steps }
            guard cost <= budget else { continue }
            budget -= cost
            guard let cut = bestCut(group, graph: graph, dropped: dropped, part: part, names: names) else { continue }
            for edge in cut.across { dropped[Int(edge)] = true }
            for side in [cut.side, cut.rest] {
                for account in side { part[Int(account)] = -1 }
                for piece in graph.components(of: side, dropped: dropped, part: &part, firstLabel: label) {
                    pending.append(piece)
                    label += 1
                }
            }
        }
        guard dropped.contains(true) else { return links }
        return links.enumerated().filter { !dropped[$0.offset] }.map(\.element)
    }

    /// A cut of a group: one side, the rest, and the links across.
    struct Cut {
        var side: [Int32]
        var rest: [Int32]
        var across: [Int32]
    }

    /// The group's least-conductance sweep cut when it is sparse enough to keep, else nil.
    static func bestCut(_ group: [Int32], graph: Adjacency, dropped: [Bool], part: [Int32], names: [Int32]? = nil) -> Cut? {
        let label = part[Int(group[0])]
        let count = group.count
        var local = [Int32: Int32](minimumCapacity: count)
        for (i, account) in group.enumerated() { local[account] = Int32(i) }
        // Each member's live neighbours in local numbering.
        var start = [Int](repeating: 0, count: count + 1)
        var neighbours: [Int32] = []
        for (i, account) in group.enumerated() {
            for (other, edge) in graph.neighbours(Int(account)) where !dropped[Int(edge)] && part[Int(other)] == label {
                neighbours.append(local[other]!)
            }
            start[i + 1] = neighbours.count
        }
        let degree = (0..<count).map { Double(start[$0 + 1] - start[$0]) }
        // The sweep's least-conductance cuts over each leading mode, tried in turn: in a group
        // that also holds a long thin chain, the chain's slow mode can lead, and its cuts fall
        // through the chain, which the test refuses.
        var side: [Bool] = []
        var found = false
        let seeds = names.map { own in group.map { own[Int($0)] } } ?? group
        search: for vector in FiedlerVectors.leading(accounts: seeds, start: start, neighbours: neighbours, degree: degree) {
            let score = (0..<count).map { vector[$0] / degree[$0].squareRoot() }
            let order = (0..<count).sorted { score[$0] != score[$1] ? score[$0] < score[$1] : group[$0] < group[$1] }
            for size in sweepCuts(order: order, start: start, neighbours: neighbours, degree: degree) {
                side = [Bool](repeating: false, count: count)
                for k in 0..<size { side[order[k]] = true }
                if isSparse(side: side, start: start, neighbours: neighbours) {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        var cut = Cut(side: [], rest: [], across: [])
        for (i, account) in group.enumerated() {
            if side[i] { cut.side.append(account) } else { cut.rest.append(account) }
            guard side[i] else { continue }
            for (other, edge) in graph.neighbours(Int(account))
            where !dropped[Int(edge)] && part[Int(other)] == label && !side[Int(local[other]!)] {
                cut.across.append(edge)
            }
        }
        return cut
    }

    /// Sizes of the prefixes of `order` that are the sweep's least-conductance cuts (local
    /// minima along it, each side at least `BridgeCut.minimumSide`), least first, at most `candidates`.
    static func sweepCuts(order: [Int], start: [Int], neighbours: [Int32], degree: [Double]) -> [Int] {
        let count = order.count
        let volume = degree.reduce(0, +)
        var inside = [Bool](repeating: false, count: count)
        var across = 0.0, sideVolume = 0.0
        var conductance = [Double](repeating: .infinity, count: count)
        for k in 0..<(count - 1) {
            let member = order[k]
            inside[member] = true
            sideVolume += degree[member]
            for j in start[member]..<start[member + 1] { across += inside[Int(neighbours[j])] ? -1 : 1 }
            let size = k + 1
            guard min(size, count - size) >= BridgeCut.minimumSide else { continue }
            conductance[size] = across / min(sideVolume, volume - sideVolume)
        }
        var minima: [Int] = []
        for size in 1..<count where conductance[size].isFinite {
            let before = conductance[size - 1], after = size + 1 < count ? conductance[size + 1] : .infinity
            if conductance[size] <= before && conductance[size] < after { minima.append(size) }
        }
        return Array(minima.sorted { conductance[$0] != conductance[$1] ? conductance[$0] < conductance[$1] : $0 < $1 }.prefix(candidates))
    }

    /// Whether the links across a cut number fewer than the median links a member keeps inside
    /// its own side, on both sides.
    static func isSparse(side: [Bool], start: [Int], neighbours: [Int32]) -> Bool {
        var crossing = 0
        var insideLinks = [Int](repeating: 0, count: side.count)
        for i in side.indices {
            for j in start[i]..<start[i + 1] {
                if side[Int(neighbours[j])] == side[i] { insideLinks[i] += 1 } else { crossing += 1 }
            }
        }
        crossing /= 2
        let sideMedian = median(side.indices.filter { side[$0] }.map { insideLinks[$0] })
        let restMedian = median(side.indices.filter { !side[$0] }.map { insideLinks[$0] })
        return crossing < min(sideMedian, restMedian) && smallestPiece(side: side, start: start, neighbours: neighbours) >= BridgeCut.minimumSide
    }

    /// The fewest accounts in a connected piece of either side once the links across are gone:
    /// a cut that strands a lone account or a pair is refused, as `BridgeCut` keeps a lone
    /// account or a pair hanging on a group.
    static func smallestPiece(side: [Bool], start: [Int], neighbours: [Int32]) -> Int {
        var seen = [Bool](repeating: false, count: side.count)
        var smallest = Int.max
        var queue: [Int] = []
        for origin in side.indices where !seen[origin] {
            seen[origin] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(origin)
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for j in start[v]..<start[v + 1] {
                    let w = Int(neighbours[j])
                    if !seen[w] && side[w] == side[v] {
                        seen[w] = true
                        queue.append(w)
                    }
                }
            }
            smallest = min(smallest, queue.count)
        }
        return smallest
    }

    /// The lower median of counts (0 for none).
    static func median(_ values: [Int]) -> Int {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[(values.count - 1) / 2]
    }

    /// The link graph in compressed rows: each link twice, with its position in the input
    /// (shared with `BridgeCut`).
    struct Adjacency {
        let start: [Int32]
        let neighbour: [Int32]
        let edge: [Int32]

        init(_ links: [UInt64], accounts n: Int) {
            var start = [Int32](repeating: 0, count: n + 1)
            for key in links {
                start[Int(key >> 32) + 1] += 1
                start[Int(key & 0xFFFF_FFFF) + 1] += 1
            }
            for i in 0..<n { start[i + 1] += start[i] }
            var cursor = start
            var neighbour = [Int32](repeating: 0, count: links.count * 2)
            var edge = [Int32](repeating: 0, count: links.count * 2)
            for (e, key) in links.enumerated() {
                let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
                neighbour[Int(cursor[a])] = Int32(b)
                edge[Int(cursor[a])] = Int32(e)
                cursor[a] += 1
                neighbour[Int(cursor[b])] = Int32(a)
                edge[Int(cursor[b])] = Int32(e)
                cursor[b] += 1
            }
            (self.start, self.neighbour, self.edge) = (start, neighbour, edge)
        }

        /// Links of an account, dropped or not.
        func degree(_ account: Int) -> Int { Int(start[account + 1] - start[account]) }

        /// (neighbour, link position) pairs of an account.
        func neighbours(_ account: Int) -> [(Int32, Int32)] {
            (Int(start[account])..<Int(start[account + 1])).map { (neighbour[$0], edge[$0]) }
        }

        /// Connected groups (two or more accounts) over the links not dropped, labelled in `part`
        /// from `label`.
        func components(dropped: [Bool], part: inout [Int32], label: Int32) -> [[Int32]] {
            let linked = (0..<(start.count - 1)).filter { degree($0) > 0 }.map { Int32($0) }
            return components(of: linked, dropped: dropped, part: &part, firstLabel: label)
        }

        /// Connected groups among `accounts` (whose `part` is -1) over the links not dropped,
        /// labelled in `part` from `firstLabel` (a lone account is marked `Int32.max`). The accounts must be
        /// closed under the links not dropped (a group, or one side of a cut whose links across
        /// are dropped), so the search never leaves them.
        func components(of accounts: [Int32], dropped: [Bool], part: inout [Int32], firstLabel: Int32) -> [[Int32]] {
            var groups: [[Int32]] = []
            var label = firstLabel
            for origin in accounts where part[Int(origin)] < 0 {
                var group: [Int32] = [origin]
                part[Int(origin)] = label
                var head = 0
                while head < group.count {
                    let v = Int(group[head])
                    head += 1
                    for p in Int(start[v])..<Int(start[v + 1]) where !dropped[Int(edge[p])] && part[Int(neighbour[p])] < 0 {
                        part[Int(neighbour[p])] = label
                        group.append(neighbour[p])
                    }
                }
                if group.count >= 2 {
                    groups.append(group)
                    label += 1
                } else {
                    part[Int(origin)] = Int32.max
                }
            }
            return groups
        }
    }
}
