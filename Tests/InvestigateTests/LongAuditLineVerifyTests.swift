import Foundation
import Testing
@testable import Investigate

/// A trial (session 35) exported honest cases that `verify` refused: one tag entry of
/// `audit.jsonl` lists every account it tags, so 20 accounts with 60,000-byte ids (the loader
/// keeps ids up to 65,536 bytes) made a line over the verifier's fixed 1 MiB line limit. Whatever
/// the exporter writes, verify accepts: a line is bounded by the file's size in the signed manifest.
/// The same held for a `queries.jsonl` row whose `ts` the loader trims of a megabyte of spaces.
@Suite struct LongAuditLineVerifyTests {
    @Test func honestLinesAndValuesOverOneMiBVerify() throws {
        let dir = casesTempDir()
        let src = dir + "/src"
        try FileManager.default.createDirectory(atPath: src, withIntermediateDirectories: true)
        var accounts = "account_id,created_at,country\n"
        var queries = ""
        var ids: [ExactText] = []
        for i in 0..<32 {
            let id = i < 20 ? "acct_\(i)_" + String(repeating: "L", count: 60_000) : "acct_\(i)"
            if i < 20 { ids.append(ExactText(id)) }
            accounts += "\(id),2025-01-0\(1 + i % 9)T10:00:00Z,us\n"
            // One row of a tagged account carries a 3 MiB prompt: queries.jsonl streams it past.
            let prompt = i == 0 ? String(repeating: "p", count: 3 << 20) : "hello \(i)"
            // Another's time is padded with 1.2 MB of spaces, which the loader trims.
            let pad = i == 1 ? String(repeating: " ", count: 1_200_000) : ""
            queries += "{\"ts\":\"2025-10-01T10:\(10 + i):00Z\(pad)\",\"account_id\":\"\(id)\",\"prompt\":\"\(prompt)\"}\n"
        }
        try accounts.write(toFile: src + "/accounts.csv", atomically: true, encoding: .utf8)
        try queries.write(toFile: src + "/queries.jsonl", atomically: true, encoding: .utf8)
        let investigation = try Investigation.open(src)
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let caseID = try store.createCase(title: "long ids").id
        try store.tag(caseID: caseID, label: "ring-member", kind: .account, targets: ids)
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        _ = try CaseExporter(store: store, signingKey: key, redactor: nil)
            .export(caseID: caseID, investigation: investigation, to: dir + "/b.zip")
        let files = try BundleVerifier.read(dir + "/b.zip")
        let longest = files["audit.jsonl"]!.split(separator: 0x0A).map(\.count).max() ?? 0
        #expect(longest > 1 << 20)
        #expect(files["queries.jsonl"]!.count > 4 << 20)
        let report = try BundleVerifier.verify(path: dir + "/b.zip", trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains { $0.hasPrefix("audit.jsonl: hash chain of") })
    }

    /// The chain still refuses content past the file's listed size (the digest stops it first).
    @Test func lineLimitIsTheListedFileSize() {
        var chain = StreamedAuditChain(caseID: nil, maxLineBytes: 10)
        chain.add(Data(repeating: 0x41, count: 11))
        #expect(chain.finish() == "line 1 is longer than the file's 10 bytes in the manifest")
    }
}
