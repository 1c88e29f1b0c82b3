import Foundation
import Testing

@testable import Investigate
import TestScratch

/// Small things a hostile case source can do: a lone surrogate escape, a link to the folder
/// itself, a link loop, a hard link to a data file.
@Suite(.timeLimit(.minutes(1))) struct UntrustedSourceDetailTests {
    @Test func loneSurrogatesStayDistinctBytes() throws {
        let agents = [#"\ud800"#, #"\udc00"#, #"x\ud800\ud800y"#, #"\ud83d\ude00"#, #"\udfff\ud800"#]
        let rows = agents.enumerated().map { #"{"ts":"2026-03-01T00:00:0\#($0)Z","account_id":"a1","user_agent":"\#($1)"}"# }
        let source = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": rows.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.queries.count == agents.count && data.report.skippedCount == 0)
        let pool = data.pools.userAgents
        let values = (0..<Int32(pool.count)).map { pool.bytes($0) }
        #expect(values == [
            [0xED, 0xA0, 0x80], [0xED, 0xB0, 0x80], [0x78, 0xED, 0xA0, 0x80, 0xED, 0xA0, 0x80, 0x79], [0xF0, 0x9F, 0x98, 0x80],
            [0xED, 0xBF, 0xBF, 0xED, 0xA0, 0x80],
        ])
        // Not valid UTF-8: shown as escapes, exported as base64, read back exactly.
        let lone = ExactText(bytes: values[0])
        #expect(lone.display != ExactText(bytes: values[1]).display)
        #expect(!lone.display.contains("\u{FFFD}") && lone.display.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ExactText(json: lone.jsonValue) == lone)
    }

    static func refusals(_ link: (String) throws -> Void) throws -> [String] {
        let source = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": #"{"ts":1,"account_id":"a1"}"# + "\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try link(source.directory)
        return try source.load().report.skipped.map(\.description) + (try source.load().report.warnings.map(\.description))
    }

    @Test func linksAreCalledWhatTheyAre() throws {
        let files = FileManager.default
        #expect(try Self.refusals { try files.createSymbolicLink(atPath: $0 + "/queries", withDestinationPath: ".") } == [
            "queries/:1: symbolic link to the case source folder itself, not a file or folder in it; not followed"
        ])
        #expect(try Self.refusals { try files.createSymbolicLink(atPath: $0 + "/links.csv", withDestinationPath: "links.csv") } == [
            "links.csv:1: a symbolic link loop; not followed"
        ])
        #expect(try Self.refusals {
            try files.createSymbolicLink(atPath: $0 + "/payments.csv", withDestinationPath: "b")
            try files.createSymbolicLink(atPath: $0 + "/b", withDestinationPath: "payments.csv")
        } == ["payments.csv:1: a symbolic link loop; not followed"])
        #expect(try Self.refusals { try files.createSymbolicLink(atPath: $0 + "/links.csv", withDestinationPath: "gone.csv") } == [
            "links.csv:1: symbolic link to nothing; not followed"
        ])
    }

    @Test func aHardLinkedDataFileIsReadWithAWarning() throws {
        let outside = TestScratch.root + "outside-" + UUID().uuidString + ".jsonl"
        try Data((#"{"ts":2,"account_id":"a1"}"# + "\n").utf8).write(to: URL(fileURLWithPath: outside))
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let source = try TempSource(["accounts.csv": "account_id\na1\n"])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        try FileManager.default.linkItem(atPath: outside, toPath: source.directory + "/queries.jsonl")
        let data = try source.load()
        #expect(data.queries.count == 1)
        #expect(data.report.warnings.map(\.description) == [
            "queries.jsonl:1: has 2 hard links: the same file has another name, perhaps outside the case source folder; "
                + "read, but check that it belongs to this case"
        ])
    }
}
