import Testing
@testable import Investigate

/// The memo keeps each account's last context with that context's value ids, so the batch reads
/// one entry instead of the context table's columns.
@Suite struct AccountRowMemoTests {
    @Test func anAccountWithoutARowHasNoContext() {
        let memo = AccountRowMemo()
        #expect(memo.last(0).context == -1)
        #expect(memo.last(-1).context == -1)
        memo.remember(3, context: 7, values: SIMD8(1, 2, 3, 4, 5, 0, 0, 0))
        // The accounts below it got no row: still none.
        for account: Int32 in 0..<3 { #expect(memo.last(account).context == -1) }
        #expect(memo.last(4).context == -1)
    }

    @Test func theLastContextKeepsItsValuesInTheComparedLanes() {
        let memo = AccountRowMemo()
        let first = SIMD8<Int32>(10, 11, -1, 13, 14, 0, 0, 0)
        memo.remember(2, context: 5, values: first)
        #expect(memo.last(2).context == 5)
        #expect(memo.last(2).values == first)
        let second = SIMD8<Int32>(10, 20, 12, 13, 14, 0, 0, 0)
        memo.remember(2, context: 9, values: second)
        #expect(memo.last(2).context == 9)
        #expect(memo.last(2).values == second)
        // An account id of -1 (no account) is never remembered.
        memo.remember(-1, context: 1, values: first)
        #expect(memo.last(-1).context == -1)
    }
}
