#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Foundation
import Investigate
import InvestigatePostgres

/// `investigate console DIR`: the interactive console on the terminal.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Browse clusters, accounts and shared values in the terminal.")

    @OptionGroup var source: SourceOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            try TerminalCheck.requireInteractive(environment: environment)
        } catch let failure as TerminalUnavailable {
            printError(failure.description)
            throw ExitCode(2)
        }
        let surface: NcursesSurface
        do {
            surface = try NcursesSurface(environment: environment)
        } catch let failure as TerminalUnavailable {
            printError(failure.description)
            throw ExitCode(2)
        }
        var state = ConsoleSetup.initialState(environment: environment)
        let sessionPath = Session.path(for: source.directory, environment: environment)
        if !source.fresh, let sessionPath { state.pendingRestore = try? String(contentsOfFile: sessionPath, encoding: .utf8) }
        let runner = ConsoleRunner(surface: surface, state: state)
        ConsoleSetup.attachCaseStore(runner, database: store.database, directory: source.directory, environment: environment)
        runner.startLoading(
            ConsoleSetup.loader(
                directory: source.directory, strict: source.strict, fresh: source.fresh,
                snapshots: SourceOptions.snapshotStore(database: store.database, environment: environment)))
        let code = runner.runInteractive()
        surface.close()
        if let sessionPath, runner.state.data != nil {
            do {
                try Session.save(Session.encode(runner.state), to: sessionPath)
            } catch {
                printError("investigate: session not saved: \(error)")
            }
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// What the console and the replay share: the initial state and the background loader.
enum ConsoleSetup {
    /// A fresh state with the user's keymap (problems shown in the status line).
    static func initialState(environment: [String: String]) -> AppState {
        var state = AppState()
        state.keymap = Keymap.load(environment: environment)
        state.user = InvestigatePaths.currentUser()
        state.status = state.keymap.notice ?? "loading..."
        return state
    }

    /// Connects the runner to the case store so tags and notes are saved as they are made; if
    /// the store cannot be opened the console still runs, with the reason in the status line.
    static func attachCaseStore(_ runner: ConsoleRunner, database: String?, directory: String, environment: [String: String]) {
        do {
            let path = InvestigatePaths.caseDatabase(flag: database, environment: environment)
            // The source's identity binds new cases to it and checks opened ones (never blocks:
            // only regular files are read, 32 KiB of each).
            let backend = StoreCaseBackend(
                store: try CaseStores.open(path, patience: 5),
                defaultTitle: "console " + (directory as NSString).lastPathComponent,
                source: (try? SourceFiles(directory: directory)).map(CaseSource.init(files:)))
            runner.caseBackend = backend
            if let current = try backend.current() { runner.dispatch(.caseSynced(current)) }
        } catch {
            runner.dispatch(.status("case store unavailable (tags kept in memory): \(error)"))
        }
    }

    /// Loads the source, builds the investigation and warms the triage table, reporting
    /// progress as it goes; or, given a snapshot store, opens the snapshot of an earlier open
    /// (`Investigation.open`). Runs on the loader thread.
    static func loader(directory: String, strict: Bool, fresh: Bool = false, snapshots: SnapshotStore? = nil)
        -> @Sendable (_ progress: @escaping (Double, String) -> Void) throws -> any ConsoleModel
    {
        { progress in
            let (investigation, _) = try Investigation.open(
                directory, options: LoadOptions(strict: strict), snapshots: snapshots, fresh: fresh
            ) { p in
                progress(p.fraction * 0.8, p.file)
            }
            progress(0.85, "linking and clustering")
            let model = EngineModel(investigation)
            progress(0.95, "ranking")
            _ = model.triage()
            model.prefetchTopClusters()
            return model
        }
    }
}
