import Investigate

/// What identifies a cluster across console sessions: the exact ids of its members, not its
/// number. Cluster numbers follow the ranking, so after the source changes (a ring removed) `c3`
/// may be another cluster; a session stores `NUMBER:HASH:ANCHOR64` (the hash of the members'
/// exact ids and the base64 of one member's id) and a restore reopens a cluster only when the
/// anchor's cluster today holds exactly the same accounts.
enum SessionClusterIdentity {
    /// The saved argument for cluster `number`, or nil when the model cannot list it.
    static func encode(_ number: Int, model: any ConsoleModel) -> String? {
        guard let detail = model.cluster(number), let anchor = detail.members.first else { return nil }
        let ids = detail.members.map { model.exactAccountID($0.account) }
        return "\(number):\(membersHash(ids)):\(model.exactAccountID(anchor.account).base64)"
    }

    /// The number, today, of the cluster a saved argument names, or nil when no cluster holds
    /// the same accounts any more (or the argument is not one `encode` writes).
    static func resolve(_ argument: String, model: any ConsoleModel) -> Int? {
        let parts = argument.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, let anchorID = ExactText(base64: parts[2]),
              let anchor = model.accountIndex(exact: anchorID),
              let number = model.cluster(ofAccount: anchor), let detail = model.cluster(number)
        else { return nil }
        let ids = detail.members.map { model.exactAccountID($0.account) }
        return membersHash(ids) == parts[1] ? number : nil
    }

    /// The number a saved argument had when it was saved (for the status line), or nil.
    static func savedNumber(_ argument: String) -> Int? {
        argument.split(separator: ":", maxSplits: 1).first.flatMap { Int($0) }
    }

    /// FNV-1a (64-bit) over the sorted ids, each preceded by its length: independent of the
    /// order the members are listed in, and no two different sets of ids run together.
    static func membersHash(_ ids: [ExactText]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for id in ids.sorted() {
            var length = UInt32(id.bytes.count)
            for _ in 0..<4 { mix(UInt8(length & 0xff)); length >>= 8 }
            id.bytes.forEach(mix)
        }
        return String(hash, radix: 16)
    }
}
