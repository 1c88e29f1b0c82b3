import Investigate

/// Link kinds as typed on the `:` line.
enum LinkKindName {
    static let all = LinkKind.allCases.map(\.rawValue)
    static func parse(_ text: String) -> LinkKind? { LinkKind(name: text) }
}

/// Tab completion for the `:` line: command names, link kinds after `pivot`, account ids after
/// `open`, the case's fields after `set` (what `S` prefills) and the statuses and severities
/// they take, and the built-in and open case's labels after `tag` and `T`'s words (`tagcluster`,
/// `tagvalue`, `tagoperation`: what `t` and `T` prefill).
enum Completion {
    /// Every verb the `:` line accepts.
    static var verbs: [String] {
        let names = ConsoleCommands.all.compactMap(\.colonName) + ["pivot", "dump", "warnings", "quit", "note"] + AppUpdate.tagWholeWords
        return Array(Set(names)).sorted()
    }

    /// The completed text and the options (when more than one remains).
    static func complete(_ text: String, data: ConsoleData?, labels: [String] = []) -> (String, [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count >= 2, words[0] == "tag" || AppUpdate.tagWholeWords.contains(words[0]) {
            return completeLabel(verb: words[0], typed: words.dropFirst().joined(separator: " "), labels: labels)
        }
        let head = words.dropLast().joined(separator: " ")
        let last = words.last ?? ""
        let candidates: [String]
        switch words.count {
        case 0, 1:
            candidates = verbs.filter { $0.hasPrefix(last.lowercased()) }
        case 2 where words[0] == "pivot":
            candidates = LinkKindName.all.filter { $0.hasPrefix(last.lowercased()) }
        case 2 where words[0] == "open":
            candidates = data?.model.accountIDs(prefix: last, limit: 50) ?? []
        case 2 where words[0] == "case":
            candidates = ["new"].filter { $0.hasPrefix(last) }
        case 2 where words[0] == "set":
            candidates = ["assignee", "disposition", "severity", "status"].filter { $0.hasPrefix(last.lowercased()) }
        case 3 where words[0] == "set" && (words[1] == "status" || words[1] == "severity"):
            let accepted = words[1] == "status" ? CaseStatus.allCases.map(\.rawValue) : AppUpdate.severities
            candidates = accepted.filter { $0.hasPrefix(last.lowercased()) }
        default:
            candidates = []
        }
        guard !candidates.isEmpty else { return (text, []) }
        let prefix = commonPrefix(candidates)
        let joined = (head.isEmpty ? "" : head + " ") + prefix
        if candidates.count == 1 { return (joined + " ", []) }
        return (joined, candidates)
    }

    /// A label (which may hold spaces) completed from the case's labels, as typed so far.
    static func completeLabel(verb: String, typed: String, labels: [String]) -> (String, [String]) {
        let candidates = Array(Set(labels.filter { $0.hasPrefix(typed) })).sorted()
        guard !candidates.isEmpty else { return (verb + " " + typed, []) }
        // A label is the whole rest of the line: one match completes without a trailing space.
        if candidates.count == 1 { return (verb + " " + candidates[0], []) }
        return (verb + " " + commonPrefix(candidates), candidates)
    }

    /// The built-in labels (`ring-member`, `benign`, ...) and the labels used in the case, each
    /// once, by name: a new case is offered the built-ins.
    static func labels(of c: CaseState) -> [String] {
        Array(Set(c.tags.values.joined()).union(TagLabel.builtIn)).sorted()
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first else { return "" }
        for s in strings.dropFirst() {
            while !s.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
