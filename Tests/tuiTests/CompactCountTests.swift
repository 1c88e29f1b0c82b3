import Testing
@testable import tui

/// Trial s34 finding 10: 30,064,771,065 output tokens read `30064.…` in a column and
/// `out 30064.7M` in a header; the compact form now goes on to G, T, P and E.
@Suite struct CompactCountTests {
    @Test(arguments: [
        (950, "950"), (9_999, "9999"), (12_345, "12.3k"), (999_999, "999.9k"), (4_100_000, "4.1M"),
        (999_999_999, "999.9M"), (30_064_771_065, "30.0G"), (1_234_567_890_123, "1.2T"),
        (5_000_000_000_000_000, "5.0P"), (Int.max, "9.2E"),
    ])
    func hugeCountsGetTheirOwnUnit(_ n: Int, _ text: String) {
        #expect(Format.count(n) == text)
    }

    /// Every compact count fits a six-cell column.
    @Test func everyCompactCountIsShort() {
        var n = 1
        while n < Int.max / 10 {
            #expect(Format.count(n).count <= 6, "\(n)")
            n = n * 10 + 7
        }
    }
}
