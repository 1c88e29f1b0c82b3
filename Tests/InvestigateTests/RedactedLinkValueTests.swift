import Foundation
import Testing
@testable import Investigate

/// A redacted bundle names a shared payment fingerprint by the same pseudonym in `edges.csv` as
/// in `accounts.csv`, even when its bytes are not valid UTF-8: the links took the pseudonym of
/// the value's lossy text (two different invalid fingerprints got one pseudonym, and not the one
/// `accounts.csv` gives), so `verify` refused the exporter's own bundle.
@Suite struct RedactedLinkValueTests {
    @Test func aNonUTF8PaymentSharedByTwoCaseAccountsHasOnePseudonymEverywhere() throws {
        let source = try TempSource([
            "queries.jsonl": "{\"ts\":1767225600000,\"account_id\":\"p1\",\"prompt\":\"hi\"}\n"
                + "{\"ts\":1767225600000,\"account_id\":\"p2\",\"prompt\":\"hi\"}\n"
        ])
        try source.write(
            "accounts.csv",
            bytes: Array("account_id,email,payment_fingerprint\np1,a@x.org,card-".utf8) + [0xFF] + Array("\np2,b@y.org,card-".utf8) + [0xFF]
                + Array("\np3,c@z.org,card-".utf8) + [0xFE] + Array("\n".utf8))
        let inv = try Investigation.open(source.directory)
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "cards").id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: ["p1", "p2", "p3"].map { ExactText($0) })
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        let redactor = Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/cfg/pseudonym.key"))
        _ = try CaseExporter(store: store, signingKey: key, redactor: redactor).export(caseID: id, investigation: inv, to: dir + "/red")
        let files = try BundleVerifier.read(dir + "/red")
        let accounts = try BundleCSVRows(files["accounts.csv"]!, header: AccountsCSVFile.header, file: "a").rows
        let edges = try BundleCSVRows(files["edges.csv"]!, header: GraphFiles.edgesHeader, file: "e").rows
        let card = try #require(accounts.first { $0[0] == "p1" }?[10])
        #expect(card.hasPrefix("payment-"))
        #expect(accounts.first { $0[0] == "p3" }?[10] != card)
        #expect(edges.filter { $0[2] == "payment" }.map { [$0[0], $0[3]] } == [["p1", card], ["p2", card]])
        let report = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(report.ok, "\(report.problems)")
    }
}
