#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Foundation
import Investigate

/// Options shared by commands that read a case source.
struct SourceOptions: ParsableArguments {
    @Argument(help: "The case source folder.")
    var directory: String

    @Flag(help: "Stop at the first bad row (file:line: reason on stderr, exit 3).")
    var strict = false

    @Flag(
        help: "Load and build from the source files, not from the snapshot of an earlier open (a new snapshot is still written; the console also starts at triage)."
    )
    var fresh = false

    /// Opens the investigation: from the snapshot of an earlier open of the same files when
    /// there is a sound one, else loaded and built (and a snapshot written). Load failures become
    /// a clean exit; snapshot problems are reported on stderr and never stop the command.
    func open(clustering: ClusteringMode = .evidence) throws -> Investigation {
        do {
            let (investigation, outcome) = try Investigation.open(
                directory, options: LoadOptions(strict: strict), clustering: clustering,
                snapshots: Self.snapshotStore(database: nil), fresh: fresh)
            Self.report(outcome)
            Self.noteLoadIssues(investigation.data.report)
            return investigation
        } catch let failure as LoadFailure {
            throw CLIFailure(message: failure.description, code: 3)
        }
    }

    /// The snapshot folder beside the case database (`--db`, `$INVESTIGATE_DB` or the default);
    /// nil when `$INVESTIGATE_SNAPSHOTS` is `off`.
    static func snapshotStore(database: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotStore? {
        if environment["INVESTIGATE_SNAPSHOTS"] == "off" { return nil }
        return SnapshotStore(caseDatabase: InvestigatePaths.caseDatabase(flag: database, environment: environment))
    }

    /// Prints a snapshot that was not trusted or not written on stderr, and with
    /// `INVESTIGATE_SNAPSHOT_TRACE=1` what was used or written.
    static func report(_ outcome: SnapshotOutcome, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if environment["INVESTIGATE_SNAPSHOT_TRACE"] == "1" {
            printError(outcome.summary)
        } else {
            for problem in outcome.problems { printError("investigate: snapshot " + problem) }
        }
    }

    /// Says on stderr what the load skipped or warned of, once, as the console's status does: a
    /// command's output counts only what was kept (a trial's `clusters` ranked a source whose one
    /// query file lacked its `ts` column, all of it skipped, and said nothing).
    static func noteLoadIssues(_ report: LoadReport) {
        let parts = report.issueSummary
        guard !parts.isEmpty else { return }
        printError("investigate: load: " + parts.joined(separator: ", ") + " (investigate load lists each by file:line)")
    }

    /// Loads the data only.
    func loadData() throws -> CaseData {
        do {
            return try CaseLoader(options: LoadOptions(strict: strict)).load(directory)
        } catch let failure as LoadFailure {
            throw CLIFailure(message: failure.description, code: 3)
        }
    }
}

/// A failure printed as `investigate: message` on stderr with an exit status below 128.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

/// Writes to standard error, each line made inert as a last guard: a message that names a path
/// or a value without escaping it still cannot move the cursor or retitle the window (escaped
/// text stays as it is: backslashes are not doubled again).
func printError(_ text: String) {
    var stderr = StandardError()
    print(inertLines(text), to: &stderr)
}

/// `text` with every line passed through `TextEscaping.visible` as already-escaped text: control
/// characters, escape sequences and bidi overrides shown as escapes, line breaks kept.
func inertLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TextEscaping.visible(String($0), doublingBackslashes: false) }
        .joined(separator: "\n")
}

/// A TextOutputStream over stderr.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var copy = string
        copy.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

/// Runs a command body, mapping engine failures to clean exits.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CLIFailure {
        printError("investigate: " + failure.message)
        throw ExitCode(failure.code)
    } catch let failure as LoadFailure {
        printError("investigate: " + failure.description)
        throw ExitCode(3)
    }
}
