import Crypto
import Foundation
import Testing

@testable import Investigate
import TestScratch

#if canImport(Glibc)
    import Glibc
#endif

/// A section written a block at a time (`SnapshotFileWriter.put(_:streaming:)`) is the very
/// section the whole column writes, and the ranking's streamed starts are its columns' values.
@Suite struct SnapshotStreamingTests {
    /// The bytes of a snapshot file holding `sections` of `values`, each written whole or streamed.
    static func file(_ values: [[Int32]], streamed: Bool) throws -> [UInt8] {
        let path = TestScratch.root + "inv-stream-" + UUID().uuidString
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer {
            close(fd)
            unlink(path)
        }
        let out = try SnapshotFileWriter(fd: fd, key: [UInt8](repeating: 7, count: 32))
        for (i, column) in values.enumerated() {
            if streamed { try out.put("s\(i)", streaming: column.lazy.map { $0 }) } else { try out.put("s\(i)", column) }
        }
        try out.finish(macKey: SymmetricKey(data: [UInt8](repeating: 9, count: 32)))
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aStreamedSectionIsTheWholeColumnsSection() throws {
        let block = SnapshotFileWriter.streamBlock
        let sizes = [0, 1, block - 1, block, block + 1, 3 * block + 5]
        let columns = sizes.map { size in (0..<size).map { Int32(truncatingIfNeeded: $0 &* 2_654_435_761) } }
        let whole = try Self.file(columns, streamed: false)
        #expect(whole.count > columns.reduce(0) { $0 + $1.count * 4 })
        #expect(try Self.file(columns, streamed: true) == whole)
    }

    @Test func theRankingsStreamedStartsAreItsColumns() throws {
        let fixture = try SnapshotFixture(accounts: 300, seed: 5)
        let ranking = fixture.built.clusters.ranking
        #expect(Array(ranking.denseStarts) == ranking.rankedRows.dense.offsets)
        // The link starts read back into the rows they were made from: each rank's entries.
        let starts = Array(ranking.linkStarts)
        #expect(starts.count == ranking.count + 1 && starts.first == 0 && starts.last == Int32(ranking.linkEntries.count))
        for rank in 0..<ranking.count {
            let entries = ranking.linkEntries[Int(starts[rank])..<Int(starts[rank + 1])]
            let counts = Dictionary(uniqueKeysWithValues: entries.map { (LinkKind.allCases[Int($0 >> 32)], Int($0 & 0xFFFF_FFFF)) })
            #expect(counts == ranking.linkCounts(of: rank).filter { $0.value > 0 })
        }
        #expect(ranking.linkEntries.count > 0)
    }
}
