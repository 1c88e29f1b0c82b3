/// Groups of accounts in compressed sparse rows: every group's members back to back in one
/// array, and where each group starts. A million singleton clusters cost 8 bytes each, not an
/// array allocation each.
public struct MemberRows: Sendable {
    /// Start of each group in `members` (`count + 1` entries).
    public private(set) var offsets: [Int32]
    /// The members of every group, group after group, each group ascending.
    public private(set) var members: [Int32]

    /// The number of groups.
    public var count: Int { offsets.count - 1 }

    /// The members of group `group`.
    public func members(of group: Int) -> ArraySlice<Int32> {
        members[Int(offsets[group])..<Int(offsets[group + 1])]
    }

    /// The number of members of group `group`.
    public func size(of group: Int) -> Int { Int(offsets[group + 1] - offsets[group]) }

    /// Groups accounts `0..<groupOf.count` by their group (`groupOf[account]` in `0..<sizes.count`,
    /// `sizes[g]` accounts each); members come out ascending within a group.
    /// - Complexity: O(accounts + groups).
    /// The components of `sets`, numbered in order of their smallest member (the sets are
    /// emptied afterwards to free their memory).
    public init(components sets: inout DisjointSets) {
        let n = sets.count
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
        sets = DisjointSets(count: 0)
        self.init(groupOf: group, sizes: sizes)
    }

    public init(groupOf: [Int32], sizes: [Int32]) {
        var offsets = [Int32](repeating: 0, count: sizes.count + 1)
        for g in sizes.indices { offsets[g + 1] = offsets[g] + sizes[g] }
        var cursor = offsets
        var members = [Int32](repeating: 0, count: groupOf.count)
        for (account, g) in groupOf.enumerated() {
            members[Int(cursor[Int(g)])] = Int32(account)
            cursor[Int(g)] += 1
        }
        self.offsets = offsets
        self.members = members
    }

    /// Rows in a new order: row `i` of the result is row `order[i]` of `self`.
    /// - Complexity: O(members + groups).
    public func reordered(by order: [Int32]) -> MemberRows {
        var offsets = [Int32](repeating: 0, count: order.count + 1)
        var members = [Int32]()
        members.reserveCapacity(self.members.count)
        for (i, g) in order.enumerated() {
            members.append(contentsOf: self.members(of: Int(g)))
            offsets[i + 1] = Int32(members.count)
        }
        return MemberRows(offsets: offsets, members: members)
    }

    init(offsets: [Int32], members: [Int32]) {
        self.offsets = offsets
        self.members = members
    }
}
