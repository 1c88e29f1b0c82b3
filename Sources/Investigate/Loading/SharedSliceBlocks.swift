import ByteCore
import Foundation

/// The bytes of a slice shared by owner (`QueryLineOwner`), read from the file once for all its
/// workers.
///
/// Every worker of a shared slice reads all of its lines, and each read its own copy from the
/// page cache: in a 10M-query time-order load that kernel copy took 7.5% of the samples
/// against 3.3% in account order, where a slice is read once. Here the slice is cut into blocks
/// of `blockSize` bytes; the first worker to reach a block reads it from the file into a block
/// buffer, and every worker copies its bytes from there (the second copy comes from a buffer
/// just written, in the cache). A block is let go once every worker still reading the slice
/// has passed its end.
///
/// At most `heldBlocks` blocks are held: a worker that is that far ahead of another waits for
/// it (the workers parse about the same share of every slice), at most `patience`; after that
/// it reads straight from the file, as before, so a worker that never comes (a load stopped)
/// costs time, not a hang. Either way every worker gets exactly the file's bytes: only who
/// reads them from the file changes.
final class SharedSliceBlocks: @unchecked Sendable {
    /// Buffers of blocks let go, kept for the next blocks (a block's 256 KiB would otherwise be
    /// a mapping of its own, mapped, faulted in and unmapped for each block).
    final class Recycler: @unchecked Sendable {
        private let lock = NSLock()
        private var free: [GrowableBuffer<UInt8>] = []

        func take() -> GrowableBuffer<UInt8> {
            lock.lock()
            defer { lock.unlock() }
            return free.popLast() ?? GrowableBuffer<UInt8>()
        }

        func give(_ buffer: GrowableBuffer<UInt8>) {
            buffer.truncate(to: 0)
            lock.lock()
            free.append(buffer)
            lock.unlock()
        }
    }

    /// One block read: its bytes (fewer than the block's size if the file was cut shorter),
    /// and the workers still to read it, one bit each.
    private final class Block {
        let bytes: GrowableBuffer<UInt8>
        var readers: UInt64
        init(bytes: GrowableBuffer<UInt8>, readers: UInt64) {
            self.bytes = bytes
            self.readers = readers
        }
    }

    let file: OpenFile
    let range: Range<Int>
    let blockSize: Int
    let heldBlocks: Int
    /// How long a worker ahead by `heldBlocks` blocks waits for the others before it reads on
    /// its own.
    let patience: TimeInterval
    private let recycler: Recycler
    private let condition = NSCondition()
    private var blocks: [Int: Block] = [:]
    /// Each worker's next offset in the file: `range.lowerBound` until it starts, `Int.max`
    /// once it is done with the slice.
    private var positions: [Int]
    /// Set once a wait ran out: the workers then read on their own for the rest of the slice.
    private var gaveUp = false

    init(
        file: OpenFile, range: Range<Int>, workers: Int, recycler: Recycler, blockSize: Int = 256 << 10, heldBlocks: Int = 8,
        patience: TimeInterval = 2
    ) {
        precondition(workers > 0 && workers <= 64 && blockSize > 0 && heldBlocks > 0, "SharedSliceBlocks: bad shape")
        self.file = file
        self.range = range
        self.blockSize = blockSize
        self.heldBlocks = heldBlocks
        self.patience = patience
        self.recycler = recycler
        positions = Array(repeating: range.lowerBound, count: workers)
    }

    /// Copies bytes of the slice from `offset` (inside the slice) into the start of `buffer`,
    /// at most `maxCount` and never past the end of `offset`'s block, for `worker`; returns how
    /// many, or nil when the worker must read them from the file itself (the block could not be
    /// read whole, or other workers lag too far behind).
    func read(worker: Int, at offset: Int, maxCount: Int, into buffer: inout MutableRawSpan) -> Int? {
        guard range.contains(offset), maxCount > 0 else { return nil }
        let index = (offset - range.lowerBound) / blockSize
        let blockStart = range.lowerBound + index * blockSize
        let blockEnd = min(blockStart + blockSize, range.upperBound)
        condition.lock()
        defer { condition.unlock() }
        positions[worker] = offset
        guard let block = block(index, start: blockStart, end: blockEnd) else { return nil }
        let at = offset - blockStart
        guard at < block.bytes.count else { return nil }
        let n = block.bytes.copy(at..<min(block.bytes.count, at + maxCount), into: &buffer)
        positions[worker] = offset + n
        if at + n >= blockEnd - blockStart { release(index, block, worker: worker) }
        return n
    }

    /// `worker` reads no more of the slice: the blocks held for it are let go.
    func finish(worker: Int) {
        condition.lock()
        defer { condition.unlock() }
        positions[worker] = Int.max
        for (index, block) in blocks where block.readers & (1 << UInt64(worker)) != 0 { release(index, block, worker: worker) }
    }

    /// Block `index`, read from the file when no worker has read it yet (under the lock).
    private func block(_ index: Int, start: Int, end: Int) -> Block? {
        if let block = blocks[index] { return block }
        if gaveUp { return nil }
        if blocks.count >= heldBlocks {
            let deadline = Date(timeIntervalSinceNow: patience)
            while blocks.count >= heldBlocks {
                if !condition.wait(until: deadline) {
                    gaveUp = true
                    return nil
                }
            }
            if let block = blocks[index] { return block }
        }
        // Every worker not yet past the block reads it, this one included.
        var readers: UInt64 = 0
        for (worker, position) in positions.enumerated() where position < end { readers |= 1 << UInt64(worker) }
        let bytes = recycler.take()
        let source = FileByteSource(file: file, range: start..<end)
        do {
            while bytes.count < end - start {
                let n = try bytes.appendWriting(maxCount: end - start - bytes.count) { try source.read(into: &$0) }
                if n == 0 { break }
            }
        } catch {
            // The worker's own read meets the same failure and reports it.
            recycler.give(bytes)
            return nil
        }
        let block = Block(bytes: bytes, readers: readers)
        blocks[index] = block
        return block
    }

    /// `worker` has passed block `index`'s end (under the lock).
    private func release(_ index: Int, _ block: Block, worker: Int) {
        block.readers &= ~(1 << UInt64(worker))
        guard block.readers == 0 else { return }
        blocks[index] = nil
        recycler.give(block.bytes)
        condition.broadcast()
    }
}
