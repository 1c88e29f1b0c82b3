import Dispatch
import Foundation

/// Loads the query files on every core: large JSONL files are cut into slices at line
/// boundaries and each slice (or small file) is parsed into its own part with its own pools,
/// while one worker first loads the account, payment and link tables. `QueryMerge` then joins
/// the parts in file order, so ids, row order and reported lines are exactly those of a
/// one-thread load.
struct ParallelQueryLoad {
    /// One slice of one query file.
    struct Unit {
        var entry: SourceFiles.Entry
        var fileIndex: Int
        var range: Range<Int>?
    }

    /// What one unit produced.
    final class Part: @unchecked Sendable {
        /// The slice's own pools (dropped by the merge once renumbered).
        var pools = ValuePools()
        let rows = QueryRows()
        let log: IssueLog
        var lines = 0
        var consumed = 0
        var failure: Error?
        init(options: LoadOptions) { log = IssueLog(options: options) }
    }

    let files: [SourceFiles.Entry]
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

    /// Runs `tables` on the first worker, then every unit on every worker; returns the parts in
    /// unit order and what `tables` threw (after which no further unit starts). `progress` (bytes
    /// of query files consumed) is called under `lock`; `tables` must take `lock` around its own
    /// progress reports.
    func run(
        _ units: [Unit], lock: NSLock, tables: () throws -> Void, progress: @escaping @Sendable (Int) -> Void
    ) -> (parts: [Part], tablesFailure: Error?) {
        let options = self.options
        let parts = units.map { _ in Part(options: options) }
        nonisolated(unsafe) var next = -1
        nonisolated(unsafe) var tablesFailure: Error?
        nonisolated(unsafe) let tables = tables
        DispatchQueue.concurrentPerform(iterations: min(workers, units.count + 1)) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                let stopped = tablesFailure != nil
                lock.unlock()
                if index == -1 {
                    do { try tables() } catch {
                        lock.lock()
                        tablesFailure = error
                        lock.unlock()
                    }
                    continue
                }
                if stopped { return }
                guard index < units.count else { return }
                let unit = units[index], part = parts[index]
                let loader = QueryLoader(
                    pools: part.pools, table: part.rows, log: part.log, digest: PromptDigest(lexicon: options.lexicon))
                do {
                    let result = try loader.load(unit.entry, byteRange: unit.range) { consumed in
                        lock.lock()
                        part.consumed = consumed
                        progress(parts.reduce(0) { $0 + $1.consumed })
                        lock.unlock()
                    }
                    part.lines = result.lines
                    // Only read from now on (renumbered by the merge): drop the hash tables.
                    part.pools.compact()
                    part.rows.contexts.compactForReading()
                } catch {
                    part.failure = error
                }
            }
        }
        return (parts, tablesFailure)
    }
}
