/// What the link graph of one cluster section shows, chosen to stay readable: values shared by
/// exactly the same case accounts form one box; boxes are taken widest first, skipping any that
/// would split the accounts into more than `maxGroups` groups; accounts are grouped by exactly
/// which boxes they share. Linear in the section's incidence (no pair expansion).
struct ReportGraphLayout {
    static let maxBoxes = 8
    static let maxGroups = 8
    static let maxCandidates = 60
    static let maxNamed = 40
    static let maxNamesPerGroup = 8

    /// Values (indices into `CaseLinks.values`) shared by exactly the same case accounts.
    struct ValueBox {
        var values: [Int]
        var sharers: [Int32]
    }

    /// Accounts sharing exactly the same boxes (`boxes` index `ReportGraphLayout.boxes`).
    struct Group {
        var boxes: [Int]
        var members: [Int32]
        /// How many of `members` are named in the drawing (the rest are counted).
        var named = 0
    }

    /// The boxes drawn.
    private(set) var boxes: [ValueBox] = []
    /// The groups drawn, biggest first.
    private(set) var groups: [Group] = []
    /// Case accounts in the section that share none of the boxes drawn.
    private(set) var unlinked = 0

    /// Values drawn (in all boxes).
    var valuesShown: Int { boxes.reduce(0) { $0 + $1.values.count } }
    /// Accounts named in the drawing.
    var accountsNamed: Int { groups.reduce(0) { $0 + $1.named } }

    init(_ entry: ReportClusters.Entry, _ links: CaseLinks) {
        var boxIndex: [[Int32]: Int] = [:]
        var all: [ValueBox] = []
        for (value, sharers) in entry.values {
            if let i = boxIndex[sharers] { all[i].values.append(value) } else {
                boxIndex[sharers] = all.count
                all.append(ValueBox(values: [value], sharers: sharers))
            }
        }
        func weight(_ box: ValueBox) -> Double { box.values.map { links.values[$0].weight }.max() ?? 0 }
        // Boxes holding a value rare enough to find pairs by come first; a box of hubs only (a
        // free-mail domain, a model everyone uses) is drawn only if room is left.
        func rare(_ box: ValueBox) -> Bool { box.values.contains { !links.values[$0].hub } }
        let candidates = all.sorted { a, b in
            let (ra, rb) = (rare(a), rare(b))
            if ra != rb { return ra }
            if a.sharers.count != b.sharers.count { return a.sharers.count > b.sharers.count }
            let (wa, wb) = (weight(a), weight(b))
            return wa != wb ? wa > wb : a.values[0] < b.values[0]
        }.prefix(Self.maxCandidates)
        // Greedy: a box is drawn when the groups it creates stay within `maxGroups`.
        var groupOf: [Int32: Int] = [:]  // member -> group number
        var groupCount = 0
        for box in candidates where boxes.count < Self.maxBoxes {
            var hits: [Int: Int] = [:]  // group -> members of it in the box
            var fresh = 0
            for sharer in box.sharers {
                if let g = groupOf[sharer] { hits[g, default: 0] += 1 } else { fresh += 1 }
            }
            var sizes = [Int](repeating: 0, count: groupCount)
            for (_, g) in groupOf { sizes[g] += 1 }
            var after = fresh > 0 ? 1 : 0
            for g in 0..<groupCount { after += (hits[g, default: 0] > 0 ? 1 : 0) + (hits[g, default: 0] < sizes[g] ? 1 : 0) }
            guard after <= Self.maxGroups else { continue }
            // Split: members of group g in the box move to a new group number.
            var moved: [Int: Int] = [:]
            var next = groupCount
            let freshGroup = fresh > 0 ? next : -1
            if fresh > 0 { next += 1 }
            for sharer in box.sharers {
                if let g = groupOf[sharer] {
                    if hits[g]! < sizes[g] {
                        if moved[g] == nil { moved[g] = next; next += 1 }
                        groupOf[sharer] = moved[g]
                    }
                } else {
                    groupOf[sharer] = freshGroup
                }
            }
            groupCount = next
            boxes.append(box)
        }
        // Groups by exactly which drawn boxes their members share.
        var slots: [Int32: [Int]] = [:]
        for (slot, box) in boxes.enumerated() { for sharer in box.sharers { slots[sharer, default: []].append(slot) } }
        var bySignature: [[Int]: [Int32]] = [:]
        for member in entry.members {
            if let signature = slots[member] { bySignature[signature, default: []].append(member) } else { unlinked += 1 }
        }
        groups = bySignature.map { Group(boxes: $0.key, members: $0.value) }.sorted { a, b in
            a.members.count != b.members.count ? a.members.count > b.members.count : a.boxes.lexicographicallyPrecedes(b.boxes)
        }
        var budget = Self.maxNamed
        for i in groups.indices {
            groups[i].named = min(budget, Self.maxNamesPerGroup, groups[i].members.count)
            budget -= groups[i].named
        }
    }

    /// The sampling statement: what the graph shows out of what there is.
    func statement(accounts total: Int, values totalValues: Int) -> String {
        let covered = total - unlinked
        var text =
            accountsNamed == total && valuesShown == totalValues
            ? "Showing all \(total) accounts and all \(totalValues) shared values."
            : "Showing \(valuesShown) of \(totalValues) shared values, held by \(covered) of \(total) accounts, "
                + "\(accountsNamed) of them by name."
        text += " Each account box holds the accounts that share exactly the values it is linked to"
        text += accountsNamed < total - unlinked ? " (named up to \(Self.maxNamesPerGroup) per box)." : "."
        if unlinked > 0 { text += " \(ReportText.count(unlinked, "account")) share none of the values drawn." }
        return text
    }
}
