import Foundation
import Testing
@testable import Investigate

/// The export reads each query row again and checked only its time and account: a same-size
/// edit in the middle of a file that changed a row's IP (API key, ASN, client, model, category,
/// token counts) was exported as the new value while the risk was computed on the old one. The
/// re-read row's identifying values are now compared with those loaded, read as the loader
/// reads them, and a row that differs is "changed since load": the export refuses.
@Suite struct RowIdentityRereadTests {
    static let accounts = "account_id,created_at,email\nacct_a,2026-01-01T00:00:00Z,a@x.com\nacct_b,2026-01-01T00:00:00Z,b@x.com\n"

    static func jsonRow(_ minute: Int, _ account: String, ip: String = "203.0.113.7", asn: String = "AS16509") -> String {
        #"{"ts":"2026-05-01T00:0\#(minute):00Z","account_id":"\#(account)","api_key":"sk-1","ip":"\#(ip)","asn":"\#(asn)","user_agent":"ua/1","model":"m-1","category":"code","input_tokens":12,"output_tokens":345,"prompt":"p\#(minute)"}"#
    }

    static let jsonl = [jsonRow(0, "acct_a"), jsonRow(1, "acct_b"), jsonRow(2, "acct_a", asn: "16509 "), jsonRow(3, "acct_a")]
        .joined(separator: "\n") + "\n"
    static let csv = "ts,account_id,api_key,ip,asn,user_agent,model,category,input_tokens,output_tokens,prompt\n"
        + "2026-05-01T00:00:00Z,acct_a,sk-1,203.0.113.7,AS16509,ua/1,m-1,code,12,345,p0\n"
        + "2026-05-01T00:01:00Z,acct_a,sk-1,203.0.113.7,as16509,ua/1,m-1,code,12,345,p1\n"
        + "2026-05-01T00:02:00Z,acct_a,sk-1,203.0.113.7,AS16509,ua/1,m-1,,012,345,p2\n"

    /// A loaded source holding `queries` as `name`, a case tagging `acct_a`, and the bundle path.
    static func loadedCase(_ name: String, _ queries: String) throws -> (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String) {
        try StaleSourceExportTests.loadedCase(["accounts.csv": accounts, name: queries])
    }

    /// Replaces the first `old` in the file by `new` (same length) and puts its time back.
    static func edit(_ path: String, _ old: String, _ new: String) throws {
        #expect(old.utf8.count == new.utf8.count)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: old))
        try text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == attributes[.size] as? Int)
    }

    static func exportError(_ c: (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String)) -> BundleError? {
        do {
            try StaleSourceExportTests.export(c)
            return nil
        } catch {
            return error as? BundleError
        }
    }

    @Test(arguments: ["queries.jsonl", "queries.csv"])
    func anUnchangedSourceExports(name: String) throws {
        let c = try Self.loadedCase(name, name.hasSuffix("csv") ? Self.csv : Self.jsonl)
        #expect(Self.exportError(c) == nil)
        #expect(FileManager.default.fileExists(atPath: c.out))
    }

    /// Each identifying value changed in place, at the same length, in a JSON and a CSV file.
    @Test(arguments: [
        ("203.0.113.7", "203.0.113.8"), ("sk-1", "sk-2"), ("ua/1", "ua/2"), ("m-1", "m-2"), ("code", "chat"),
        ("AS16509", "AS16510"), ("345", "346"), ("12", "13"),
    ])
    func aChangedValueStopsTheExport(old: String, new: String) throws {
        for (name, text) in [("queries.jsonl", Self.jsonl), ("queries.csv", Self.csv)] {
            let c = try Self.loadedCase(name, text)
            try Self.edit(c.source.directory + "/" + name, old, new)
            let error = try #require(Self.exportError(c), "\(name): \(old) -> \(new)")
            #expect(error.message.hasPrefix("the source changed since it was loaded: 1 row of \(name) could not be read again"), "\(error.message)")
            #expect(!FileManager.default.fileExists(atPath: c.out))
        }
    }

    /// Spellings the loader reads as the same value are the same row: padding moved within the
    /// value, an ASN's other spelling, a count's leading zero.
    @Test func aRespellingTheLoaderReadsAlikeStillExports() throws {
        let json = try Self.loadedCase("queries.jsonl", Self.jsonl)
        try Self.edit(json.source.directory + "/queries.jsonl", #""asn":"16509 ""#, #""asn":" 16509""#)
        #expect(Self.exportError(json) == nil)
        let csv = try Self.loadedCase("queries.csv", Self.csv)
        try Self.edit(csv.source.directory + "/queries.csv", "as16509", "AS16509")
        try Self.edit(csv.source.directory + "/queries.csv", ",012,", ",12 ,")
        #expect(Self.exportError(csv) == nil)
    }

    /// A column the row held that is now empty, and one it lacked that now has a value.
    @Test func aValueEmptiedOrAddedStopsTheExport() throws {
        let c = try Self.loadedCase("queries.csv", Self.csv)
        try Self.edit(c.source.directory + "/queries.csv", ",code,12,345,p0", ",    ,12,345,p0")
        #expect(Self.exportError(c) != nil)
        let d = try Self.loadedCase("queries.csv", Self.csv)
        try Self.edit(d.source.directory + "/queries.csv", ",,012,", ",x,12,")
        #expect(Self.exportError(d) != nil)
    }
}
