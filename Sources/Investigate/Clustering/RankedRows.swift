/// Groups of accounts (a clustering's, or the clusters in rank order) kept compactly for many
/// one-account groups: every group's members back to back, and where each group starts worked
/// out in constant time from a bit per group (set for a group of other than one account) and
/// the members beyond one that such groups hold. A million singletons cost about 4.2 bytes each
/// (their member and their bit), against 8 in `MemberRows`.
///
/// Immutable once built; `dense` gives the plain `MemberRows` (for a snapshot).
struct RankedRows: Sendable {
    /// The members of every group, group after group, each group ascending.
    let members: [Int32]
    /// The number of groups.
    let count: Int
    /// One bit per group, set when it holds other than one account.
    private let multi: [UInt64]
    /// For each word of `multi`, the bits set in the words before it.
    private let multiBefore: [Int32]
    /// For the `k`th group with its bit set (and one past the last), the members beyond one per
    /// group held by the groups before it: group `g` starts at `g + extraBefore[k]`, where `k`
    /// is the number of set bits before `g`'s.
    private let extraBefore: [Int32]

    /// Rows in a new order: row `r` holds group `order[r]` of `groups`.
    /// - Complexity: O(members + groups).
    init(_ groups: RankedRows, order: [Int32]) {
        var members = [Int32]()
        members.reserveCapacity(groups.members.count)
        var sizes = SizeMarks(count: order.count)
        for (rank, g) in order.enumerated() {
            let row = groups.members(of: Int(g))
            members.append(contentsOf: row)
            sizes.note(rank: rank, size: row.count)
        }
        self.init(members: members, sizes: sizes)
    }

    /// The same rows as `rows` (its members are shared, not copied).
    /// - Complexity: O(groups).
    init(_ rows: MemberRows) {
        var sizes = SizeMarks(count: rows.count)
        for g in 0..<rows.count { sizes.note(rank: g, size: rows.size(of: g)) }
        self.init(members: rows.members, sizes: sizes)
    }

    private init(members: [Int32], sizes: SizeMarks) {
        (self.members, count, multi, extraBefore) = (members, sizes.count, sizes.multi, sizes.extraBefore)
        var before = [Int32](repeating: 0, count: multi.count)
        var running: Int32 = 0
        for w in multi.indices {
            before[w] = running
            running += Int32(multi[w].nonzeroBitCount)
        }
        multiBefore = before
    }

    /// The groups' sizes as they are noted, group after group.
    private struct SizeMarks {
        let count: Int
        var multi: [UInt64]
        var extraBefore: [Int32] = [0]

        init(count: Int) {
            self.count = count
            multi = [UInt64](repeating: 0, count: (count + 63) / 64)
        }

        mutating func note(rank: Int, size: Int) {
            guard size != 1 else { return }
            multi[rank >> 6] |= 1 << UInt64(rank & 63)
            extraBefore.append(extraBefore[extraBefore.count - 1] + Int32(size - 1))
        }
    }

    /// The positions in `members` of group `group`.
    /// - Complexity: O(1).
    func range(of group: Int) -> Range<Int> {
        precondition(group >= 0 && group < count, "RankedRows: group out of range")
        let word = multi[group >> 6], bit = UInt64(group & 63)
        let k = Int(multiBefore[group >> 6]) + (word & ((1 << bit) &- 1)).nonzeroBitCount
        let start = group + Int(extraBefore[k])
        let size = (word >> bit) & 1 == 1 ? Int(extraBefore[k + 1] - extraBefore[k]) + 1 : 1
        return start..<(start + size)
    }

    /// The members of group `group`, ascending.
    func members(of group: Int) -> ArraySlice<Int32> { members[range(of: group)] }

    /// The number of members of group `group`.
    func size(of group: Int) -> Int { range(of: group).count }

    /// The rows with a start for every group.
    /// - Complexity: O(groups).
    var dense: MemberRows {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for g in 0..<count { offsets[g + 1] = offsets[g] + Int32(size(of: g)) }
        return MemberRows(offsets: offsets, members: members)
    }
}
