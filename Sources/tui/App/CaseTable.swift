import Investigate

/// The rows of the case sheet: tagged items, notes and the audit trail.
enum CaseTable {
    /// How the tagged rows are ordered, as the case sheet's header says it.
    static let tagOrderShort = "by label"
    /// The same, in full, as `?` says it.
    static let tagOrder = "case sheet: another source's cluster tags first, then tags by label, each label's by id (c2 before c10, accounts, values)"
    /// The row key of a cluster tag made on another source (`elsewhere:cluster:c3`).
    static let otherSourcePrefix = "elsewhere:"
    /// The row key prefix of a cluster tag whose cluster now has other members.
    static let otherMembersPrefix = "moved:"

    /// The rows of the case sheet for a case.
    static func build(_ c: CaseState) -> SheetTable {
        var rows: [[String]] = []
        var ids: [String] = []
        var targets: [SheetKind?] = []
        var keys: [String] = []
        // Cluster tags made on another source first (the header counts them apart; they must not be
        // missed below a long list): listed, never matched to this source's clusters.
        for key in orderedTagKeys(c.otherSourceTags.keys) {
            let what = MarkKey.display(key)
            rows.append(["tag", what.text + " (cluster of another source)", c.otherSourceTags[key, default: []].joined(separator: ",")])
            ids.append(what.text)
            targets.append(nil)
            keys.append(otherSourcePrefix + key)
        }
        // Then this source's cluster tags whose clusters now hold other accounts: applied to none.
        for key in orderedTagKeys(c.otherMembersTags.keys) {
            let what = MarkKey.display(key)
            rows.append(["tag", what.text + " (cluster now of other members)", c.otherMembersTags[key, default: []].joined(separator: ",")])
            ids.append(what.text)
            targets.append(nil)
            keys.append(otherMembersPrefix + key)
        }
        // Grouped by label (a trial read ring-member, decoy, ring-member down the list): rows with
        // the same labels together, each group in id order.
        let byID = orderedTagKeys(c.tags.keys)
        let position = Dictionary(uniqueKeysWithValues: byID.enumerated().map { ($1, $0) })
        let grouped = byID.sorted { a, b in
            let (la, lb) = (labelOrder(c.tags[a] ?? []), labelOrder(c.tags[b] ?? []))
            return la != lb ? la < lb : position[a]! < position[b]!
        }
        for key in grouped {
            let what = MarkKey.display(key)
            rows.append(["tag", what.text + " (" + what.kind + ")", c.tags[key, default: []].joined(separator: ",")])
            ids.append(what.text)
            targets.append(nil)
            keys.append(key)
        }
        for (i, note) in c.notes.enumerated() {
            rows.append(["note", note, ""])
            ids.append(note)
            targets.append(nil)
            keys.append("note:\(i)")
        }
        for (i, entry) in c.audit.enumerated() {
            rows.append(["audit", "\(entry.time) \(entry.user) \(entry.command)", entry.detail])
            ids.append(entry.detail)
            targets.append(nil)
            keys.append("audit:\(i)")
        }
        return SheetTable(
            columns: [.init(title: "what", width: 5), .init(title: "item", width: 30, flexible: true),
                      .init(title: "detail", width: 20, flexible: true)],
            rows: rows, ids: ids, targets: targets, markKeys: keys, cellsRunOn: true)
    }
}

extension CaseTable {
    /// A row's labels as the case sheet groups them: sorted, joined.
    static func labelOrder(_ labels: [String]) -> String { labels.sorted().joined(separator: ",") }

    /// Tag keys in a stable order that reads as one: clusters by number (`c2` before `c10`),
    /// then accounts by id, then shared values by kind and value, ids compared by their exact
    /// bytes. (Sorting the keys themselves, which hold base64, scrambled the ids.)
    static func orderedTagKeys(_ keys: some Sequence<String>) -> [String] {
        keys.map { (key: $0, order: TagOrder($0)) }.sorted { $0.order < $1.order }.map(\.key)
    }

    /// The sort position of one tag key.
    private struct TagOrder: Comparable {
        let rank: Int
        let number: Int
        let bytes: [UInt8]
        let key: String

        init(_ key: String) {
            self.key = key
            guard let (kind, target) = MarkKey.target(key) else {
                rank = 3; number = 0; bytes = Array(key.utf8)
                return
            }
            switch kind {
            case .cluster:
                rank = 0
                number = target.utf8String.flatMap { Int($0.dropFirst()) } ?? Int.max
            case .account: rank = 1; number = 0
            case .value: rank = 2; number = 0
            }
            bytes = target.bytes
        }

        static func < (a: TagOrder, b: TagOrder) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.number != b.number { return a.number < b.number }
            if a.bytes != b.bytes { return a.bytes.lexicographicallyPrecedes(b.bytes) }
            return a.key < b.key
        }
    }
}
