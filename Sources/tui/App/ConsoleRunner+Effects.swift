import Foundation

extension ConsoleRunner {
    /// Performs one side effect requested by `update`.
    func perform(_ effect: Effect) {
        switch effect {
        case .copy(let text):
            surface.copyToClipboard(text)
        case .dump(let path):
            dump(to: path)
        case .computeOrder(let depth):
            guard depth < state.stack.count else { return }
            let sheet = state.stack[depth]
            let table = AppUpdate.table(state, sheet)
            let job: @Sendable () -> Action = {
                .orderReady(depth: depth, kind: sheet.kind,
                            order: RowQuery.order(table, filter: sheet.filter, sortColumn: sheet.sortColumn))
            }
            runJob(size: table.count, job)
        case .search(let query, let from, let forward, let generation):
            let sheet = state.current
            let table = AppUpdate.table(state, sheet)
            runJob(size: table.count) {
                .searchResult(generation: generation,
                              position: RowQuery.search(table, order: sheet.order, query: query, from: from, forward: forward))
            }
        case .export:
            let id = state.caseState.id ?? "CASE"
            dispatch(.status("export: run `investigate export \(id)` for the signed bundle"))
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
            do {
                let stored = try backend.apply(write)
                dispatch(.caseSynced(stored))
            } catch {
                dispatch(.status("case store: \(error)"))
            }
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
        dispatch(.status("working on \(size) rows..."))
        DispatchQueue.global(qos: .userInitiated).async {
            inbox.post(job())
            inbox.jobFinished()
        }
    }

    /// Writes the current sheet (all visible rows, not only the screen) as text.
    private func dump(to path: String) {
        let sheet = state.current
        let table = AppUpdate.table(state, sheet)
        var out = Chrome.breadcrumb(state) + "\n"
        out += table.columns.map(\.title).joined(separator: "\t") + "\n"
        for position in 0..<sheet.visibleCount(tableRows: table.count) {
            let row = sheet.tableRow(at: position)
            out += table.rows[row].map { Sanitizer.inert($0) }.joined(separator: "\t") + "\n"
        }
        do {
            try out.write(toFile: path, atomically: true, encoding: .utf8)
            dispatch(.status("wrote \(sheet.visibleCount(tableRows: table.count)) rows to \(path)"))
        } catch {
            dispatch(.status("dump failed: \(error.localizedDescription)"))
        }
    }
}
