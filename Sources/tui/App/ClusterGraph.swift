import Investigate

/// A cluster as a node-link picture (issue 14, point 12): its member accounts are the rows, the
/// values two or more of them share are the columns, and a column's line joins the accounts
/// holding that value (a BioFabric-style layout: every node a line, every link a mark, so no
/// two links ever cross or hide each other in a text grid).
struct ClusterGraph: Sendable {
    /// Member accounts, riskiest first: (account index, display id).
    var accounts: [(account: Int, id: String)]
    /// The shared values, most-shared first and hubs last (as the connect pane lists them).
    var values: [SketchLine]
    /// `holds[a][v]`: account `a` holds value `v`.
    var holds: [[Bool]]

    /// The first and last account rows holding value `v`, if two or more do.
    func span(_ v: Int) -> ClosedRange<Int>? {
        guard let first = holds.firstIndex(where: { $0[v] }), let last = holds.lastIndex(where: { $0[v] }),
              first < last else { return nil }
        return first...last
    }
}

extension EngineModel {
    /// The graph of cluster `number`: at most `accountLimit` members (riskiest first) and the
    /// shared values among them.
    func clusterGraph(_ number: Int) -> ClusterGraph? {
        guard let detail = cluster(number) else { return nil }
        let members = detail.members.prefix(500).map { (account: $0.account, id: $0.id) }
        let values = clusterSketch(number).filter { $0.kind != nil }
        let holds = members.map { member in
            values.map { line in index.values(of: member.account, kind: line.kind!).contains(line.value) }
        }
        return ClusterGraph(accounts: members, values: values, holds: holds)
    }
}
