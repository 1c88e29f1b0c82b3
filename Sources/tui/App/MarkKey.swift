import Investigate

/// The key that names a sheet row for marks and tags: lossless, so a tag written from the
/// console names the row's exact bytes, never its escaped display form.
///
/// Accounts are `account:<base64 of the id's bytes>`, shared values `value:<base64 of
/// "kind:value">`, clusters `cluster:c17`; queries, notes and audit rows have keys that are
/// never tag targets.
enum MarkKey {
    /// The key of an account row.
    static func account(_ id: ExactText) -> String { "account:" + id.base64 }

    /// The key of a shared-value row.
    static func value(_ kind: LinkKind, _ value: ExactText) -> String {
        "value:" + ExactText(bytes: Array((kind.rawValue + ":").utf8) + value.bytes).base64
    }

    /// The key of an operation's triage row (not a tag target itself: `T` tags its clusters).
    static func operation(_ id: String) -> String { "operation:" + id }

    /// The key of a cluster row.
    static func cluster(_ number: Int) -> String { "cluster:c\(number)" }

    /// The key of a stored tag.
    static func tag(_ kind: TagTargetKind, _ target: ExactText) -> String {
        switch kind {
        case .account: return "account:" + target.base64
        case .value: return "value:" + target.base64
        case .cluster: return "cluster:" + (target.utf8String ?? target.display)
        }
    }

    /// The tag target a key names, or nil for rows that cannot be tagged.
    static func target(_ key: String) -> (kind: TagTargetKind, target: ExactText)? {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "account": return ExactText(base64: parts[1]).map { (.account, $0) }
        case "value": return ExactText(base64: parts[1]).map { (.value, $0) }
        case "cluster": return (.cluster, ExactText(parts[1]))
        default: return nil
        }
    }

    /// What a key shows on the case sheet: (kind, escaped text).
    static func display(_ key: String) -> (kind: String, text: String) {
        guard let (kind, target) = target(key) else {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            return (parts.first ?? "", parts.last ?? key)
        }
        return (kind.rawValue, target.display)
    }
}
