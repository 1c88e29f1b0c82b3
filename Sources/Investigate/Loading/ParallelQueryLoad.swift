import Dispatch
import Foundation

/// Loads the query files on every core: large JSONL files are cut into slices at line
/// boundaries, each slice (or small file) is parsed into its own part with its own pools, and
/// the parts are merged in file order, so ids, row order and reported lines are exactly those
/// of a one-thread load.
struct ParallelQueryLoad {
    /// One slice of one query file.
    struct Unit {
        var entry: SourceFiles.Entry
        var fileIndex: Int
        var range: Range<Int>?
    }

    /// What one unit produced.
    final class Part: @unchecked Sendable {
        let pools = ValuePools()
        let table = QueryTable()
        let log: IssueLog
        var lines = 0
        var consumed = 0
        var failure: Error?
        init(options: LoadOptions) { log = IssueLog(options: options) }
    }

    let files: [SourceFiles.Entry]
    let accountIDs: StringPool
    let options: LoadOptions
    /// Slices are about this many bytes.
    var sliceBytes = 64 << 20
    /// Threads used.
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Cuts the files into units.
    func plan() -> [Unit] {
        var units: [Unit] = []
        for (index, entry) in files.enumerated() {
            let splittable = TableFormat.of(path: entry.path) == .jsonl && !entry.path.hasSuffix(".gz")
            guard splittable, entry.bytes > sliceBytes * 3 / 2 else {
                units.append(Unit(entry: entry, fileIndex: index, range: nil))
                continue
            }
            var cuts = [0]
            var target = sliceBytes
            while target < entry.bytes - sliceBytes / 2 {
                guard let cut = Self.lineStart(atOrAfter: target, in: entry.path), cut < entry.bytes else { break }
                if cut > cuts.last! { cuts.append(cut) }
                target = cut + sliceBytes
            }
            cuts.append(entry.bytes)
            for i in 0..<(cuts.count - 1) where cuts[i] < cuts[i + 1] {
                units.append(Unit(entry: entry, fileIndex: index, range: cuts[i]..<cuts[i + 1]))
            }
        }
        return units
    }

    /// The offset of the first line starting at or after `offset` (just past a newline).
    static func lineStart(atOrAfter offset: Int, in path: String) -> Int? {
        guard let source = try? FileByteSource(path: path, range: (offset - 1)..<Int.max) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset - 1
        while true {
            let n = buffer.withUnsafeMutableBytes { (try? source.read(into: $0)) ?? 0 }
            if n == 0 { return nil }
            if let newline = buffer[0..<n].firstIndex(of: 0x0A) { return position + newline + 1 }
            position += n
        }
    }

    /// Runs every unit and returns the parts in unit order; `progress` is called one call at a time.
    func run(_ units: [Unit], progress: @escaping @Sendable (Int) -> Void) -> [Part] {
        let options = self.options
        let accountIDs = self.accountIDs
        let parts = units.map { _ in Part(options: options) }
        let lock = NSLock()
        nonisolated(unsafe) var next = 0
        DispatchQueue.concurrentPerform(iterations: min(workers, max(1, units.count))) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < units.count else { return }
                let unit = units[index], part = parts[index]
                let loader = QueryLoader(
                    accountIDs: accountIDs, pools: part.pools, table: part.table, log: part.log,
                    digest: PromptDigest(lexicon: options.lexicon))
                do {
                    let result = try loader.load(unit.entry, fileIndex: unit.fileIndex, byteRange: unit.range) { consumed in
                        lock.lock()
                        part.consumed = consumed
                        progress(parts.reduce(0) { $0 + $1.consumed })
                        lock.unlock()
                    }
                    part.lines = result.lines
                } catch {
                    part.failure = error
                }
            }
        }
        return parts
    }
}

extension ParallelQueryLoad {
    /// Merges parts in order into the global table and pools, renumbering lines per file.
    /// - Returns: rows per file.
    static func merge(_ parts: [Part], units: [Unit], into table: QueryTable, pools: ValuePools, log: IssueLog) throws -> [Int: Int] {
        var lineBase: [Int: Int] = [:]
        var rowsPerFile: [Int: Int] = [:]
        var skippedFiles = Set<Int>()
        for (part, unit) in zip(parts, units) {
            if skippedFiles.contains(unit.fileIndex) { continue }
            if let failure = part.failure {
                guard let loadFailure = failure as? LoadFailure else { throw failure }
                try CaseLoader.skipUnreadableFile(unit.entry, loadFailure, log: log)
                skippedFiles.insert(unit.fileIndex)
                continue
            }
            let base = lineBase[unit.fileIndex, default: 0]
            for issue in part.log.report.skipped { _ = log.skip(issue.file, issue.line + base, issue.reason) }
            log.report.skippedCount += part.log.report.skippedCount - part.log.report.skipped.count
            for issue in part.log.report.warnings { _ = log.warn(issue.file, issue.line + base, issue.reason) }
            log.report.warningCount += part.log.report.warningCount - part.log.report.warnings.count
            if let failure = log.failure { throw failure }
            lineBase[unit.fileIndex] = base + part.lines
            rowsPerFile[unit.fileIndex, default: 0] += part.table.count
            append(part, into: table, pools: pools)
        }
        return rowsPerFile
    }

    private static func remap(_ local: StringPool, into global: StringPool) -> [Int32] {
        (0..<local.count).map { id in local.withBytes(Int32(id)) { global.intern($0) } }
    }

    private static func append(_ part: Part, into table: QueryTable, pools: ValuePools) {
        let keys = remap(part.pools.apiKeys, into: pools.apiKeys), ips = remap(part.pools.ips, into: pools.ips)
        let asns = remap(part.pools.asns, into: pools.asns), agents = remap(part.pools.userAgents, into: pools.userAgents)
        let models = remap(part.pools.models, into: pools.models), categories = remap(part.pools.categories, into: pools.categories)
        func map(_ ids: [Int32], _ id: Int32) -> Int32 { id < 0 ? -1 : ids[Int(id)] }
        let c = part.table.contexts
        let contexts: [Int32] = (0..<c.count).map { j in
            table.contexts.intern(
                apiKey: map(keys, c.apiKey[j]), ip: map(ips, c.ip[j]), asn: map(asns, c.asn[j]),
                userAgent: map(agents, c.userAgent[j]), model: map(models, c.model[j]))
        }
        let from = part.table
        table.timestamp.appendDraining(from.timestamp) { $0 }
        table.account.appendDraining(from.account) { $0 }
        table.context.appendDraining(from.context) { contexts[Int($0)] }
        table.category.appendDraining(from.category) { map(categories, $0) }
        table.inputTokens.appendDraining(from.inputTokens) { $0 }
        table.outputTokens.appendDraining(from.outputTokens) { $0 }
        table.promptSketch.appendDraining(from.promptSketch) { $0 }
        table.promptFlags.appendDraining(from.promptFlags) { $0 }
        table.location.appendDraining(from.location) { $0 }
    }
}
