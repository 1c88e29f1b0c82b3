import Testing
@testable import Investigate

/// Rows asked for out of file order are read in larger batches, so a file is not read again
/// from its start for every few thousand rows.
@Suite struct RowFetchBatchTests {
    @Test func rowsInFileOrderKeepThePreferredBatchAndOthersGetALargerOne() {
        let inOrder = Array(0..<10_000)
        let place: (Int) -> (file: Int, line: Int) = { (0, $0 + 1) }
        #expect(QueryRowFetcher.batchSize(for: inOrder, preferred: 4096, source: place) == 4096)
        #expect(QueryRowFetcher.batchSize(for: inOrder.reversed(), preferred: 4096, source: place) == QueryRowFetcher.outOfOrderBatch)
        // A later file's rows before an earlier one's are out of order too.
        let twoFiles: (Int) -> (file: Int, line: Int) = { ($0 < 5_000 ? 1 : 0, $0 + 1) }
        #expect(QueryRowFetcher.batchSize(for: inOrder, preferred: 4096, source: twoFiles) == QueryRowFetcher.outOfOrderBatch)
        // Fewer rows than a batch: one batch whatever the order.
        #expect(QueryRowFetcher.batchSize(for: [3, 2, 1], preferred: 4096, source: place) == 4096)
    }
}
