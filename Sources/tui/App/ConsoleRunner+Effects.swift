import Foundation
import Investigate

extension ConsoleRunner {
    /// Performs one side effect requested by `update`.
    func perform(_ effect: Effect) {
        switch effect {
        case .copy(let text, let caution):
            let said = surface.copyToClipboard(text)
            dispatch(.status(caution.isEmpty ? said : caution + "; " + said))
        case .dump(let path):
            dump(to: path)
        case .computeOrder(let depth):
            guard depth < state.stack.count else { return }
            let sheet = state.stack[depth]
            let table = AppUpdate.table(state, sheet)
            let job: @Sendable () -> Action = {
                .orderReady(depth: depth, kind: sheet.kind,
                            order: RowQuery.order(table, filter: sheet.filter, sortColumn: sheet.sortColumn,
                                                  ascending: sheet.sortAscending))
            }
            runJob(size: table.count, job)
        case .search(let query, let from, let forward, let generation):
            let sheet = state.current
            let table = AppUpdate.table(state, sheet)
            runJob(size: table.count) {
                let position = RowQuery.search(table, order: sheet.order, query: query, from: from, forward: forward)
                let match = position.map { RowQuery.matchCount(table, order: sheet.order, query: query, at: $0) }
                return .searchResult(generation: generation, position: position, match: match?.index ?? 0, of: match?.count ?? 0)
            }
        case .export:
            exportOpenCase()
        case .prepare(let kind):
            guard let data = state.data else { return }
            let inbox = self.inbox
            inbox.jobStarted()
            DispatchQueue.global(qos: .userInitiated).async {
                _ = data.table(kind)
                inbox.post(.prepared(kind))
                inbox.jobFinished()
            }
        case .persist(let write):
            guard let backend = caseBackend else { return }
            let message = state.status
            let model = state.data?.model
            dispatch(.status(SaveAck.pending(message, write: write)))
            onCaseQueue(backend) { backend in
                do {
                    // Every cluster the write tags goes with its exact members (`ClusterMemberContext`).
                    let stored = try backend.apply(ClusterMemberContext.attach(write, model: model))
                    var ack = SaveAck.acknowledged(message, write: write, caseID: stored.id, created: backend.lastWriteCreatedCase)
                    // Opening a case of another source says so first, whatever else was said.
                    if case .openCase = write, stored.source.isForeign, let id = stored.id {
                        ack = stored.source.warning(caseID: id)
                    }
                    return [.caseSynced(stored), .status(ack)]
                } catch {
                    // What the screen shows goes back to what the store holds.
                    let stored = try? backend.current()
                    return (stored.map { [.caseSynced($0)] } ?? []) + [.status(SaveAck.failed(message, write: write, error: error))]
                }
            }
        case .readQuery(let scope, let row, let request):
            guard let model = state.data?.model else { return }
            let inbox = self.inbox
            inbox.jobStarted()
            DispatchQueue.global(qos: .userInitiated).async {
                let rows = model.queries(scope).rows
                let fields = row < rows.count ? model.queryRecord(rows[row]) : []
                inbox.post(.recordRead(request: request, fields: fields))
                inbox.jobFinished()
            }
        case .showMore(let kind):
            guard let data = state.data else { return }
            let inbox = self.inbox
            // Under a filter the counter shows the matching rows, not all those read (a trial saw
            // "now showing 3,689 rows" beside 1/1,075).
            let filtered = state.current.kind == kind && state.current.filter != nil
            inbox.jobStarted()
            DispatchQueue.global(qos: .userInitiated).async {
                if data.model.showMore(kind) {
                    data.forget(kind)
                    let rows = data.table(kind).count
                    inbox.post(.prepared(kind))
                    inbox.post(.status(filtered ? "now reading \(Format.grouped(rows)) rows; the filter shows those that match"
                        : "now showing \(Format.grouped(rows)) rows"))
                } else {
                    inbox.post(.status("every row is already shown"))
                }
                inbox.jobFinished()
            }
        case .readFiring(let account):
            guard let model = state.data?.model else { return }
            let inbox = self.inbox
            inbox.jobStarted()
            DispatchQueue.global(qos: .userInitiated).async {
                _ = model.firing(account, build: true)
                inbox.post(.firingRead(account: account))
                inbox.jobFinished()
            }
        case .scanValues(let kind, let text, let generation):
            guard let model = state.data?.model else { return }
            let inbox = self.inbox
            inbox.jobStarted()
            DispatchQueue.global(qos: .userInitiated).async {
                if let id = model.valueID(kind, text) {
                    inbox.post(.valuesFound(generation: generation, ids: [id], total: 1, exact: true))
                } else {
                    let found = model.values(kind, containing: text, limit: AppUpdate.pivotChoices)
                    inbox.post(.valuesFound(generation: generation, ids: found.ids, total: found.total, exact: false))
                }
                inbox.jobFinished()
            }
        case .listCases:
            guard let backend = caseBackend else {
                dispatch(.caseListFailed("no case store (cases kept in memory; :case shows this one)"))
                return
            }
            dispatch(.status("reading the case list..."))
            onCaseQueue(backend) { backend in
                do {
                    return [.casesListed(try backend.listCases())]
                } catch {
                    return [.caseListFailed("case store: \(error)")]
                }
            }
        }
    }

    /// Exports the open case to `<exports>/<case-id>.zip` (the id is the store's own, never data;
    /// exports is `$INVESTIGATE_EXPORT_DIR`, else `$XDG_DATA_HOME/investigate/exports`) in the
    /// background, then re-reads the case so the export shows in its audit trail.
    private func exportOpenCase() {
        guard let backend = caseBackend else {
            dispatch(.status("export: no case store is open"))
            return
        }
        guard let model = state.data?.model as? EngineModel else {
            dispatch(.status("export: " + AppUpdate.notLoaded(state)))
            return
        }
        let investigation = model.investigation
        let environment = ProcessInfo.processInfo.environment
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? FileManager.default.currentDirectoryPath) + "/.local/share"
        let folder = environment["INVESTIGATE_EXPORT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? dataHome + "/investigate/exports"
        dispatch(.status("exporting the open case..."))
        // On the case queue, after every write asked for before it: the first tag of a session
        // creates the case there, so its id is known only once that write is done.
        onCaseQueue(backend) { backend in
            guard let id = (try? backend.current())?.id else {
                return [.status("export: open or create a case first (c, or :case new TITLE)")]
            }
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            // A re-export never replaces an earlier bundle: it gets the next free name, and says so.
            var path = folder + "/" + id + ".zip"
            var earlier: String?
            if FileManager.default.fileExists(atPath: path) {
                var n = 2
                while FileManager.default.fileExists(atPath: folder + "/\(id)-\(n).zip") { n += 1 }
                earlier = n == 2 ? id + ".zip" : "\(id)-\(n - 1).zip"
                path = folder + "/\(id)-\(n).zip"
            }
            var messages: [Action]
            do {
                // The new bundle's path first: a narrow status line cuts the end, or says the path alone.
                let done = try backend.export(caseID: id, investigation: investigation, to: path)
                let same = earlier.map { ExportLine.sameBytes(folder + "/" + $0, path) } ?? false
                // The warnings kept whole for `:warnings`, before the line that points to it.
                messages = [.exportWarnings(bundle: path, warnings: done.warnings),
                            .statusWordings(ExportLine.wordings(done: done.line, warnings: done.warnings, path: path, earlier: earlier,
                                                                sameBytes: same, home: environment["HOME"]))]
            } catch let error as BundleError where !error.brief.isEmpty {
                // Refused (the source changed since the load): an error, said whole where it fits.
                messages = [.statusWordings(([error.message] + error.brief).map { "export failed: " + $0 })]
            } catch {
                messages = [.status("export failed: \(error)")]
            }
            return (try? backend.current()).map { [.caseSynced($0)] + messages } ?? messages
        }
    }

    /// Runs case-store work on the case queue, in order, and posts its answers to the inbox.
    /// Once the source is loaded, the case backend reads its clusters' members, and the case is
    /// read again: its cluster tags show as holding only where their ids still name the members
    /// they were tagged with.
    func bindClusterMembers(_ model: any ConsoleModel) {
        guard let backend = caseBackend else { return }
        onCaseQueue(backend) { backend in
            backend.useClusterMembers { model.clusterMembers($0) }
            return (try? backend.current()).flatMap { $0 }.map { [.caseSynced($0)] } ?? []
        }
    }

    private func onCaseQueue(_ backend: any CaseBackend, _ work: @escaping (any CaseBackend) -> [Action]) {
        nonisolated(unsafe) let unsafeBackend = backend
        nonisolated(unsafe) let unsafeWork = work
        let inbox = self.inbox
        inbox.jobStarted()
        caseQueue.async {
            for action in unsafeWork(unsafeBackend) { inbox.post(action) }
            inbox.jobFinished()
        }
    }

    /// Runs a job inline when small, else on the work queue with its result posted back.
    private func runJob(size: Int, _ job: @escaping @Sendable () -> Action) {
        if size <= backgroundThreshold {
            dispatch(job())
            return
        }
        let inbox = self.inbox
        inbox.jobStarted()
        dispatch(.status("working on \(Format.plural(size, "row"))..."))
        DispatchQueue.global(qos: .userInitiated).async {
            inbox.post(job())
            inbox.jobFinished()
        }
    }

    /// Writes the current sheet (all visible rows, not only the screen) as text, on a
    /// background queue: a slow disk never holds the keys.
    private func dump(to path: String) {
        let sheet = state.current
        // The cells as the table draws them (the case's tags with them), gathered here, written there.
        let cells = SheetRowCells(AppUpdate.table(state, sheet), sheet: sheet, state: state)
        let breadcrumb = Chrome.breadcrumb(state, full: true)
        let inbox = self.inbox
        // A pane (connect, risk, firing...) is drawn, not a table: the file holds the sheet's
        // rows, and the status line says so rather than let the file pass for the pane.
        let pane = sheet.pane == 0 ? "" : "; the sheet's rows, not the pane on screen"
        inbox.jobStarted()
        dispatch(.status("writing \(path)..."))
        DispatchQueue.global(qos: .userInitiated).async {
            let dump = SheetDump.text(breadcrumb: breadcrumb, cells: cells, sheet: sheet)
            inbox.post(.status(SheetDump.write(dump.text, rows: dump.rows, to: path) + pane))
            inbox.jobFinished()
        }
    }
}
