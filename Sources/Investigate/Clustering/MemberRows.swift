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
        // The sizes become the starts in place, so that no copy of them is held beside the
        // members (at the end of clustering a million groups, each copy was 4 MiB).
        sizes.append(0)
        Self.startsFromSizes(&sizes)
        let members = Self.fill(groupOf: group, starts: &sizes)
        self.init(offsets: sizes, members: members)
    }

    /// Groups accounts `0..<groupOf.count` by their group (`groupOf[account]` in `0..<sizes.count`,
    /// `sizes[g]` accounts each); members come out ascending within a group.
    /// - Complexity: O(accounts + groups).
    public init(groupOf: [Int32], sizes: [Int32]) {
        var offsets = sizes + [0]
        Self.startsFromSizes(&offsets)
        let members = Self.fill(groupOf: groupOf, starts: &offsets)
        self.init(offsets: offsets, members: members)
    }

    /// Turns each group's size (and a 0 after the last) into where it starts (and the end).
    private static func startsFromSizes(_ values: inout [Int32]) {
        var running: Int32 = 0
        for g in values.indices {
            let size = values[g]
            values[g] = running
            running += size
        }
    }

    /// The members group after group, ascending within a group; `starts` is used as each
    /// group's write position, then put back.
    private static func fill(groupOf: [Int32], starts: inout [Int32]) -> [Int32] {
        var members = [Int32](repeating: 0, count: groupOf.count)
        for (account, g) in groupOf.enumerated() {
            members[Int(starts[Int(g)])] = Int32(account)
            starts[Int(g)] += 1
        }
        // Each position now holds the next group's start: shift them back by one.
        var previous: Int32 = 0
        for g in starts.indices.dropLast() { swap(&starts[g], &previous) }
        return members
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
