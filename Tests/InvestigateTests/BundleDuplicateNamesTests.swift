import Foundation
import Testing
@testable import Investigate

/// A trial re-signed (with a key the verifier trusts) a manifest that gave `title` and
/// `case_id` twice, the forged values first: readers that keep the first value (or `grep`)
/// saw another case, and `verify` passed. A `queries.jsonl` row giving `prompt` twice passed too.
@Suite struct BundleDuplicateNamesTests {
    typealias Setup = BundleCrossCheckTests.Setup

    @Test func theParserRefusesAMemberNameGivenTwice() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a":1,"a":2}"#) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"x":{"a":1,"\u0061":2}}"#) }
        #expect((try? JSONValue.parse(#"{"a":1,"b":{"a":2}}"#)) != nil)
    }

    @Test func aManifestGivingTheTitleTwiceIsRefused() throws {
        let s = try Setup()
        var files = s.f.files
        let text = String(decoding: files["manifest.json"]!, as: UTF8.self)
        #expect(text.hasPrefix("{"))
        let forged = "{\"title\":\"Totally different case\"," + text.dropFirst()
        files["manifest.json"] = Array(forged.utf8)
        files["manifest.sig"] = try BundleManifest.signature(of: files["manifest.json"]!, key: s.key)
        let report = try s.f.verify(TestZip(files: files))
        #expect(!report.ok)
        #expect(report.problems.contains { $0.hasPrefix("manifest.json: not valid JSON") && $0.contains("given twice") }, "\(report.problems)")
    }

    @Test func aQueriesRowGivingAMemberTwiceIsRefused() throws {
        let s = try Setup()
        let text = String(decoding: s.f.files["queries.jsonl"]!, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first.map(String.init))
        for twice in [#"{"prompt":"planted","#, #"{"pr\u006fmpt":"planted","#] {
            let edited = twice + line.dropFirst()
            let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: line, with: edited) }
            #expect(
                report.problems.contains { $0.hasPrefix("queries.jsonl: row 1 gives member prompt twice") }, "\(report.problems)")
        }
    }
}
