import Testing
@testable import Investigate

/// Timestamps that parse always format to text that parses back to the same instant (found by
/// the fuzz target's seed corpus: an offset that pushed 9999-12-31 into year 10000).
@Suite struct TimestampRangeTests {
    @Test(arguments: [
        "9999-12-31T23:59:59-23:59", "253402387139000", "-99999999999",
    ])
    func instantsNoExportCanWriteAreRefused(_ text: String) {
        #expect(Timestamp.parseMillis(text) == nil)
    }

    @Test(arguments: [
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999+00:00", "2026-02-01T00:00:00.5+05:30",
        "1767225600", "1767225600000",
    ])
    func acceptedInstantsRoundTrip(_ text: String) throws {
        let millis = try #require(Timestamp.parseMillis(text))
        #expect(Timestamp.parseMillis(Timestamp.format(millis: millis)) == millis)
    }
}
