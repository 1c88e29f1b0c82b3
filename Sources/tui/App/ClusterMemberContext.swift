import Investigate

/// The exact members of every cluster a console write tags, added to its audit context
/// (`cluster_members.cN`, `ClusterMembers`): a cluster tag holds only where its id still names
/// these accounts, so a write that records none would hold nowhere.
enum ClusterMemberContext {
    /// The members' context of the cluster keys among `keys` (`cluster:c4`), read from `model`.
    static func context(_ keys: [String], model: (any ConsoleModel)?) -> [String: String] {
        guard let model else { return [:] }
        var found: [String: ClusterMembers] = [:]
        for key in keys {
            guard let (kind, target) = MarkKey.target(key), kind == .cluster, let id = target.utf8String,
                let number = number(id), let members = model.clusterMembers(number)
            else { continue }
            found[id] = members
        }
        return ClusterTagSources.membersContext(found)
    }

    /// `write` with its clusters' members in its context (a write tagging no cluster as it was);
    /// the members read from the model now win over any the write was given.
    static func attach(_ write: CaseWrite, model: (any ConsoleModel)?) -> CaseWrite {
        switch write {
        case .tag(let label, let keys):
            let members = context(keys, model: model)
            return members.isEmpty ? write : .tagChosen(label: label, keys: keys, context: members)
        case .tagChosen(let label, let keys, let given):
            return .tagChosen(label: label, keys: keys, context: given.merging(context(keys, model: model)) { _, computed in computed })
        default:
            return write
        }
    }

    /// The number of cluster id `c4` (nil: not a cluster id).
    static func number(_ id: String) -> Int? {
        guard id.hasPrefix("c") else { return nil }
        return Int(id.dropFirst())
    }
}
