import Foundation
import Investigate

/// One write to the case, requested by `update` and persisted by the runner.
enum CaseWrite: Hashable, Sendable {
    /// Tag rows (by mark key: `account:ID`, `cluster:c3`, `ip:1.2.3.4`).
    case tag(label: String, keys: [String])
    /// Tag a cluster and all its member accounts.
    case tagCluster(label: String, cluster: String, members: [ExactText])
    /// Tag rows chosen on `T`'s question (all members, or only those rated at or above the
    /// bar), with what was chosen kept in the audit entry's detail (`members`, `cluster`).
    case tagChosen(label: String, keys: [String], context: [String: String])
    case note(String)
    /// Withdraw a label from rows (an audited retraction: `u` undoing a tag).
    case untag(label: String, keys: [String])
    /// Withdraw the latest standing note with this text (`u` undoing a note).
    case retractNote(String)
    /// Move the case to a status (`open`, `triage`, `confirmed`, `dismissed`, `closed`).
    case setStatus(String)
    /// Set severity, assignee or disposition.
    case setField(field: String, value: String)
    case newCase(title: String)
    case openCase(id: String)
}

/// Where case writes go: the SQLite case store in the console, nothing in replay and tests
/// (where `update` keeps the case in memory).
protocol CaseBackend: AnyObject {
    /// Applies a write and returns the case as now stored.
    func apply(_ write: CaseWrite) throws -> CaseState
    /// The case the console last worked on, if any.
    func current() throws -> CaseState?
    /// True when the last `apply` created the case it wrote to (the first write of a console
    /// with no case open: `T` pressed before any case existed), so its acknowledgement says so.
    var lastWriteCreatedCase: Bool { get }
    /// Every case in the store, newest first.
    func listCases() throws -> [CaseListEntry]
    /// Writes the signed bundle of case `caseID` to `path`; returns a one-line summary and the
    /// export's warnings (said apart: a narrow status line cannot hold them).
    func export(caseID: String, investigation: Investigation, to path: String) throws -> (line: String, warnings: [String])
    /// Reads the members of the source's clusters with `lookup` from now on (once loaded): a
    /// cluster tag holds only where its id still names the members it was tagged with.
    func useClusterMembers(_ lookup: @escaping @Sendable (Int) -> ClusterMembers?)
}

extension CaseBackend {
    /// Backends that keep no store check nothing.
    func useClusterMembers(_ lookup: @escaping @Sendable (Int) -> ClusterMembers?) {}
}

/// The case store (`Investigate.CaseStore`) as a backend: the first write opens the latest open
/// case made on this source, or creates one titled after the source folder and bound to it. A
/// case of another source is never opened unasked; opened on purpose, it says so
/// (`CaseState.source`), and its cluster tags are kept apart (`CaseState.otherSourceTags`).
final class StoreCaseBackend: CaseBackend {
    private let store: any CaseStoring
    private let defaultTitle: String
    private var caseID: String?
    /// The source the console shows; nil when its files could not be listed (then no case can
    /// be checked against it: the newest open case is opened and every tag is shown, as before
    /// cases kept their source).
    private let source: CaseSource?
    private(set) var lastWriteCreatedCase = false
    /// The members of the loaded source's clusters by number (nil until loaded: then no cluster
    /// tag is shown as holding). Used on the case queue only.
    private var clusterMembers: (@Sendable (Int) -> ClusterMembers?)?

    func useClusterMembers(_ lookup: @escaping @Sendable (Int) -> ClusterMembers?) { clusterMembers = lookup }

    func export(caseID: String, investigation: Investigation, to path: String) throws -> (line: String, warnings: [String]) {
        let result = try CaseExporter(store: store, signingKey: try BundleKeys.signingKey(), redactor: nil)
            .export(caseID: caseID, investigation: investigation, to: path)
        // The file's name first and the folder last: a narrow status line cuts the end, and the
        // folder is the one the README names (the name is what differs from one export to the
        // next). Warnings go before the folder (`ExportLine.wordings`).
        let url = URL(fileURLWithPath: path)
        return ("exported \(caseID) as \(url.lastPathComponent): \(Format.plural(result.files.count, "file")), signed"
            + "; in \(url.deletingLastPathComponent().path)", result.warnings)
    }

    init(store: any CaseStoring, defaultTitle: String, source: CaseSource? = nil) {
        self.store = store
        self.defaultTitle = defaultTitle
        self.source = source
    }

    func current() throws -> CaseState? {
        if caseID == nil { caseID = try newestOpenCaseOfThisSource() }
        guard let caseID else { return nil }
        return try state(caseID)
    }

    /// The newest case not closed that was made on the source the console shows.
    private func newestOpenCaseOfThisSource() throws -> String? {
        guard let source else { return try store.listCases().last(where: { $0.status != .closed })?.id }
        for info in try store.listCases().reversed() where info.status != .closed {
            if let recorded = try recordedSource(info.id), recorded.match(source) == .same { return info.id }
        }
        return nil
    }

    /// The store lists cases oldest first (by number); the picker wants the newest on top, each
    /// case not of this source saying where it is from.
    func listCases() throws -> [CaseListEntry] {
        try store.listCases().reversed().map { info in
            var origin = ""
            if let source {
                let standing = CaseSourceStanding.of(recorded: try recordedSource(info.id), current: source)
                if standing.isForeign { origin = standing.headline }
            }
            return CaseListEntry(id: info.id, status: info.status.rawValue, title: info.title, origin: origin)
        }
    }

    /// The source a case keeps in its `case.new` entry, if any.
    private func recordedSource(_ id: String) throws -> CaseSource? {
        let first = try store.auditEntries(caseID: id).first
        return first.flatMap { $0.action == "case.new" ? $0.detail["source"] : nil }.flatMap(CaseSource.init(json:))
    }

    func apply(_ write: CaseWrite) throws -> CaseState {
        lastWriteCreatedCase = false
        switch write {
        case .newCase(let title):
            caseID = try store.createCase(title: title, source: source).id
            return try state(caseID!)
        case .openCase(let id):
            let found = try state(id)
            caseID = id
            return found
        default:
            break
        }
        if caseID == nil, try current() == nil {
            caseID = try store.createCase(title: defaultTitle, source: source).id
            lastWriteCreatedCase = true
        }
        let id = caseID!
        switch write {
        case .tag(let label, let keys):
            let targets = keys.compactMap(MarkKey.target).map { ($0.kind, $0.target) }
            try store.tag(caseID: id, label: label, targets: targets, context: CaseSourceCheck.context(source))
        case .tagChosen(let label, let keys, let context):
            let targets = keys.compactMap(MarkKey.target).map { ($0.kind, $0.target) }
            try store.tag(caseID: id, label: label, targets: targets,
                          context: CaseSourceCheck.context(source).merging(context) { own, _ in own })
        case .tagCluster(let label, let cluster, let members):
            // The store records the members (`cluster_members.ID`).
            try store.tagCluster(
                caseID: id, label: label, cluster: cluster, members: members, context: CaseSourceCheck.context(source))
        case .note(let text):
            _ = try store.addNote(caseID: id, text: text)
        case .untag(let label, let keys):
            let targets = keys.compactMap(MarkKey.target).map { ($0.kind, $0.target) }
            try store.untag(caseID: id, label: label, targets: targets, reason: "undo in the console",
                            context: CaseSourceCheck.context(source))
        case .retractNote(let text):
            guard let note = try store.snapshot(caseID: id).notes.last(where: { $0.text == text }) else {
                throw CaseStoreError(.invalidInput, "no standing note with this text in \(id)")
            }
            try store.retractNote(caseID: id, seq: note.seq, reason: "undo in the console")
        case .setStatus(let name):
            guard let status = CaseStatus(rawValue: name) else { throw CaseStoreError(.invalidInput, "unknown status \(name)") }
            try store.setStatus(caseID: id, status)
        case .setField(let name, let value):
            guard let field = CaseField(rawValue: name) else { throw CaseStoreError(.invalidInput, "unknown field \(name)") }
            try store.setField(caseID: id, field, to: value)
        case .newCase, .openCase:
            break
        }
        return try state(id)
    }

    private func state(_ id: String) throws -> CaseState {
        let snapshot = try store.snapshot(caseID: id)
        var out = CaseState(title: snapshot.info.title)
        out.id = snapshot.info.id
        if let source {
            out.source = CaseSourceStanding.of(recorded: snapshot.source, current: source)
            // Before the load ends no lookup is bound: this source's cluster tags are then
            // neither shown as holding nor as moved (`.membersUnchecked`).
            let members = clusterMembers.map { lookup in { (id: String) in ClusterMemberContext.number(id).flatMap { lookup($0) } } }
            (out.tags, out.otherSourceTags, out.otherMembersTags) = CaseSourceCheck.split(snapshot, current: source, members: members)
        } else {
            (out.tags, _, _) = CaseSourceCheck.split(snapshot, current: nil, checked: false)
        }
        out.notes = snapshot.notes.map(\.text)
        out.audit = snapshot.audit.map { CaseAuditLine(user: $0.who, time: $0.at, command: $0.action, detail: $0.detail.canonical) }
        out.status = snapshot.info.status.rawValue
        out.severity = snapshot.info.severity
        out.assignee = snapshot.info.assignee
        out.disposition = snapshot.info.disposition
        out.exportStatus = ExportStatus.line(out)
        return out
    }
}

