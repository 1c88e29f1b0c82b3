import Crypto
import Foundation
import Testing
@testable import Investigate

/// Session 31's trial, the case store's side of `case tag`/`case untag`: which ids a source lacks
/// (read from its accounts files alone), and which targets an untag retracted.
@Suite struct TrialThirtyOneCaseTests {
    static func store(_ dir: String) throws -> CaseStore {
        try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
    }

    /// One query row of an account (a source needs its queries).
    static func row(_ id: String) -> String { "{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"\(id)\",\"prompt\":\"hi\"}\n" }

    @Test func theAccountsFilesTellWhichIdsASourceLacks() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\nacct_a\n  acct_padded \nacct_\u{1B}[2J\n",
            "queries.jsonl": Self.row("acct_a"),
        ])
        let files = try SourceFiles(directory: source.directory)
        let given = [ExactText("acct_a"), ExactText("acct_TYPO2"), ExactText("acct_padded"), ExactText("acct_\u{1B}[2J"),
                     ExactText("acct_\\x1b[2J"), ExactText("acct_TYPO2")]
        // Exact bytes as the loader reads them (`  acct_padded ` is not `acct_padded`); an escaped
        // look-alike is not the id; each absent id once.
        #expect(
            try SourceAccountIDs.absent(given, from: files)
                == [ExactText("acct_TYPO2"), ExactText("acct_padded"), ExactText("acct_\\x1b[2J")])
        #expect(try SourceAccountIDs.absent([ExactText("acct_a")], from: files).isEmpty)
    }

    @Test func anUntagNamesWhatItRetracted() throws {
        let dir = casesTempDir()
        let store = try Self.store(dir)
        let id = try store.createCase(title: "untag").id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("a", "b"))
        let retracted = try store.retractTags(
            caseID: id, label: "ring-member", targets: [(.account, ExactText("a")), (.account, ExactText("acct_TYPO"))], reason: "r1")
        #expect(retracted.map(\.1) == [ExactText("a")])
        #expect(retracted.map(\.0) == [.account])
    }
}
