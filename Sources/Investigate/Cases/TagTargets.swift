/// The targets of one tag or untag: validated, unique, in (kind, bytes) order, and their audit
/// detail (`accounts`, `clusters`, `values` as `ExactText.jsonValue` lists).
struct TagTargets {
    /// The detail keys a caller's context may not overwrite.
    static let reserved: Set<String> = ["label", "added", "removed", "reason", "accounts", "clusters", "values"]

    let list: [(TagTargetKind, ExactText)]

    /// - Throws: `CaseStoreError` when a target is empty or too long, or there is none.
    init(_ raw: [(TagTargetKind, ExactText)]) throws {
        var seen = Set<String>()
        var list: [(TagTargetKind, ExactText)] = []
        for (kind, target) in raw where seen.insert(kind.rawValue + ":" + target.base64).inserted {
            list.append((kind, try CaseText.target(target)))
        }
        guard !list.isEmpty else { throw CaseStoreError.invalid("nothing to tag") }
        self.list = list.sorted { a, b in a.0 != b.0 ? a.0.rawValue < b.0.rawValue : a.1 < b.1 }
    }

    /// The audit detail: the label, the targets by kind, and the context under free keys.
    func detail(label: String, context: [String: String]) -> [String: JSONValue] {
        detail(label: label, context: context, only: list)
    }

    /// The detail for a subset of the targets (an untag records only what it retracted).
    func detail(label: String, context: [String: String], only targets: [(TagTargetKind, ExactText)])
        -> [String: JSONValue]
    {
        var detail: [String: JSONValue] = ["label": .string(label)]
        for kind in TagTargetKind.allCases {
            let items = targets.filter { $0.0 == kind }.map { $0.1.jsonValue }
            if !items.isEmpty { detail[kind.rawValue + "s"] = .array(items) }
        }
        for (key, value) in context where !Self.reserved.contains(key) { detail[key] = .string(value) }
        return detail
    }
}
