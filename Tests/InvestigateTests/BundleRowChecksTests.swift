import Foundation
import Testing
@testable import Investigate

/// `verify` reads every `queries.jsonl` row whole as it streams past: a trial re-signed (with a
/// key the verifier trusts) rows whose `ts_utc` no longer matched their `ts`, and rows whose
/// nested `extra` object gave a member twice, and both verified.
@Suite struct BundleRowChecksTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The problems `StreamedQueryAccounts` finds in `text`, read in chunks of `chunk` bytes, the
    /// case accounts being `a` and `b`.
    static func problems(_ text: String, chunk: Int = 7) -> [String] {
        var check = StreamedQueryAccounts(accounts: [ExactText("a"), ExactText("b")])
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            check.add(bytes[start..<min(start + chunk, bytes.count)])
            start += chunk
        }
        check.finish()
        return check.problems
    }

    @Test func aTimeAndTheInstantItReadsAsAreHeldToEachOther() {
        let utc = { (ts: String, tsUTC: String) in BundleRowTime.problem(ts: [Array(ts.utf8)], tsUTC: [Array(tsUTC.utf8)]) }
        #expect(utc(#""2025-01-01T02:00:00+02:00""#, #""2025-01-01T00:00:00Z""#) == nil)
        #expect(utc("1735689600", #""2025-01-01T00:00:00Z""#) == nil)
        #expect(utc("1735689600123", #""2025-01-01T00:00:00.123Z""#) == nil)
        #expect(utc(#"" 2025-01-01 00:00:00 ""#, #""2025-01-01T00:00:00Z""#) == nil)
        // Moved by a day in ts_utc only, or ts_utc not a string: named, with what ts reads as.
        let moved = utc(#""2025-01-01T02:00:00+02:00""#, #""2025-01-02T00:00:00Z""#)
        #expect(moved == #"has ts_utc "2025-01-02T00:00:00Z", but its ts "2025-01-01T02:00:00+02:00" reads as 2025-01-01T00:00:00Z"#)
        #expect(utc("1735689600", "1735689600") != nil)
        // A row the exporter could not read again holds ts alone, in the UTC form.
        #expect(BundleRowTime.problem(ts: [Array(#""2025-01-01T00:00:00Z""#.utf8)], tsUTC: []) == nil)
        #expect(BundleRowTime.problem(ts: [], tsUTC: []) == "has no ts")
        #expect(BundleRowTime.problem(ts: [Array(#""soon""#.utf8)], tsUTC: [])?.hasSuffix("does not read as a time") == true)
    }

    @Test func aNameGivenTwiceInANestedObjectIsNamedWithWhereItIs() {
        let base = #"{"account_id":"a","ts":"2025-01-01T00:00:00Z","extra":"#
        #expect(Self.problems(base + #"{"x":1,"y":{"x":2},"z":[{"x":3},{"x":4}]}}"# + "\n").isEmpty)
        let twice = Self.problems(base + #"{"x":1,"\u0078":2}}"# + "\n")
        #expect(twice == ["queries.jsonl: row 1 gives member x twice inside extra (readers disagree on which one holds)"])
        let deep = Self.problems(base + #"{"y":[{"k":1,"k":2}]}}"# + "\n")
        #expect(deep.first?.contains("gives member k twice inside extra") == true, "\(deep)")
        // The same name at the top level and inside: two objects, no problem.
        #expect(Self.problems(#"{"account_id":"a","ts":"2025-01-01T00:00:00Z","extra":{"account_id":"b"}}"# + "\n").isEmpty)
    }

    @Test func longNamesAreToldApartPastTheBytesKept() {
        let long = String(repeating: "n", count: StreamedQueryAccounts.maxIDBytes + 10)
        let row = { (first: String, second: String) in
            #"{"account_id":"a","ts":"2025-01-01T00:00:00Z","extra":{""# + first + #"":1,""# + second + #"":2}}"# + "\n"
        }
        #expect(Self.problems(row(long + "1", long + "2"), chunk: 1 << 16).isEmpty)
        #expect(Self.problems(row(long + "1", long + "1"), chunk: 1 << 16).first?.contains("twice inside extra") == true)
    }

    @Test func anythingAfterTheRowsObjectIsRefused() {
        let row = #"{"account_id":"a","ts":"2025-01-01T00:00:00Z"}"#
        #expect(Self.problems(row + "  \n").isEmpty)
        for tail in [#" {"x":1}"#, #" "x""#, " ,", " :", " 1"] {
            #expect(Self.problems(row + tail + "\n") == ["queries.jsonl: row 1 is not one JSON object"], "\(tail)")
        }
    }

    @Test func aRowWhoseTimeWasMovedInTheBundleIsRefused() throws {
        let s = try Setup()
        let text = String(decoding: s.f.files["queries.jsonl"]!, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").map(String.init).first { $0.contains("\"ts_utc\":") })
        let utc = try #require(try JSONValue.parse(line)["ts_utc"]?.stringValue)
        let millis = try #require(Timestamp.parseMillis(utc))
        let moved = line.replacingOccurrences(
            of: "\"ts_utc\":\"\(utc)\"", with: "\"ts_utc\":\"\(Timestamp.format(millis: millis + 86_400_000))\"")
        let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: line, with: moved) }
        #expect(!report.ok)
        #expect(report.problems.contains { $0.hasPrefix("queries.jsonl: row ") && $0.contains("has ts_utc ") }, "\(report.problems)")
    }

    @Test func aNestedExtraGivingAMemberTwiceIsRefusedInTheBundle() throws {
        let s = try Setup()
        let text = String(decoding: s.f.files["queries.jsonl"]!, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(line.hasSuffix("}"))
        let edited =
            line.contains(#""extra":{"#)
            ? line.replacingOccurrences(of: #""extra":{"#, with: #""extra":{"request_id":"forged","request_id":"real","#)
            : String(line.dropLast()) + #","extra":{"request_id":"forged","request_id":"real"}}"#
        let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: line, with: edited) }
        #expect(
            report.problems.contains { $0.hasPrefix("queries.jsonl: row 1 gives member request_id twice inside extra") },
            "\(report.problems)")
    }
}
