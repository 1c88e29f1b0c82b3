import Investigate

/// How the open case stands against the source the console shows. Cluster ids (`c3`) are
/// numbers of one source's ranking: a case made on another source (or on this folder when it
/// held other files) must not make this source's clusters look tagged, and writing into it is
/// asked for first.
enum CaseSourceStanding: Hashable, Sendable {
    /// Made on this source (or kept in memory in this session).
    case same
    /// The case keeps no source (made by `investigate case new`, or before cases kept one).
    case unrecorded
    /// Made on this folder when it held other files.
    case changed(path: String)
    /// Made on another source folder.
    case other(path: String)

    /// The standing of a case that recorded `recorded` while the console shows `current`.
    static func of(recorded: CaseSource?, current: CaseSource?) -> CaseSourceStanding {
        guard let recorded else { return .unrecorded }
        guard let current else { return .other(path: recorded.path) }
        switch recorded.match(current) {
        case .same: return .same
        case .changed: return .changed(path: recorded.path)
        case .other: return .other(path: recorded.path)
        }
    }

    /// True when writes into the case are asked for first and its cluster tags are not shown.
    var isForeign: Bool { self != .same }

    /// Where the case is from, in a few words: `from another source`.
    var headline: String {
        switch self {
        case .same: return "from this source"
        case .unrecorded: return "of no recorded source"
        case .changed: return "from this folder's earlier files"
        case .other: return "from another source"
        }
    }

    /// The headline with the folder the case was made on, last (it may be long).
    var short: String {
        switch self {
        case .same, .unrecorded: return headline
        case .changed(let path), .other(let path): return headline + " (\(path))"
        }
    }

    /// The status line when such a case is opened: what is wrong first, what it means, then
    /// the folder (cut first on a narrow terminal).
    func warning(caseID: String) -> String {
        "\(caseID) is \(headline): cluster tags hidden, writes ask first" + String(short.dropFirst(headline.count))
    }
}

/// The source check's parts that read the stored case (which source each cluster tag was made on:
/// `ClusterTagSources`).
enum CaseSourceCheck {
    /// The audit context the console adds to a tag write: the source it was made on and the
    /// clusters' numbering, so the tag's clusters are read against them (and only them) later.
    static func context(_ source: CaseSource?) -> [String: String] {
        guard let source else { return ["source": "console"] }
        return ClusterTagSources.context(madeOn: source, via: "console")
    }

    /// Splits a case's stored tags into those that hold on `current` (accounts and values
    /// always, clusters made on it whose id still names the members they were tagged with, as
    /// `members` gives them), cluster tags made elsewhere (another source or numbering), and
    /// cluster tags of this source whose cluster now has other members (or that record none),
    /// each keyed by mark key. Unchecked (no source to check against), every tag holds. Without
    /// `members` (the source not loaded yet), this source's cluster tags are in none of the
    /// three: not shown as holding, nor as moved, until their members can be compared.
    static func split(
        _ snapshot: CaseSnapshot, current: CaseSource?, checked: Bool = true, members: ((String) -> ClusterMembers?)? = nil
    ) -> (here: [String: [String]], elsewhere: [String: [String]], moved: [String: [String]]) {
        let sources = ClusterTagSources(snapshot, current: current, members: members)
        var here: [String: [String]] = [:]
        var elsewhere: [String: [String]] = [:]
        var moved: [String: [String]] = [:]
        for tag in snapshot.tags {
            let key = MarkKey.tag(tag.kind, tag.target)
            let standing = checked ? sources.standing(tag) : .holds
            switch standing {
            case .holds:
                if !(here[key] ?? []).contains(tag.label) { here[key, default: []].append(tag.label) }
            case .otherSource, .otherNumbering:
                if !(elsewhere[key] ?? []).contains(tag.label) { elsewhere[key, default: []].append(tag.label) }
            case .membersDiffer, .membersUnrecorded:
                if !(moved[key] ?? []).contains(tag.label) { moved[key, default: []].append(tag.label) }
            case .membersUnchecked:
                break
            }
        }
        return (here, elsewhere, moved)
    }
}

extension AppUpdate {
    /// The `:` verbs that write into the open case.
    static let writeVerbs: Set<String> = [
        "tag", "tagcluster", "tagvalue", "tagoperation", "note", "set", "status", "severity", "assignee", "disposition", "undo", "export",
    ]

    /// Holds a write into a case made on another source until the investigator confirms it:
    /// the line is kept and a `confirm` prompt says where the write would go. True when held.
    static func holdForeignWrite(_ s: inout AppState, _ line: String, verb: String) -> Bool {
        guard writeVerbs.contains(verb), s.caseState.source.isForeign, let id = s.caseState.id,
            s.foreignWritesConfirmed != id
        else { return false }
        s.heldWrite = line
        PromptLock.open(
            &s, "confirm",
            completions: ["Enter writes to \(id) anyway, Esc cancels: it is \(s.caseState.source.short)"])
        return true
    }

    /// `confirm`: runs the held write and lets this session's later writes into the case go through.
    static func confirmHeldWrite(_ s: inout AppState, _ effects: inout [Effect]) {
        guard let line = s.heldWrite, let id = s.caseState.id else { s.status = "nothing to confirm"; return }
        s.heldWrite = nil
        s.foreignWritesConfirmed = id
        runLine(&s, &effects, line)
    }
}
