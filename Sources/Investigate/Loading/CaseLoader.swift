import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How far a load has come, for progress bars.
public struct LoadProgress: Sendable {
    /// What is being read (`accounts.csv`, ...).
    public var file: String
    /// Bytes of all files consumed so far.
    public var bytesDone: Int
    /// Bytes of all files.
    public var bytesTotal: Int
    /// Accounts loaded so far.
    public var accounts: Int
    /// Queries loaded so far.
    public var queries: Int

    /// Fraction done in 0...1.
    public var fraction: Double { bytesTotal == 0 ? 1 : min(1, Double(bytesDone) / Double(bytesTotal)) }
}

/// Loads a case source folder into a `CaseData`.
///
/// Lenient by default: bad rows are skipped and counted in the report with `file:line: reason`;
/// in strict mode the first such row stops the load with `LoadFailure.strictRow`.
public struct CaseLoader {
    /// The options in force.
    public var options: LoadOptions

    /// Creates a loader.
    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// Loads `directory`.
    /// - Parameter progress: called now and then from a loading thread (one call at a time).
    /// - Throws: `LoadFailure`.
    public func load(_ directory: String, progress: @escaping (LoadProgress) -> Void = { _ in }) throws -> CaseData {
        let started = monotonicSeconds()
        useMappingsForLargeBlocks()
        let files = try SourceFiles(directory: directory)
        let pools = ValuePools()
        let accounts = AccountTable()
        let payments = PaymentTable()
        let queries = QueryTable()
        let upstream = UpstreamLinkTable()
        let log = IssueLog(options: options)
        // Names that would be data files but are not read (FIFOs, devices, links out of the
        // folder, undecodable names, entries under queries/ that are not query files):
        // reported at `file:1`, and a strict load stops there. Then files read with a warning.
        for refusal in files.refused {
            log.lostUnknown(refusal.name)
            _ = log.skip(refusal.name, 1, refusal.reason)
            if let failure = log.failure { throw failure }
        }
        for warning in files.warnings {
            _ = log.warn(warning.file, warning.line, warning.reason)
            if let failure = log.failure { throw failure }
        }
        let total = files.all.reduce(0) { $0 + $1.bytes }
        var doneBefore = 0
        var summaries: [LoadReport.FileSummary] = []
        var phases: [LoadReport.Phase] = []
        var phaseStart = started
        func endPhase(_ name: String) {
            let now = monotonicSeconds()
            phases.append(
                .init(
                    name: name, seconds: now - phaseStart, residentBytes: residentMemoryBytes(),
                    peakBytes: peakResidentMemoryBytes()))
            phaseStart = now
        }

        func run(_ entry: SourceFiles.Entry, _ body: (@escaping (Int) -> Void) throws -> Int) throws {
            let base = doneBefore
            let rows: Int
            do {
                rows = try body { consumed in
                    progress(
                        LoadProgress(
                            file: entry.name, bytesDone: base + consumed, bytesTotal: total,
                            accounts: accounts.count, queries: queries.count))
                }
            } catch let failure as LoadFailure where !files.accounts.contains(entry) {
                try Self.skipUnreadableFile(entry, failure, log: log)
                rows = 0
            }
            doneBefore += entry.bytes
            summaries.append(.init(name: entry.name, bytes: entry.bytes, rows: rows))
            if let failure = log.failure { throw failure }
        }

        // One worker loads the account, payment and link tables while the others parse the
        // query files (their account ids are resolved at the merge); then all parse queries.
        var parallel = ParallelQueryLoad(files: files.queries, options: options)
        parallel.sliceBytes = options.sliceBytes
        if options.workers > 0 { parallel.workers = options.workers }
        let units = parallel.plan()
        let lock = NSLock()
        nonisolated(unsafe) let reportProgress = progress
        nonisolated(unsafe) var tableBytes = 0
        nonisolated(unsafe) var tableSeconds = 0.0
        queries.files = files.queries.map(\.path)
        var (parts, workerValues, tablesFailure) = parallel.run(
            units, lock: lock,
            tables: {
                let tablesStarted = monotonicSeconds()
                defer { tableSeconds = monotonicSeconds() - tablesStarted }
                func locked(_ body: @escaping (Int) -> Void) -> (Int) -> Void {
                    { consumed in
                        lock.lock()
                        body(consumed)
                        lock.unlock()
                    }
                }
                let padded = PaddedAccountIDs()
                for entry in files.accounts {
                    try run(entry) { progress in
                        try AccountLoader(pools: pools, table: accounts, log: log, fileNames: files.accounts.map(\.name), padded: padded)
                            .load(entry, progress: locked(progress))
                    }
                }
                for entry in files.payments {
                    try run(entry) { progress in
                        try PaymentLoader(pools: pools, table: payments, log: log).load(entry, progress: locked(progress))
                    }
                }
                for entry in files.links {
                    try run(entry) { progress in
                        try LinkLoader(pools: pools, table: upstream, log: log).load(entry, progress: locked(progress))
                    }
                }
                // Only the account ids and IPs are looked up or added to from here on.
                for pool in [pools.emailDomains, pools.orgs, pools.payments, pools.labels, pools.extraKeys, pools.extraValues] {
                    pool.compact()
                }
                accounts.compact()
                payments.compact()
                upstream.compact()
                // The account ids and signup IPs too: their hash tables (16 bytes a value or so)
                // would otherwise stay resident while the query workers grow theirs, the load's
                // peak; the merge rebuilds them (the ids' for its lookups, the IPs' as it adds
                // the queries' addresses) once the workers' tables are gone.
                pools.accountIDs.compact()
                pools.ips.compact()
                lock.lock()
                tableBytes = doneBefore
                lock.unlock()
            },
            progress: { consumed in
                reportProgress(
                    LoadProgress(
                        file: "queries", bytesDone: tableBytes + consumed, bytesTotal: total,
                        accounts: 0, queries: 0))
            })
        if let tablesFailure { throw tablesFailure }
        endPhase("parse (tables and queries)")
        phases.append(.init(name: "  of which tables (one worker)", seconds: tableSeconds))
        nonisolated(unsafe) var ipSubnet: [Int32]?
        let rowsPerFile = try QueryMerge(
            parts: parts, units: units, workerValues: workerValues, pools: pools, log: log, endStep: { endPhase($0) },
            noteJob: { phases.append(.init(name: $0, seconds: $1)) },
            alongsideContexts: { ipSubnet = Self.subnets(pools: pools) }
        ).merge(into: queries, accountCount: accounts.count)
        parts.removeAll()
        workerValues.removeAll()
        releaseFreedMemory()
        endPhase("merge: free slices")
        for (index, entry) in files.queries.enumerated() {
            doneBefore += entry.bytes
            summaries.append(.init(name: entry.name, bytes: entry.bytes, rows: rowsPerFile[index] ?? 0))
        }
        try Self.requireReadableQueries(files.queries, log: log)
        let subnetOfIP = ipSubnet ?? Self.subnets(pools: pools)
        // Every other pool and table was trimmed as its loading ended.
        pools.subnets.compact()
        endPhase("trimming")

        log.reportZonelessTimes(inOrderOf: files.all.map(\.name))
        log.reportKeysNotUTF8(inOrderOf: files.all.map(\.name))
        log.reportAccountKeysTwice(inOrderOf: files.all.map(\.name))
        // Rows far from the population's time (`ActivityWindow`) are kept and said so.
        log.reportOutlyingTimes(queries, names: files.queries.map(\.name), window: ActivityWindow(queries: queries))
        // One address written several ways links as one (`SpellingKeys`): said once.
        let ipKeys = SpellingKeys.ips(pools.ips)
        log.reportIPSpellings(ipKeys, data: (pools, accounts, queries), files: files)
        if let failure = log.failure { throw failure }
        var report = log.report
        report.accounts = accounts.count
        report.payments = payments.count
        report.queries = queries.count
        report.links = upstream.count
        report.files = summaries
        report.seconds = monotonicSeconds() - started
        report.phases = phases
        let data = CaseData(
            directory: directory, files: files, pools: pools, accounts: accounts, payments: payments,
            queries: queries, upstream: upstream, ipSubnet: subnetOfIP, report: report)
        data.ipSpellings.withLock { $0 = ipKeys }
        return data
    }

    /// Lenient mode: a file whose header lacks a required column (or cannot be parsed, or is empty)
    /// is skipped whole, reported at `file:1` with its rows counted as skipped (a file with no
    /// rows is a warning: nothing was lost). Strict mode, and
    /// accounts files, stop the load.
    /// A file that cannot be opened or read at all (not a regular file after all, a read error)
    /// is skipped the same way, its rows uncounted (it cannot be read to count them).
    static func skipUnreadableFile(_ entry: SourceFiles.Entry, _ failure: LoadFailure, log: IssueLog) throws {
        switch failure {
        case .missingColumn, .badHeader, .emptyFile: break
        case .unreadable(_, let reason):
            guard !log.options.strict else { throw LoadFailure.strictRow(file: entry.name, line: 1, reason: reason) }
            _ = log.skip(entry.name, 1, failure.reason + "; the file was not read")
            return
        default: throw failure
        }
        guard !log.options.strict else { throw failure }
        let rows = max(0, ((try? countLines(entry.path)) ?? 0) - 1)
        // A file with no rows loses none: said as a warning, so the skipped count stays exact.
        guard rows > 0 else {
            _ = log.warn(entry.name, 1, failure.reason + "; the file holds no rows, so none were skipped")
            return
        }
        log.headerFailures[entry.name] = failure
        _ = log.skip(entry.name, 1, failure.reason + "; the file's \(rows == 1 ? "1 row was" : "\(rows) rows were") skipped")
        log.report.skippedCount += max(0, rows - 1)
    }

    /// Lenient mode skips a query file whose header lacks a required column, and loads the rest;
    /// when every query file there is was skipped so, rows and all (the only `queries.csv` has
    /// `time` for `ts`), the source has no queries to give, as if the file were missing: the load
    /// stops on the first such header (`queries.csv:1: missing required column 'ts' ...`), not
    /// with 0 queries and exit 0. A header with no rows under it loses nothing and stays a warning.
    static func requireReadableQueries(_ queries: [SourceFiles.Entry], log: IssueLog) throws {
        guard !queries.isEmpty else { return }
        let refused = queries.compactMap { log.headerFailures[$0.name] }
        guard refused.count == queries.count, let first = refused.first else { return }
        throw first
    }

    /// Lines in a (possibly gzip) file.
    static func countLines(_ path: String) throws -> Int {
        let lines = LineReader(source: try openByteSource(path: path), blockSize: 1 << 20)
        // Blank lines are counted by number, without a call each.
        lines.skipsBlankLines = true
        try lines.forEachLine { _ in true }
        return lines.lineNumber - 1
    }

    /// Each IP's subnet id (-1 when the IP is not an address), subnets numbered in the order of
    /// the first IP in each. IPv4 subnets are told apart by their 24-bit network in an integer
    /// table (IPs go in batches whose table slots are fetched together); only a new subnet's text
    /// is built and added to the pool, without hashing. An IPv4-mapped IPv6 address goes in the
    /// same table by its IPv4 network (so it shares the plain address's /24); other IPv6 subnets
    /// are told apart by their canonical text.
    private static func subnets(pools: ValuePools) -> [Int32] {
        let ips = pools.ips, subnets = pools.subnets
        // Only this fills the pool, once per load: every subnet it adds is new to it.
        precondition(subnets.count == 0, "subnets are derived once per load")
        var result = [Int32](repeating: -1, count: ips.count)
        // network + 1 << 32 | subnet id + 1 per used slot; 0 when free. At most one network per IP.
        var size = 1024
        while size < ips.count * 3 / 2 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        var textSubnets: [[UInt8]: Int32] = [:]
        let batch = 16
        var networks = [UInt32?](repeating: nil, count: batch)
        var scratch: [UInt8] = []
        var touched: UInt64 = 0
        @inline(__always) func slot(_ network: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(network) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }
        func addText(_ address: Span<UInt8>) -> Int32 {
            guard IPNetwork.subnet(of: address, into: &scratch) else { return -1 }
            return subnets.appendDistinct(scratch.span)
        }
        for first in stride(from: 0, to: ips.count, by: batch) {
            let count = min(batch, ips.count - first)
            for k in 0..<count {
                networks[k] = ips.withSpan(Int32(first + k)) { IPNetwork.network24($0) }
                if let network = networks[k] { touched ^= table[slot(network)] }
            }
            for k in 0..<count {
                let id = first + k
                guard let network = networks[k] else {
                    // IPv6 (not IPv4-mapped), or not an address.
                    result[id] = ips.withSpan(Int32(id)) { address -> Int32 in
                        guard IPNetwork.subnet(of: address, into: &scratch) else { return -1 }
                        if let known = textSubnets[scratch] { return known }
                        let fresh = subnets.appendDistinct(scratch.span)
                        textSubnets[scratch] = fresh
                        return fresh
                    }
                    continue
                }
                let key = UInt64(network) + 1
                var index = slot(network)
                while table[index] != 0 && table[index] >> 32 != key { index = (index + 1) & mask }
                if table[index] != 0 {
                    result[id] = Int32(truncatingIfNeeded: table[index] & 0xFFFF_FFFF) - 1
                } else {
                    let fresh = ips.withSpan(Int32(id)) { addText($0) }
                    table[index] = key << 32 | UInt64(UInt32(fresh + 1))
                    result[id] = fresh
                }
            }
        }
        StringPool.touchedSlots.bitwiseXor(touched, ordering: .relaxed)
        return result
    }
}

/// Seconds from a monotonic clock.
public func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
