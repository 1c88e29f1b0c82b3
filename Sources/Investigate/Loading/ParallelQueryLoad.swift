import Dispatch
import Foundation

/// Loads the query files on every core: large JSONL files are cut into slices at line
/// boundaries; small files are grouped, in file order, into parts of about a slice's bytes (a
/// part per file would cost its columns for every tiny file), while a thread of its own loads
/// the account, payment and link tables.
///
/// A slice is shared by every worker: each reads all its lines and parses those it owns by
/// their account id (`QueryLineOwner`) into a part of its own, so that a worker holds only its
/// own accounts' values even when, as in a time-ordered export, every slice holds nearly every
/// account. A group of small files (or a gzip file, which cannot be cut) is parsed whole by
/// whichever worker takes it first. Values are interned into one pool set per worker, shared by
/// every part the worker parses. `QueryMerge` then joins the parts in file order (the shares of
/// a slice interleaved line by line), so ids, row order and reported lines are exactly those of
/// a one-thread load.
struct ParallelQueryLoad {
    /// One file, or one slice of one file, of a unit.
    struct Segment {
        var entry: SourceFiles.Entry
        var fileIndex: Int
        var range: Range<Int>?
        /// A sliced file, opened once when planned: every slice reads this descriptor, so a
        /// name replaced during the load changes nothing read.
        var file: OpenFile? = nil
    }

    /// What is parsed into one part, or one part per worker: one slice of a large file, or
    /// several whole files.
    struct Unit {
        var segments: [Segment]
        /// 1: one worker parses every line into one part; more: the unit is a slice that every
        /// worker reads, each parsing the lines it owns into its own part.
        var owners = 1
    }

    /// What one segment of a part produced.
    struct SegmentResult {
        /// The part's rows `rows` came from this segment.
        var rows: Range<Int>
        /// Lines read; the segment's lines are numbered in the part after `lineOffset` lines.
        var lines: Int
        var lineOffset: Int
        /// Why the file could not be read (no rows came from it).
        var failure: LoadFailure?
    }

    /// The values and contexts one worker interned, for every part it parsed (ids in its parts'
    /// rows refer to them; the merge renumbers them and drops them).
    final class WorkerValues: @unchecked Sendable {
        var pools = ValuePools()
        var contexts = QueryContexts()
        /// Each account's last value ids, while this worker parses (see `AccountRowMemo`).
        var memo: AccountRowMemo? = AccountRowMemo()
    }

    /// What one unit produced.
    final class Part: @unchecked Sendable {
        /// The worker that parsed the part (an index into `run`'s `workerValues`); in a shared
        /// slice, also the owner of its lines.
        var worker = 0
        let rows = QueryRows()
        let log: IssueLog
        /// One result per segment parsed, in order (a strict load stops at the first issue).
        var segments: [SegmentResult] = []
        var consumed = 0
        /// An error that stops the whole load.
        var failure: Error?
        init(options: LoadOptions) { log = IssueLog(options: options) }
    }

    let files: [SourceFiles.Entry]
    let options: LoadOptions
    /// Slices are about this many bytes.
    var sliceBytes = 64 << 20
    /// Threads used.
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Cuts the files into units: large plain JSONL files into slices, runs of other files
    /// into groups of about `sliceBytes`.
    func plan() -> [Unit] {
        var units: [Unit] = []
        var group: [Segment] = [], groupBytes = 0
        func closeGroup() {
            if !group.isEmpty { units.append(Unit(segments: group)) }
            group = []
            groupBytes = 0
        }
        for (index, entry) in files.enumerated() {
            let splittable = TableFormat.of(path: entry.path) == .jsonl && !entry.path.hasSuffix(".gz")
            // A file that cannot be opened is not sliced: its one reader says why.
            guard splittable, entry.bytes > sliceBytes * 3 / 2, let file = try? OpenFile(path: entry.path) else {
                if groupBytes + entry.bytes > sliceBytes { closeGroup() }
                group.append(Segment(entry: entry, fileIndex: index, range: nil))
                groupBytes += entry.bytes
                continue
            }
            closeGroup()
            var cuts = [0]
            var target = sliceBytes
            while target < entry.bytes - sliceBytes / 2 {
                guard let cut = Self.lineStart(atOrAfter: target, in: file), cut < entry.bytes else { break }
                if cut > cuts.last! { cuts.append(cut) }
                target = cut + sliceBytes
            }
            cuts.append(entry.bytes)
            for i in 0..<(cuts.count - 1) where cuts[i] < cuts[i + 1] {
                let shared = workers > 1 && (options.sharesSlices ?? Self.accountsInterleave(in: file, at: cuts[i]))
                units.append(
                    Unit(
                        segments: [Segment(entry: entry, fileIndex: index, range: cuts[i]..<cuts[i + 1], file: file)],
                        owners: shared ? workers : 1))
            }
        }
        closeGroup()
        return units
    }

    /// Bytes sampled at a slice's start to tell its row order.
    static let orderSample = 64 << 10

    /// Whether the rows of the slice starting at `offset` change account on most lines (time
    /// order): judged on the lines of its first `orderSample` bytes. Such a slice is shared by
    /// owner; one whose accounts come in runs (account order) is parsed whole by one worker,
    /// which already holds each account once, and reading it once is cheaper. Either way the
    /// merge gives the same table: this only chooses the work.
    static func accountsInterleave(in path: String, at offset: Int) -> Bool {
        guard let file = try? OpenFile(path: path) else { return false }
        return accountsInterleave(in: file, at: offset)
    }

    /// `accountsInterleave(in:at:)` for a file already open.
    static func accountsInterleave(in file: OpenFile, at offset: Int) -> Bool {
        let source = FileByteSource(file: file, range: offset..<(offset + orderSample))
        var buffer = [UInt8](repeating: 0, count: orderSample)
        let count = (try? source.read(into: &buffer)) ?? 0
        var lines = 0, changes = 0
        var previous: ArraySlice<UInt8>?
        var start = 0
        while start < count, let newline = buffer[start..<count].firstIndex(of: 0x0A) {
            let line = buffer[start..<newline]
            start = newline + 1
            let value = line.withSpan { QueryLineOwner.accountValue(in: $0) }.map { line[(line.startIndex + $0.lowerBound)..<(line.startIndex + $0.upperBound)] }
            guard let value else { continue }
            if let previous, !previous.elementsEqual(value) { changes += 1 }
            previous = value
            lines += 1
        }
        return lines >= 16 && changes * 2 > lines
    }

    /// The offset of the first line starting at or after `offset` (just past a newline).
    static func lineStart(atOrAfter offset: Int, in file: OpenFile) -> Int? {
        let source = FileByteSource(file: file, range: (offset - 1)..<Int.max)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset - 1
        while true {
            let n = (try? source.read(into: &buffer)) ?? 0
            if n == 0 { return nil }
            if let newline = buffer[0..<n].firstIndex(of: 0x0A) { return position + newline + 1 }
            position += n
        }
    }

    /// Runs `tables` on a thread of its own and every unit on every worker; returns each unit's
    /// parts (one, or one per owner in owner order), each worker's values, and what `tables`
    /// threw (after which no further unit starts). `progress` (bytes of query files consumed)
    /// is called under `lock`; `tables` must take `lock` around its own progress reports.
    func run(
        _ units: [Unit], lock: NSLock, tables: () throws -> Void, progress: @escaping @Sendable (Int) -> Void
    ) -> (parts: [[Part]], workerValues: [WorkerValues], tablesFailure: Error?) {
        let options = self.options
        let parts = units.map { unit in (0..<unit.owners).map { _ in Part(options: options) } }
        let shared = units.contains { $0.owners > 1 }
        let threads = shared ? max(1, workers) : max(1, min(workers, units.count))
        precondition(units.allSatisfy { $0.owners == 1 || $0.owners == threads }, "a shared slice needs one worker per owner")
        let workerValues = (0..<threads).map { _ in WorkerValues() }
        // With slices shared by owner, the tables load on a thread of their own beside the
        // workers (the system shares the cores): a worker that also loaded them would finish its
        // share that much later. Otherwise the first worker loads them, then takes units as the
        // others do. The job drops `tables` and is waited for before `run` returns: it does not
        // escape.
        return withoutActuallyEscaping(tables) { tables in
            let job = TablesJob(tables)
            if shared {
                job.claimed = true
                let thread = Thread { job.run(lock: lock) }
                thread.stackSize = 8 << 20
                thread.start()
            }
            Self.parse(units, into: parts, workerValues: workerValues, options: options, lock: lock, job: job, progress: progress)
            if !job.claimed { job.run(lock: lock) }
            job.done.wait()
            return (parts, workerValues, job.failure)
        }
    }

    /// The table loading, on its own thread.
    private final class TablesJob: @unchecked Sendable {
        private var body: (() throws -> Void)?
        /// What the tables threw, and whether a thread has taken the job (both read and
        /// written under the load's lock).
        var failure: Error?
        var claimed = false
        let done = DispatchSemaphore(value: 0)
        init(_ body: @escaping () throws -> Void) { self.body = body }

        func run(lock: NSLock) {
            do { try body?() } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
            body = nil
            done.signal()
        }
    }

    /// Parses every unit on one thread per worker: a shared unit's part `w` on worker `w`, any
    /// other unit on the first worker to reach it.
    private static func parse(
        _ units: [Unit], into parts: [[Part]], workerValues: [WorkerValues], options: LoadOptions, lock: NSLock,
        job: TablesJob, progress: @escaping @Sendable (Int) -> Void
    ) {
        nonisolated(unsafe) var claimed = [Bool](repeating: false, count: units.count)
        DispatchQueue.concurrentPerform(iterations: workerValues.count) { worker in
            let values = workerValues[worker]
            // Only read from now on (renumbered by the merge): drop the hash tables.
            defer {
                values.memo = nil
                values.pools.compact()
                values.contexts.compactForReading()
            }
            lock.lock()
            let loadsTables = !job.claimed
            job.claimed = true
            lock.unlock()
            if loadsTables { job.run(lock: lock) }
            for (index, unit) in units.enumerated() {
                lock.lock()
                let stopped = job.failure != nil
                var mine = unit.owners > 1
                if !mine && !claimed[index] {
                    claimed[index] = true
                    mine = true
                }
                lock.unlock()
                if stopped { return }
                guard mine else { continue }
                let owner = unit.owners > 1 ? worker : 0
                let part = parts[index][owner]
                part.worker = worker
                parse(unit, into: part, owner: owner, values: values, options: options) { consumed in
                    lock.lock()
                    part.consumed = consumed
                    // A shared slice is read by each of its parts: count its bytes once.
                    progress(parts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.consumed } / $1.count })
                    lock.unlock()
                }
            }
        }
    }

    /// Parses a unit's segments in order into `part` (in a shared slice, the lines `owner`
    /// owns), numbering their lines one after another, interning values into the worker's
    /// `values`.
    private static func parse(
        _ unit: Unit, into part: Part, owner: Int, values: WorkerValues, options: LoadOptions, progress: (Int) -> Void
    ) {
        part.rows.contexts = values.contexts
        if unit.owners > 1 { part.rows.keepLinesAsBitmap() }
        let loader = QueryLoader(
            pools: values.pools, table: part.rows, log: part.log, digest: PromptDigest(lexicon: options.lexicon),
            memo: values.memo ?? AccountRowMemo())
        let lineOwner = unit.owners > 1 ? (owner: owner, owners: unit.owners) : nil
        var lineOffset = 0, consumedBefore = 0
        for segment in unit.segments {
            let rowsBefore = part.rows.count
            do {
                let result = try loader.load(
                    segment.entry, byteRange: segment.range, file: segment.file, lineOffset: lineOffset, lineOwner: lineOwner
                ) {
                    progress(consumedBefore + $0)
                }
                part.segments.append(.init(rows: rowsBefore..<part.rows.count, lines: result.lines, lineOffset: lineOffset))
                lineOffset += result.lines
            } catch let failure as LoadFailure where part.rows.count == rowsBefore {
                // The file is skipped (or stops a strict load) at the merge; its lines count 0.
                part.segments.append(.init(rows: rowsBefore..<rowsBefore, lines: 0, lineOffset: lineOffset, failure: failure))
            } catch {
                part.failure = error
                return
            }
            consumedBefore += segment.range?.count ?? segment.entry.bytes
            if part.log.failure != nil { break }
        }
    }
}
