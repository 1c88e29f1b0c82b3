/// The members of a cluster that changed hands: bought or taken-over accounts. Such an account
/// has a history of its own (queries through IPs, networks and keys no other member uses), and
/// that history stops when its traffic through what it shares with the cluster begins.
///
/// A member counts when, its rows read oldest first, at least `ownHistory` of its own queries
/// come before its first shared one, at least `ownHistory` shared ones follow, and at most a
/// tenth of its own queries come after the first shared one. A student who queries from home
/// and then from the campus network in lecture hours keeps querying from home: not a handover.
/// An account made for the job has no history before its shared traffic: not one either.
public struct MemberHandover: Sendable {
    /// Each member that changed hands, with the time of its first query through a value it
    /// shares with another member (epoch ms), in member order.
    public let switches: [(member: Int32, at: Int64)]
    /// The members in `switches`.
    private let switched: Set<Int32>

    /// The fewest own queries before, and shared queries after, that make a handover (design:
    /// fewer is a chance order of a member's rows, not a history).
    static let ownHistory = 3

    /// Finds the members that changed hands among `members` (none under three members).
    /// - Complexity: O(the members' values and queries).
    init(members: [Int32], index: LinkIndex) {
        guard members.count >= 3 else {
            (switches, switched) = ([], [])
            return
        }
        let shared = Self.sharedValues(members, index: index)
        let data = index.data, queries = data.queries, contexts = queries.contexts, ipKeys = data.ipKeys
        func isShared(_ row: Int) -> Bool {
            let context = Int(queries.context[row])
            let ip = ipKeys.key(contexts.ip[context]), key = contexts.apiKey[context]
            if key >= 0 && shared.keys.contains(key) { return true }
            guard ip >= 0 else { return false }
            return shared.ips.contains(ip) || shared.subnets.contains(data.ipSubnet[Int(ip)])
        }
        var found: [(member: Int32, at: Int64)] = []
        for member in members {
            let rows = queries.rows(of: Int(member))
            var ownBefore = 0, sharedRows = 0, ownAfter = 0
            var first: Int?
            for row in rows {
                if isShared(row) {
                    if first == nil { first = row }
                    sharedRows += 1
                } else if first == nil {
                    ownBefore += 1
                } else {
                    ownAfter += 1
                }
            }
            guard let first, ownBefore >= Self.ownHistory, sharedRows >= Self.ownHistory,
                ownAfter * 10 <= ownBefore + ownAfter
            else { continue }
            found.append((member, queries.timestamp(first)))
        }
        switches = found
        switched = Set(found.map(\.member))
    }

    /// The IPs, networks and API keys that two or more of `members` hold.
    static func sharedValues(_ members: [Int32], index: LinkIndex) -> (ips: Set<Int32>, subnets: Set<Int32>, keys: Set<Int32>) {
        func held(_ kind: LinkKind) -> Set<Int32> {
            var holders: [Int32: Int] = [:]
            for member in members { for value in index.values(of: Int(member), kind: kind) { holders[value, default: 0] += 1 } }
            return Set(holders.compactMap { $0.value >= 2 ? $0.key : nil })
        }
        return (held(.ip), held(.subnet), held(.apiKey))
    }

    /// Whether `member` changed hands.
    public func changedHands(_ member: Int32) -> Bool { switched.contains(member) }
}
