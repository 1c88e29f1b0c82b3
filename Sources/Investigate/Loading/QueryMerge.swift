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
///    one thread while another derives the IP subnets);
/// 3. rows are scattered into account order with a counting sort (one column per thread, each
///    part's column freed as it is consumed) and sorted by time within an account.
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
    /// Work that needs the global pools complete (the IP subnets), run beside the contexts'
    /// renumbering (which is one thread's).
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
        // Contexts are renumbered on one thread; the other derives the subnets.
        nonisolated(unsafe) var workerContextMaps: [[Int32]] = []
        let renumber = {
            workerContextMaps = renumbering.renumberContexts(uses, valueMaps: valueMaps, into: table.contexts)
        }
        nonisolated(unsafe) let jobs = [renumber, alongsideContexts]
        let jobSeconds = ParallelMap.run(jobs.count) { job in
            let started = monotonicSeconds()
            jobs[job]()
            return monotonicSeconds() - started
        }
        for values in workerValues { values.contexts = QueryContexts() }
        for part in flat { part.rows.contexts = QueryContexts() }
        // Nothing interns a context after the load; of the value maps, only categories are needed.
        table.contexts.compactForReading()
        let contextMaps = keptParts.map { workerContextMaps[$0.worker] }
        let categoryMaps = keptParts.map { valueMaps[WorkerValueRenumbering.categoryKind][$0.worker] }
        workerContextMaps = []
        valueMaps = []
        releaseFreedMemory()
        endStep("merge: contexts and IP subnets")
        noteJob("  of which contexts (one thread)", jobSeconds[0])
        noteJob("  of which IP subnets (one thread)", jobSeconds[1])
        let starts = try placeRows(groups, accountMaps: keptAccountMaps, accountCount: accountCount)
        endStep("merge: place rows")
        scatter(
            keptParts, rowCount: starts[accountCount], contextMaps: contextMaps, categoryMaps: categoryMaps,
            lineBase: partLineBase, into: table)
        // The slices' rows are all placed: free their positions before the time sort.
        for part in keptParts { part.rows.account.drainSpans { _, _ in } }
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
    private func placeRows(_ groups: [[ParallelQueryLoad.Part]], accountMaps: [[Int32]], accountCount: Int) throws -> [Int] {
        var starts = [Int](repeating: 0, count: accountCount + 1)
        let keptParts = groups.flatMap { $0 }
        for (index, part) in keptParts.enumerated() {
            let map = accountMaps[index], account = part.rows.account
            for row in 0..<account.count {
                let local = account[row]
                if local >= 0, case let global = map[Int(local)], global >= 0 { starts[Int(global) + 1] += 1 }
            }
        }
        for a in 0..<accountCount { starts[a + 1] += starts[a] }
        guard starts[accountCount] < Int(Int32.max) else {
            throw LoadFailure.unreadable(file: "queries", reason: "more than \(Int32.max) query rows")
        }
        var cursor = starts
        var first = 0
        for group in groups {
            let maps = Array(accountMaps[first..<(first + group.count)])
            first += group.count
            QueryRowInterleave.forEachRow(of: group) { offset, row in
                let account = group[offset].rows.account
                let local = account[row]
                if local >= 0, case let global = Int(maps[offset][Int(local)]), global >= 0 {
                    account[row] = Int32(cursor[global])
                    cursor[global] += 1
                } else {
                    account[row] = -1
                }
            }
        }
        return starts
    }

    /// Moves every part's columns into the table at the positions `placeRows` wrote, one column
    /// per worker. Values too wide for their columns
    /// are keyed by the rows' line numbers once every column is in place.
    private func scatter(
        _ kept: [ParallelQueryLoad.Part], rowCount: Int, contextMaps: [[Int32]], categoryMaps: [[Int32]], lineBase: [Int],
        into table: QueryTable
    ) {
        let rows = kept.map(\.rows)
        table.seconds = ChunkedColumn(uninitializedCount: rowCount)
        table.millisAndFlags = ChunkedColumn(uninitializedCount: rowCount)
        table.context = ChunkedColumn(uninitializedCount: rowCount)
        table.categoryCode = ChunkedColumn(uninitializedCount: rowCount)
        table.tokens = ChunkedColumn(uninitializedCount: rowCount)
        table.promptSketch = ChunkedColumn(uninitializedCount: rowCount)
        table.line = ChunkedColumn(uninitializedCount: rowCount)
        // Final row -> wide values, gathered by the jobs that meet them.
        nonisolated(unsafe) var wideTokens: [(row: Int, input: UInt32?, output: UInt32?)] = []
        nonisolated(unsafe) var wideCategories: [(row: Int, id: Int32)] = []
        nonisolated(unsafe) var wideTimes: [(row: Int, millis: Int64)] = []
        let jobs: [() -> Void] = [
            {
                Self.move(rows.map(\.seconds), rows, to: table.seconds) { part, source, target, seconds in
                    if seconds == WideValues.timeEscape { wideTimes.append((target, rows[part].wide.time[UInt64(source)]!)) }
                    return seconds
                }
            },
            { Self.move(rows.map(\.millisAndFlags), rows, to: table.millisAndFlags) { _, _, _, value in value } },
            { Self.move(rows.map(\.context), rows, to: table.context) { part, _, _, value in contextMaps[part][Int(value)] } },
            {
                Self.move(rows.map(\.categoryCode), rows, to: table.categoryCode) { part, source, target, code in
                    if code == 0 { return 0 }
                    let local = UInt32(code) == WideValues.escape ? rows[part].wide.category[UInt64(source)]! : Int32(code) - 1
                    let id = categoryMaps[part][Int(local)]
                    let global = WideValues.categoryCode(id)
                    if UInt32(global) == WideValues.escape { wideCategories.append((target, id)) }
                    return global
                }
            },
            {
                Self.move(rows.map(\.tokens), rows, to: table.tokens) { part, source, target, packed in
                    if packed >> 16 == WideValues.escape || packed & WideValues.escape == WideValues.escape {
                        let key = UInt64(source)
                        wideTokens.append((target, rows[part].wide.input[key], rows[part].wide.output[key]))
                    }
                    return packed
                }
            },
            { Self.move(rows.map(\.promptSketch), rows, to: table.promptSketch) { _, _, _, value in value } },
            {
                for (part, partRows) in rows.enumerated() {
                    let position = partRows.account, base = lineBase[part]
                    partRows.forEachLine { row, line in
                        let target = position[row]
                        if target >= 0 { table.line[Int(target)] = UInt32(base + line) }
                    }
                }
            },
        ]
        nonisolated(unsafe) let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { work[$0]() }
        var wide = WideValues()
        for entry in wideTokens {
            let key = UInt64(table.line[entry.row])
            if let input = entry.input { wide.input[key] = input }
            if let output = entry.output { wide.output[key] = output }
        }
        for entry in wideCategories { wide.category[UInt64(table.line[entry.row])] = entry.id }
        for entry in wideTimes { wide.time[UInt64(table.line[entry.row])] = entry.millis }
        table.wide = wide
    }

    /// Drains each part's column into `destination` at the positions in the part's account column;
    /// `transform` gets the part, the row's number in it, its final position and its value.
    private static func move<Element, Moved>(
        _ columns: [ChunkedColumn<Element>], _ rows: [QueryRows], to destination: ChunkedColumn<Moved>,
        _ transform: (Int, Int, Int, Element) -> Moved
    ) {
        for (part, column) in columns.enumerated() {
            let position = rows[part].account
            column.drainSpans { values, first in
                for i in 0..<values.count {
                    let target = position[first + i]
                    if target >= 0 { destination[Int(target)] = transform(part, first + i, Int(target), values[i]) }
                }
            }
        }
    }
}
