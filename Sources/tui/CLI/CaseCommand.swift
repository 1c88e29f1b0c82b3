import ArgumentParser
import Foundation
import Investigate
import InvestigatePostgres

/// `investigate case ...`: the case store from the command line.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open cases, tag accounts and clusters, add notes, check the audit trail.",
        subcommands: [
            CaseNewCommand.self, CaseTagCommand.self, CaseUntagCommand.self, CaseNoteCommand.self,
            CaseRetractNoteCommand.self, CaseStatusCommand.self, CaseSetCommand.self, CaseListCommand.self,
            CaseShowCommand.self, CaseAuditCommand.self, CaseMigrateCommand.self,
        ])
}

/// `--db PATH|URL`, shared by every command that opens the case store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Case database: a SQLite file, or postgresql://... (default $INVESTIGATE_DB, else $XDG_DATA_HOME/investigate/cases.sqlite).")
    var database: String?

    /// Opens the store, turning failures into a clean exit (status 4).
    func open() throws -> any CaseStoring {
        try storeCall { try CaseStores.open(InvestigatePaths.caseDatabase(flag: database)) }
    }
}

/// Runs a store operation; a `CaseStoreError` becomes `CLIFailure` (status 2 for bad input or
/// an unknown case, 1 for a case whose tables and audit trail disagree, 4 for a storage failure).
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CaseStoreError {
        let code: Int32 =
            switch error.kind {
            case .invalidInput, .notFound: 2
            case .tampered: 1
            default: 4
            }
        throw CLIFailure(message: error.message, code: code)
    }
}

/// Text made safe for a terminal.
func inert(_ text: String) -> String { TextEscaping.visible(text) }

/// A message the engine built with its values already display-escaped (`verify`'s lines): made
/// safe for the terminal again, without doubling its backslashes (which would show an id whose
/// bytes hold ESC as the id whose text is a backslash, `x`, `1`, `b`).
func inertMessage(_ text: String) -> String { TextEscaping.visible(text, doublingBackslashes: false) }

/// `investigate case new TITLE`: prints the new case id alone.
struct CaseNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a case; prints its id.")

    @Argument(help: "The case title (free text; it never names a file).")
    var title: String

    @Option(help: "The case source folder the case is about: its fingerprint is kept in the case, so the console shows its cluster tags only on that source.")
    var source: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            let caseSource = try source.map(Self.caseSource)
            let store = try store.open()
            let info = try storeCall { try store.createCase(title: title, source: caseSource) }
            print(info.id)
        }
    }

    /// The fingerprint of `directory`'s files; a folder that is not a case source fails with its
    /// name escaped (a folder's name is data: `dir\x1b[31m`, never the raw escape).
    static func caseSource(_ directory: String) throws -> CaseSource {
        do { return CaseSource(files: try SourceFiles(directory: directory)) } catch {
            throw CLIFailure(message: "--source \(inert(directory)): \(inertMessage("\(error)"))", code: 2)
        }
    }
}

/// `investigate case list`.
struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cases.")

    @OptionGroup var store: StoreOptions
    static let formats: [OutputFormat] = [.text, .json, .jsonl]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            let cases = try storeCall { try store.open().listCases() }
            if format == .text {
                for c in cases {
                    print(
                        "\(c.id)  \(c.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  "
                            + "\(c.updatedAt)  \(inert(c.title))")
                }
                return
            }
            let items: [JSONValue] = cases.map(CaseJSON.info)
            if format == .jsonl { items.forEach { print($0.canonical) } } else { print(JSONValue.array(items).canonical) }
        }
    }
}

/// JSON forms of case records for `--format json`.
enum CaseJSON {
    static func info(_ c: CaseInfo) -> JSONValue {
        [
            "id": .string(c.id), "title": .string(c.title), "status": .string(c.status.rawValue),
            "severity": .string(c.severity), "assignee": .string(c.assignee), "disposition": .string(c.disposition),
            "created_by": .string(c.createdBy), "created_at": .string(c.createdAt), "updated_at": .string(c.updatedAt),
        ]
    }

    static func snapshot(_ s: CaseSnapshot) -> JSONValue {
        guard case .object(var members) = info(s.info) else { return .null }
        members["accounts"] = .array(s.accountIDs.map(\.jsonValue))
        members["clusters"] = .array(Array(Set(s.tags.filter { $0.kind == .cluster }.map(\.target))).sorted().map(\.jsonValue))
        members["tags"] = .array(s.tags.map(tag))
        members["notes"] = .array(s.notes.map(note))
        members["retracted_tags"] = .array(s.retractedTags.map(tag))
        members["retracted_notes"] = .array(s.retractedNotes.map(note))
        // Standing tags that were retracted before, with those retractions (`CaseTagHistory`).
        members["reasserted_tags"] = .array(
            CaseTagHistory.reasserted(s).map { r in
                guard case .object(var t) = tag(r.tag) else { return .null }
                t["earlier_retractions"] = .array(r.retractions.map(retraction))
                return .object(t)
            })
        members["audit_entries"] = .int(Int64(s.audit.count))
        members["audit_head"] = .string(s.auditHead)
        return .object(members)
    }

    /// A tag: the target as `ExactText.jsonValue` (a string, or `{"b64": ...}`).
    static func tag(_ t: CaseTag) -> JSONValue {
        var members: [String: JSONValue] = [
            "kind": .string(t.kind.rawValue), "target": t.target.jsonValue, "label": .string(t.label),
            "who": .string(t.who), "at": .string(t.at),
        ]
        if let r = t.retracted { members["retracted"] = retraction(r) }
        return .object(members)
    }

    static func note(_ n: CaseNote) -> JSONValue {
        var members: [String: JSONValue] = [
            "seq": .int(Int64(n.seq)), "text": .string(n.text), "who": .string(n.who), "at": .string(n.at),
        ]
        if let r = n.retracted { members["retracted"] = retraction(r) }
        return .object(members)
    }

    static func retraction(_ r: CaseRetraction) -> JSONValue {
        ["who": .string(r.who), "at": .string(r.at), "reason": .string(r.reason)]
    }
}
