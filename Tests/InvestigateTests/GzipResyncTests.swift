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

    @Test func aMemberCutShortBeforeAnotherKeepsBothAndSaysItsRestIsLost() throws {
        // Compressed by zlib (dynamic Huffman blocks, where nearly any bits decode): the first
        // member cut, a whole one after it. Read on as the cut member's rest, the second member
        // became hundreds of garbage lines (two of them parsed as rows) with no damage shown
        // before the file's end, and all its rows were lost.
        let first = try gzipped(Self.rows(0..<3_000)), second = try gzipped(Self.rows(3_000..<4_000))
        for cut in [first.count * 2 / 3, first.count / 3, first.count - 9] {
            let file = Array(first.prefix(cut)) + second
            let data = try Self.load(file)
            let kept = Self.seconds(data)
            // Every row of the second member, a run of the first from its start, nothing else.
            #expect(Set((3_000..<4_000).map { Int64($0) }).isSubset(of: kept))
            let fromFirst = kept.filter { $0 < 3_000 }
            #expect(fromFirst == Set((0..<fromFirst.count).map { Int64($0) }) && fromFirst.count > cut / 20)
            #expect(data.queries.count == fromFirst.count + 1_000)
            // One row skipped, the line the cut fell in; nothing of the garbage handed out.
            #expect(data.report.skippedCount == 1 && data.report.warnings.isEmpty, "\(data.report.skipped.prefix(3))")
            let lost = try #require(data.report.skipped.first)
            #expect(lost.line == fromFirst.count + 1)
            #expect(lost.reason.hasPrefix(
                "gzip stream damaged after \(cut) bytes (a gzip member cut short: another member's header begins at byte \(cut), before it ended)"))
            #expect(lost.reason.hasSuffix("the member ended early: the rows it held after that are lost (how many is unknown)"))
            #expect(data.report.filesWithUncountedLoss == ["queries.jsonl.gz"])
            // The one-line summary says it too (the console's status, a command's stderr).
            #expect(data.report.issueSummary == ["1 row skipped", "an unknown number of rows lost in 1 file"])
        }
        // Whole members one after another are not taken for cut ones.
        let whole = try Self.load(first + second + first)
        #expect(whole.queries.count == 7_000 && whole.report.skippedCount == 0 && whole.report.filesWithUncountedLoss.isEmpty)
    }

    @Test func aMemberInsideARowOfAWholeMemberIsData() throws {
        // A row's prompt holds a whole gzip member's bytes, and the file is stored blocks, so the
        // bytes stand in it as they are: a trial's row made an intact file lose every row after it
        // and load the inner member's row as a query of another account.
        let inner = LoaderFuzzTests.gzip(Array(#"{"ts":5000000000,"account_id":"a2","prompt":"inner"}"#.utf8) + [0x0A])
        let hostile = Array(#"{"ts":1000000500,"account_id":"a1","prompt":""#.utf8) + inner + Array("\"}\n".utf8)
        let file = LoaderFuzzTests.gzip(Self.rows(0..<100) + hostile + Self.rows(100..<200))
        let data = try Self.load(file)
        let kept = Self.seconds(data)
        #expect(Set((0..<200).map { Int64($0) }).isSubset(of: kept))
        #expect(!kept.contains(5_000_000_000 - 1_000_000_000))
        #expect(data.report.filesWithUncountedLoss.isEmpty && data.report.warnings.isEmpty)
        #expect(!data.report.skipped.contains { $0.reason.contains("gzip") })
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

    @Test func aMemberHeaderFoundBeforeTheDamageIsReadAgainNotPassedOver() throws {
        // libFuzzer's find: a member cut short, then a whole member whose header zlib read
        // through before it noticed the damage. The header found lies before the damage, so
        // nothing is passed over (this trapped on a reversed byte range).
        let gz: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x66, 0xd9, 0x0e, 0x6b, 0x02, 0xff, 0x6d, 0x90, 0x51, 0x6a, 0xc4, 0x20, 0x10, 0x86, 0xdf, 0xf7, 0x14, 0x61, 0x5e, 0xeb, 0xa6, 0xa3, 0x89, 0xc9, 0xd6, 0xf7, 0xde, 0xa0, 0x4f, 0xad, 0x25, 0xb8, 0x1b, 0x29, 0x61, 0x13, 0x1f, 0x8b, 0x08, 0x00, 0x66, 0xd9, 0x0e, 0x6b, 0x02, 0xff, 0x6d, 0x90, 0x51, 0x6a, 0xc4, 0x20, 0x10, 0x86, 0xdf, 0xf7, 0x14, 0x61, 0x5e, 0xeb, 0xa6, 0xa3, 0x89, 0xc9, 0xd6, 0xf7, 0xde, 0xa0, 0x4f, 0xad, 0x25, 0xb8, 0x1b, 0x29, 0x61, 0x13, 0x23, 0x89, 0x42, 0x76, 0x43, 0xa0, 0x27, 0xea, 0xa1, 0x7a, 0x90, 0xb6, 0x1a, 0x28, 0x84, 0x6d, 0x55, 0x46, 0xe7, 0x63, 0x9c, 0xf9, 0xf9, 0x67, 0x70, 0x23, 0x08, 0x60, 0xc8, 0x8a, 0x3d, 0xb2, 0x3d, 0xd2, 0x27, 0x44, 0xb1, 0x9e, 0x67, 0x20, 0xa0, 0x4e, 0xa7, 0xde, 0x1b, 0x57, 0x35, 0x75, 0xa8, 0x51, 0x34, 0x90, 0xc6, 0x86, 0x17, 0xc5, 0x34, 0xee, 0x98, 0xfb, 0x51, 0x0f, 0x95, 0x7a, 0xd3, 0xc6, 0x05, 0xee, 0xd5, 0x7d, 0x64, 0x5d, 0x5f, 0xeb, 0x36, 0xa4, 0x5d, 0xac, 0x37, 0xd6, 0xbb, 0xca, 0xf5, 0x67, 0x6d, 0xc2, 0x1c, 0x8a, 0x04, 0x7a, 0xef, 0xb6, 0x88, 0x05, 0x64, 0xa2, 0x46, 0x84, 0x4d, 0xdf, 0x49, 0xc2, 0x45, 0xca, 0xab, 0x34, 0x01, 0xea, 0xc9, 0x0d, 0x0a, 0xc4, 0x0c, 0x67, 0x10, 0x2f, 0x94, 0x30, 0x32, 0xc3, 0x15, 0x84, 0xf1, 0x6d, 0xbb, 0xbc, 0x2e, 0x04, 0x0c, 0x88, 0x3d, 0x4d, 0xb9, 0xce, 0x08, 0x84, 0x9f, 0x6e, 0xf0, 0xfa, 0x77, 0xfe, 0x7f, 0x26, 0xa5, 0x94, 0x65, 0x77, 0xc8, 0x45, 0x86, 0xb7, 0x6e, 0x7d, 0x7f, 0x6d, 0x05, 0x7c, 0xbe, 0x7f, 0x24, 0x83, 0x6b, 0xff, 0x1a, 0x72, 0xc8, 0xf3, 0xa2, 0xcc, 0x73, 0x2c, 0xb3, 0x12, 0x1f, 0x38, 0xa7, 0x05, 0xe5, 0xcb, 0xee, 0x07, 0xb4, 0x03, 0x0f, 0xce, 0x95, 0x01, 0x00, 0x00]
        let data = try Self.load(gz)
        #expect(data.report.skipped.allSatisfy { !$0.reason.contains("passed over") })
        #expect(data.report.skippedCount >= 1)
    }
}
