import Dispatch
import Foundation
import Testing
@testable import Investigate

/// A shared slice's blocks (`SharedSliceBlocks`), read from the file once for all its workers:
/// every worker must get exactly the slice's bytes, whichever worker reads a block, however far
/// apart they are, and when one never comes.
@Suite struct SharedSliceBlocksTests {
    /// A file of `count` bytes that differ from offset to offset, and its bytes.
    static func file(_ count: Int) throws -> (path: String, bytes: [UInt8]) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) }
        let path = NSTemporaryDirectory() + "shared-slice-blocks-\(UUID().uuidString).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    /// Reads `range` of `file` through a source sharing `blocks` as `worker`, `chunk` bytes at
    /// most per read.
    static func read(_ file: OpenFile, _ range: Range<Int>, _ blocks: SharedSliceBlocks, worker: Int, chunk: Int) throws -> [UInt8] {
        let source = FileByteSource(file: file, range: range)
        source.shared = (blocks, worker)
        defer { blocks.finish(worker: worker) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = try source.read(into: &buffer)
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    @Test func everyWorkerGetsTheSlicesBytes() throws {
        let (path, bytes) = try Self.file(10_007)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OpenFile(path: path)
        let recycler = SharedSliceBlocks.Recycler()
        for (range, blockSize, held, workers) in [(0..<10_007, 64, 2, 2), (13..<9_000, 100, 1, 3), (500..<700, 1_000, 4, 2)] {
            let blocks = SharedSliceBlocks(
                file: file, range: range, workers: workers, recycler: recycler, blockSize: blockSize, heldBlocks: held, patience: 5)
            let results = Results(workers)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                // Reads of different sizes, so the workers cross block ends at different points.
                results.set(worker, Result { try Self.read(file, range, blocks, worker: worker, chunk: 37 + worker * 50) })
            }
            for worker in 0..<workers { #expect(try results.get(worker).get() == Array(bytes[range])) }
        }
    }

    @Test func aWorkerThatNeverComesCostsAWaitNotTheBytes() throws {
        let (path, bytes) = try Self.file(5_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OpenFile(path: path)
        let blocks = SharedSliceBlocks(
            file: file, range: 0..<5_000, workers: 2, recycler: .init(), blockSize: 128, heldBlocks: 3, patience: 0.05)
        #expect(try Self.read(file, 0..<5_000, blocks, worker: 1, chunk: 300) == bytes)
        // The other worker, arriving after all, still reads the slice whole.
        #expect(try Self.read(file, 0..<5_000, blocks, worker: 0, chunk: 90) == bytes)
    }

    /// Each worker's result, set from its own thread.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<[UInt8], Error>?]
        init(_ count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<[UInt8], Error>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
        func get(_ index: Int) -> Result<[UInt8], Error> {
            lock.lock()
            defer { lock.unlock() }
            return values[index] ?? .failure(CancellationError())
        }
    }
}
