import Foundation
import Testing

@testable import Investigate

/// A damaged gzip member no longer loses the intact members after it: reading goes on at the
/// next member header, the lost part is reported, and the rows read from the damaged member (or
/// from one that failed its check) are named in a warning.
@Suite(.timeLimit(.minutes(1))) struct GzipResyncTests {
    static let accounts = "account_id\na1\na2\n"

    /// Row `i`: its timestamp is `i` seconds (epoch), so each row can be found again.
    static func rows(_ range: Range<Int>) -> [UInt8] {
        Array(range.map { #"{"ts":\#($0 + 1_000_000_000),"account_id":"a\#($0 % 2 + 1)","prompt":"row \#($0) of a member"}"# + "\n" }.joined().utf8)
    }

    static func load(_ gz: [UInt8], strict: Bool = false) throws -> CaseData {
        let source = try TempSource(["accounts.csv": Self.accounts])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try source.write("queries.jsonl.gz", bytes: gz)
        return try source.load(strict: strict)
    }

    static func seconds(_ data: CaseData) -> Set<Int64> {
        Set((0..<data.queries.count).map { data.queries.timestamp($0) / 1000 - 1_000_000_000 })
    }

    @Test func aDamagedMemberKeepsTheMembersAfterIt() throws {
        // Stored blocks of 65,535 bytes: the second block's length check is broken, so the
        // member fails there for sure (lines of the first block decoded, the rest lost).
        var first = LoaderFuzzTests.gzip(Self.rows(0..<1_000))
        first[10 + 5 + 65_535 + 3] ^= 0xFF
        let gz = first + (try gzipped(Self.rows(1_000..<2_000))) + (try gzipped(Self.rows(2_000..<3_000)))
        let data = try Self.load(gz)
        let kept = Self.seconds(data)
        #expect(Set(1_000..<3_000).isSubset(of: kept))
        #expect(data.report.skippedCount >= 1)
        let lost = try #require(data.report.skipped.first { $0.reason.contains("passed over") })
        #expect(lost.file == "queries.jsonl.gz")
        #expect(lost.reason.contains("corrupt gzip data"))
        #expect(lost.reason.contains("read on from the next member at byte \(first.count)"))
        #expect(lost.reason.hasSuffix("the rows in the bytes passed over are lost (how many is unknown)"))
        let suspect = try #require(data.report.warnings.first)
        #expect(suspect.line == 1 && suspect.reason.hasPrefix("lines 1-") && suspect.reason.hasSuffix("kept, but they may be wrong"))
        // Strict stops at the first word of the damage.
        #expect(throws: LoadFailure.self) { try Self.load(gz, strict: true) }
    }

    @Test func aMemberThatFailsItsCheckIsNamedAndNothingIsLost() throws {
        var first = try gzipped(Self.rows(0..<1_000))
        first[first.count - 8] ^= 0x01  // the CRC
        let second = try gzipped(Self.rows(1_000..<2_000))
        let data = try Self.load(first + second)
        #expect(data.queries.count == 2_000 && data.report.skippedCount == 0)
        #expect(data.report.warnings.map(\.line) == [1])
        #expect(data.report.warnings.first?.reason.hasPrefix("lines 1-1000 came from a gzip member found damaged (gzip stream damaged after") == true)
        #expect(data.report.warnings.first?.reason.contains("incorrect data check") == true)
        // The last member failing its check: its lines are named too, and nothing follows.
        var last = second
        last[last.count - 8] ^= 0x01
        let tail = try Self.load(try gzipped(Self.rows(0..<1_000)) + last)
        #expect(tail.queries.count == 2_000)
        #expect(tail.report.warnings.first?.reason.hasPrefix("lines 1001-2000 came from a gzip member found damaged") == true)
        #expect(tail.report.skipped.map(\.line) == [2_001])
    }

    @Test func garbageBetweenMembersIsPassedOver() throws {
        let first = try gzipped(Self.rows(0..<10)), second = try gzipped(Self.rows(10..<20))
        let garbage = Array("GARBAGE, not gzip \u{1F}\u{8B} at all\n".utf8)
        let data = try Self.load(first + garbage + second)
        #expect(data.queries.count == 20)
        #expect(data.report.skipped.count == 1)
        #expect(data.report.skipped.first?.reason.hasPrefix("gzip stream damaged after \(first.count) bytes (not gzip data after the last complete member") == true)
        #expect(data.report.skipped.first?.reason.contains("read on from the next member at byte \(first.count + garbage.count)") == true)
    }

    @Test func headersAreTold() {
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        #expect(GzipResync.headerOffset(in: ([1, 2, 0x1F, 0x8B] + header).span) == 4)
        #expect(GzipResync.headerOffset(in: Array(header.prefix(9)).span) == nil)
        #expect(GzipResync.headerOffset(in: [0x1F, 0x8B, 8, 0xE0, 0, 0, 0, 0, 0, 0xFF].span) == nil)
        #expect(GzipResync.headerOffset(in: [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 7, 3].span) == nil)
    }
}
