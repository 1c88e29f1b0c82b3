/// Keeps one link from gluing two groups together: a link that is the only path between two
/// sides of at least `minimumSide` accounts each (a bridge of the link graph) is dropped, so each
/// side stays its own cluster. An office ring and a translation agency that share one browser
/// client string meet through one pair that also fired together twice; each side is held by
/// hundreds of links of its own, the join by one.
///
/// A lone account or a pair hanging on a group by one link keeps it (a recidivist on one card of
/// a banned account); a group held together by two or more links between its parts keeps them.
enum BridgeCut {
    /// The fewest accounts on each side for a bridge to be dropped: a side of three can hold a
    /// triangle, the smallest group with links of its own.
    static let minimumSide = 3

    /// The links to keep (as given: smaller account << 32 | larger), in their order.
    /// - Complexity: O(accounts + links): one depth-first pass (iterative) finding bridges and
    ///   the size of the side each one cuts off.
    static func kept(_ links: [UInt64], accounts n: Int) -> [UInt64] {
        guard !links.isEmpty else { return links }
        // Adjacency in compressed rows: each link twice, with its position.
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
        var entered = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var size = [Int32](repeating: 1, count: n)
        var root = [Int32](repeating: -1, count: n)
        var componentSize: [Int32: Int32] = [:]
        var bridges: [(edge: Int32, below: Int32, root: Int32)] = []
        var clock: Int32 = 0
        // Stack frames: (account, link it was entered by, next adjacency position).
        var stack: [(account: Int32, via: Int32, next: Int32)] = []
        for origin in 0..<n where entered[origin] < 0 && start[origin] < start[origin + 1] {
            entered[origin] = clock
            low[origin] = clock
            clock += 1
            root[origin] = Int32(origin)
            stack.append((Int32(origin), -1, start[origin]))
            while !stack.isEmpty {
                let top = stack.count - 1
                let v = Int(stack[top].account)
                let position = Int(stack[top].next)
                if position < Int(start[v + 1]) {
                    stack[top].next += 1
                    let w = Int(neighbour[position])
                    if edge[position] == stack[top].via { continue }
                    if entered[w] < 0 {
                        entered[w] = clock
                        low[w] = clock
                        clock += 1
                        root[w] = Int32(origin)
                        stack.append((Int32(w), edge[position], start[w]))
                    } else {
                        low[v] = min(low[v], entered[w])
                    }
                    continue
                }
                let via = stack[top].via
                stack.removeLast()
                guard let parent = stack.last.map({ Int($0.account) }) else { continue }
                low[parent] = min(low[parent], low[v])
                size[parent] += size[v]
                if low[v] > entered[parent] { bridges.append((via, size[v], Int32(origin))) }
            }
            componentSize[Int32(origin)] = size[origin]
        }
        var drop = Set<Int32>()
        for bridge in bridges {
            let total = componentSize[bridge.root] ?? 0
            if min(bridge.below, total - bridge.below) >= Int32(minimumSide) { drop.insert(bridge.edge) }
        }
        guard !drop.isEmpty else { return links }
        return links.enumerated().filter { !drop.contains(Int32($0.offset)) }.map(\.element)
    }
}
