import Dispatch

/// Joins the parts of a parallel query load into the final `QueryTable`, exactly as a one-thread
/// load would have built it:
///
/// 1. each worker's account ids are resolved (workers spread over the threads), then, in file
///    order, each unit's issues are reported (line numbers shifted past the slices before it;
///    the parts of a shared slice merged by line) together with its rows whose account is not
///    in the accounts file, which are dropped;
/// 2. the workers' values and contexts are renumbered into the global pools in the order of
///    their first row (`WorkerValueRenumbering`; one pool kind per thread, then the contexts on
///    one thread);
/// 3. rows are placed in account order with a counting sort (on one thread while another
///    derives the IP subnets), moved there through buckets of
///    final positions (`QueryRowScatter`; each part's columns freed once dealt), and sorted by
///    time within an account.
struct QueryMerge {
    /// Each unit's parts: one, or one per owner of a shared slice (`QueryLineOwner`).
    let parts: [[ParallelQueryLoad.Part]]
    let units: [ParallelQueryLoad.Unit]
    /// What each worker interned (the ids in its parts' rows).
    let workerValues: [ParallelQueryLoad.WorkerValues]
    /// The global pools; `accountIDs` holds the loaded accounts.
    let pools: ValuePools
    let log: IssueLog
    /// Called at the end of each step with its name (for the load report's timings).
    var endStep: (String) -> Void = { _ in }
    /// Called with the name and seconds of one worker's job within a step.
    var noteJob: (String, Double) -> Void = { _, _ in }
    /// Work that needs the global pools complete (the IP subnets), run beside the placing of
    /// rows (which is one thread's).
    var alongsideContexts: () -> Void = {}

    /// Merges into `table`; returns the rows kept per file index.
    func merge(into table: QueryTable, accountCount: Int) throws -> [Int: Int] {
        // Units kept, in file order (their parts are `parts[unit]`).
        var kept: [Int] = []
        let flat = parts.flatMap { $0 }
        var firstOfUnit: [Int] = [], partCount = 0
        for group in parts {
            firstOfUnit.append(partCount)
            partCount += group.count
        }
        var accountMaps = [[Int32]](repeating: [], count: flat.count)
        var lineBase: [Int: Int] = [:]
        var sliceLineBase = [Int](repeating: 0, count: parts.count)
        var rowsPerFile: [Int: Int] = [:]
        var skippedFiles = Set<Int>()
        // Each worker's accounts are resolved, then each part's rows checked, on every thread
        // (lookups only); issues are then reported unit after unit.
        nonisolated(unsafe) let merge = self
        var workerAccounts = ParallelMap.run(workerValues.count) { worker in
            merge.resolveAccounts(merge.workerValues[worker].pools.accountIDs)
        }
        let unitOfPart = parts.indices.flatMap { unit in parts[unit].map { _ in unit } }
        var resolved: [(map: [Int32], unknown: UnknownRows)?] = ParallelMap.run(flat.count) { index in
            guard flat[index].failure == nil else { return nil }
            let part = flat[index]
            let map = workerAccounts[part.worker]
            return (map, merge.unknownAccountRows(part, merge.units[unitOfPart[index]], map))
        }
        workerAccounts = []
        for (unitIndex, unit) in units.enumerated() {
            let group = parts[unitIndex], first = firstOfUnit[unitIndex]
            for part in group { if let failure = part.failure { throw failure } }
            // A slice of a file whose earlier slice could not be read.
            if unit.segments.count == 1 && skippedFiles.contains(unit.segments[0].fileIndex) { continue }
            let checked = group.indices.compactMap { resolved[first + $0] }
            guard checked.count == group.count else { continue }
            for offset in group.indices { resolved[first + offset] = nil }
            var partKept = false
            // Every part of a shared slice read every line: the first one's segments say what was read.
            for (position, result) in group[0].segments.enumerated() {
                let segment = unit.segments[position]
                if let failure = result.failure {
                    try CaseLoader.skipUnreadableFile(segment.entry, failure, log: log)
                    skippedFiles.insert(segment.fileIndex)
                    continue
                }
                partKept = true
                let base = lineBase[segment.fileIndex, default: 0]
                // The shares of a slice each read it: if they saw different line counts, the file
                // changed during the load, and rows of that slice may be missing or doubled.
                // (A strict share stops at its first issue: it read less, and the load stops there.)
                if group.allSatisfy({ $0.log.failure == nil }), let other = group.dropFirst().first(where: {
                    position < $0.segments.count && $0.segments[position].lines != result.lines
                }) {
                    _ = log.warn(
                        segment.entry.name, base + 1,
                        "the file changed while it was read (\(result.lines) and \(other.segments[position].lines) lines "
                            + "in one slice): rows of this slice may be missing or doubled; load it again")
                }
                let own = { (issue: LoadIssue) in issue.file == segment.entry.name }
                var skipped: [LoadIssue] = [], warnings: [LoadIssue] = []
                for (offset, part) in group.enumerated() where position < part.segments.count {
                    skipped += part.log.report.skipped.filter(own) + checked[offset].unknown.listed[position]
                    warnings += part.log.report.warnings.filter(own)
                    rowsPerFile[segment.fileIndex, default: 0] +=
                        part.segments[position].rows.count - checked[offset].unknown.counts[position]
                }
                // In line order (a line's own issues keep their order: one part has them all).
                for issue in Self.inLineOrder(skipped) { _ = log.skip(issue.file, issue.line + base, issue.reason) }
                for issue in Self.inLineOrder(warnings) { _ = log.warn(issue.file, issue.line + base, issue.reason) }
                for part in group where position < part.segments.count {
                    log.mergeZoneless(from: part.log, file: segment.entry.name, lineBase: base)
                    log.mergeKeysNotUTF8(from: part.log, file: segment.entry.name, lineBase: base)
                }
                if let failure = log.failure { throw failure }
                if position == 0 { sliceLineBase[unitIndex] = base }
                lineBase[segment.fileIndex] = base + result.lines
            }
            guard partKept else { continue }
            for (offset, part) in group.enumerated() {
                let unknown = checked[offset].unknown
                log.report.skippedCount += part.log.report.skippedCount - part.log.report.skipped.count
                log.report.skippedCount += unknown.counts.reduce(0, +) - unknown.listed.reduce(0) { $0 + $1.count }
                log.report.warningCount += part.log.report.warningCount - part.log.report.warnings.count
                for file in part.log.report.filesWithUncountedLoss { log.lostUnknown(file) }
                accountMaps[first + offset] = checked[offset].map
            }
            kept.append(unitIndex)
        }
        // Rows are numbered by line across the query files, in file order: part -> first number.
        var fileLineStart = [0]
        for file in 0..<table.files.count { fileLineStart.append(fileLineStart[file] + lineBase[file, default: 0]) }
        guard fileLineStart.last! <= Int(UInt32.max) else {
            throw LoadFailure.unreadable(file: "queries", reason: "more than \(UInt32.max) lines in the query files")
        }
        table.fileLineStart = fileLineStart
        // The kept parts, flat, and by unit (the shares of a slice together, for file order).
        let groups = kept.map { parts[$0] }
        let keptParts = groups.flatMap { $0 }
        let partLineBase = kept.flatMap { unit in
            parts[unit].map { _ in fileLineStart[units[unit].segments[0].fileIndex] + sliceLineBase[unit] }
        }
        let keptAccountMaps = kept.flatMap { unit in parts[unit].indices.map { accountMaps[firstOfUnit[unit] + $0] } }
        accountMaps = []
        // Account ids are only read from now on: drop their hash table (a later lookup rebuilds
        // it), and the workers' own account ids.
        pools.accountIDs.compact()
        for values in workerValues { values.pools.accountIDs.removeAll() }
        endStep("merge: accounts and issues")
        let renumbering = WorkerValueRenumbering(groups: groups, workerValues: workerValues, pools: pools)
        let uses = renumbering.firstUses()
        endStep("merge: first uses")
        var valueMaps = renumbering.renumberValues(uses)
        // The workers' values are renumbered: free them, and trim the global pools (dropping
        // their hash tables), before the contexts grow theirs.
        for values in workerValues { values.pools = ValuePools() }
        pools.compact()
        releaseFreedMemory()
        endStep("merge: values")
        table.contexts.reserve(uses.contexts.count)
        // Contexts are renumbered on one thread; the subnets are derived beside the placing of
        // rows, once the workers' contexts are freed (beside the contexts, both tables' memory
        // was the load's peak).
        let workerContextMaps = renumbering.renumberContexts(uses, valueMaps: valueMaps, into: table.contexts)
        for values in workerValues { values.contexts = QueryContexts() }
        for part in flat { part.rows.contexts = QueryContexts() }
        // Nothing interns a context after the load; of the value maps, only categories are needed.
        table.contexts.compactForReading()
        let contextMaps = keptParts.map { workerContextMaps[$0.worker] }
        let categoryMaps = keptParts.map { valueMaps[WorkerValueRenumbering.categoryKind][$0.worker] }
        valueMaps = []
        releaseFreedMemory()
        endStep("merge: contexts")
        nonisolated(unsafe) var placed: Result<[Int], Error> = .success([])
        let place = { placed = Result { try merge.placeRows(groups, accountMaps: keptAccountMaps, accountCount: accountCount) } }
        nonisolated(unsafe) let jobs = [place, alongsideContexts]
        let jobSeconds = ParallelMap.run(jobs.count) { job in
            let started = monotonicSeconds()
            jobs[job]()
            return monotonicSeconds() - started
        }
        let starts = try placed.get()
        endStep("merge: place rows and IP subnets")
        noteJob("  of which place rows (one thread)", jobSeconds[0])
        noteJob("  of which IP subnets (one thread)", jobSeconds[1])
        QueryRowScatter(
            parts: keptParts.map(\.rows), contextMaps: contextMaps, categoryMaps: categoryMaps, lineBase: partLineBase,
            rowCount: starts[accountCount]
        ).scatter(into: table)
        releaseFreedMemory()
        endStep("merge: scatter columns")
        QueryTimeOrder.sortWithinAccounts(table, starts: starts)
        endStep("merge: time order")
        table.accountStart = starts
        return rowsPerFile
    }

    /// Issues sorted by line; those of one line keep their order.
    static func inLineOrder(_ issues: [LoadIssue]) -> [LoadIssue] {
        issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    // MARK: Rows

    /// Counts rows per account and overwrites each part's account column with the row's final
    /// position (-1 for a dropped row), giving an account's rows positions in file order (the
    /// shares of a slice interleaved by line). `accountMaps` is by part of `groups`, flat.
    /// Returns the accounts' first rows.
    ///
    /// The shares of a slice hold different accounts (a line goes to the worker its account id
    /// hashes to), so an account's rows in a slice are in one share, in file order: such a
    /// slice is placed share after share, each in a tight loop whose reads of the accounts'
    /// cursors overlap. Walking the shares line by line, the share taking each line is a coin
    /// toss the processor mispredicts, and each cursor read then waited alone (three quarters of
    /// the walk's samples at 10M rows in time order). A slice where one account has rows in two
    /// shares (an id written in two ways that read as one) is walked line by line, as before.
    private func placeRows(_ groups: [[ParallelQueryLoad.Part]], accountMaps: [[Int32]], accountCount: Int) throws -> [Int] {
        var starts = [Int](repeating: 0, count: accountCount + 1)
        // Pass 1: each row's account id made global, counted, and the slices whose shares
        // share an account found: `holder` keeps the last part (flat index) with a row of each
        // account, and a part of the same slice finding another there marks the slice.
        var interleaved = [Bool](repeating: false, count: groups.count)
        do {
            var holder = [Int32](repeating: -1, count: groups.contains { $0.count > 1 } ? accountCount : 0)
            var flat = 0
            for (g, group) in groups.enumerated() {
                let groupFirst = Int32(flat)
                for part in group {
                    let map = accountMaps[flat], account = part.rows.account
                    let me = Int32(flat)
                    flat += 1
                    var shared = false
                    for row in 0..<account.count {
                        let local = account[row]
                        var global: Int32 = -1
                        if local >= 0, case let mapped = map[Int(local)], mapped >= 0 {
                            global = mapped
                            starts[Int(mapped) + 1] += 1
                            if group.count > 1 {
                                let last = holder[Int(mapped)]
                                shared = shared || (last >= groupFirst && last != me)
                                holder[Int(mapped)] = me
                            }
                        }
                        account[row] = global
                    }
                    if shared { interleaved[g] = true }
                }
            }
        }
        for a in 0..<accountCount { starts[a + 1] += starts[a] }
        guard starts[accountCount] < Int(Int32.max) else {
            throw LoadFailure.unreadable(file: "queries", reason: "more than \(Int32.max) query rows")
        }
        // Pass 2: each row's position, its account's next.
        var cursor = starts.map { Int32(truncatingIfNeeded: $0) }
        for (g, group) in groups.enumerated() {
            if interleaved[g] {
                QueryRowInterleave.forEachRow(of: group) { offset, row in
                    let account = group[offset].rows.account
                    let global = account[row]
                    if global >= 0 {
                        account[row] = cursor[Int(global)]
                        cursor[Int(global)] += 1
                    }
                }
                continue
            }
            for part in group {
                let account = part.rows.account
                for row in 0..<account.count {
                    let global = account[row]
                    if global >= 0 {
                        account[row] = cursor[Int(global)]
                        cursor[Int(global)] += 1
                    }
                }
            }
        }
        return starts
    }
}
