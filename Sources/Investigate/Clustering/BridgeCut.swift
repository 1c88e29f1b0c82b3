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
        let graph = SparseCut.Adjacency(links, accounts: n)
        let (start, neighbour, edge) = (graph.start, graph.neighbour, graph.edge)
        var entered = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var size = [Int32](repeating: 1, count: n)
        // The current component's bridges (link, accounts below it), judged when its pass ends and
        // its size is known; the links to drop, by position.
        var bridges: [(edge: Int32, below: Int32)] = []
        var drop = [Bool](repeating: false, count: links.count)
        var dropped = 0
        var clock: Int32 = 0
        // Stack frames: (account, link it was entered by, next adjacency position).
        var stack: [(account: Int32, via: Int32, next: Int32)] = []
        for origin in 0..<n where entered[origin] < 0 && start[origin] < start[origin + 1] {
            entered[origin] = clock
            low[origin] = clock
            clock += 1
            bridges.removeAll(keepingCapacity: true)
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
                if low[v] > entered[parent] { bridges.append((via, size[v])) }
            }
            let total = size[origin]
            for bridge in bridges where min(bridge.below, total - bridge.below) >= Int32(minimumSide) {
                drop[Int(bridge.edge)] = true
                dropped += 1
            }
        }
        guard dropped > 0 else { return links }
        return links.enumerated().filter { !drop[$0.offset] }.map(\.element)
    }
}
