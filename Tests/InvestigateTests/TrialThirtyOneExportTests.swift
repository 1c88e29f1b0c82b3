import Crypto
import Foundation
import Testing
@testable import Investigate

/// Session 31's trial, the export: a mistyped id tagged into a confirmed case was proposed for a
/// ban it could not be shown to deserve (`risk 0.00; not in the exported source`), warned of as
/// `1 tagged accounts`, and a member untagged on purpose was urged back into the bundle.
@Suite struct TrialThirtyOneExportTests {
    static func store(_ dir: String) throws -> CaseStore {
        try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
    }

    @Test func anAccountNotInTheSourceIsNeverProposedForABan() {
        let ring = AccountsCSVFile.proposalNotInSource(labels: ["ring-member"], status: .confirmed)
        #expect(ring.0 == "review")
        #expect(ring.1 == "tags ring-member; case confirmed; held back from ban until reviewed against the source that holds "
            + "the account; not in the exported source")
        #expect(AccountsCSVFile.proposalNotInSource(labels: ["escalated"], status: .open).0 == "review")
        #expect(AccountsCSVFile.proposalNotInSource(labels: ["benign"], status: .confirmed).0 == "none")
        #expect(AccountsCSVFile.proposalNotInSource(labels: ["decoy"], status: .confirmed).0 == "monitor")
        #expect(AccountsCSVFile.proposalNotInSource(labels: ["ring-member"], status: .confirmed).1.hasSuffix(AccountsCSVFile.notInSourceReason))
    }

    @Test func theBundleProposesReviewForAMistypedIdAndVerifies() throws {
        let dir = casesTempDir()
        _ = try SyntheticSource(accounts: 120, seed: 5).write(to: dir + "/src")
        let inv = try Investigation.open(dir + "/src")
        let store = try Self.store(dir)
        let id = try store.createCase(title: "typo", source: CaseSource(files: inv.data.files)).id
        try store.setStatus(caseID: id, .confirmed)
        let real = inv.data.accountExactID(0)
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [real, ExactText("acct_TYPO2")])
        let input = BundleInput(snapshot: try store.snapshot(caseID: id), investigation: inv, investigator: "analyst", redactor: nil)
        let key = try BundleKeys.signingKey(path: dir + "/k")
        let rendered = try BundleWriter(signingKey: key).render(input)
        let enforcement = String(decoding: try #require(rendered.files.first { $0.path == "enforcement.csv" }).bytes, as: UTF8.self)
        let typo = try #require(enforcement.components(separatedBy: "\r\n").first { $0.hasPrefix("acct_TYPO2,") }, "\(enforcement)")
        #expect(typo.contains(",review,"), "\(typo)")
        #expect(!typo.contains("risk 0.00"))
        #expect(rendered.warnings.contains {
            $0.hasPrefix("1 tagged account is not in this source (acct_TYPO2): the bundle holds only its tags")
        }, "\(rendered.warnings)")
        // The verifier holds the bundle to the same rule.
        let files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.bytes) })
        let report = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func aMemberUntaggedOnPurposeIsNotUrgedBackIn() throws {
        let dir = casesTempDir()
        _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
        let inv = try Investigation.open(dir + "/src")
        let store = try Self.store(dir)
        let made = CaseSource(files: inv.data.files)
        let id = try store.createCase(title: "untagged member", source: made).id
        let top = try #require(inv.clusters.first { $0.size >= 3 })
        let members = top.members.map { inv.data.accountExactID(Int($0)) }
        try store.tagCluster(
            caseID: id, label: "ring-member", cluster: top.id, members: members,
            context: ClusterTagSources.context(madeOn: made, via: "console"))
        try store.untag(caseID: id, label: "ring-member", kind: .account, targets: [members[0]], reason: "not one of them")
        let input = BundleInput(snapshot: try store.snapshot(caseID: id), investigation: inv, investigator: "analyst", redactor: nil)
        #expect(!input.accountSet.contains(top.members[0]), "the untagged member is out of the case")
        #expect(input.taggedClustersLeavingMembersOut.isEmpty, "left out on purpose: nothing to bring in")
        let warnings = try BundleWriter(signingKey: try BundleKeys.signingKey(path: dir + "/k")).render(input).warnings
        #expect(!warnings.contains { $0.contains("tagged clusters") }, "\(warnings)")
    }
}
