import Testing

@testable import Investigate

/// An untag of a cluster retracts the member tags its tag made, not a member's own tag made
/// apart from it (`CaseReplay.accountsTagged`).
@Suite struct ClusterUntagProvenanceTests {
    @Test func onlyTheTagsTheClusterEntryMadeAreItsOwn() throws {
        let store = try CaseStore(path: casesTempDir() + "/cases.sqlite", clock: SteppingClock(), user: "tester")
        let c = try store.createCase(title: "ring")
        try store.tag(caseID: c.id, label: "ring-member", kind: .account, targets: exact("own"))
        try store.tagCluster(caseID: c.id, label: "ring-member", cluster: "c1", members: exact("own", "m1", "m2"))
        try store.tagCluster(caseID: c.id, label: "ring-member", cluster: "c2", members: exact("m2", "m3"))
        try store.tag(caseID: c.id, label: "benign", kind: .account, targets: exact("m1"))
        func made(_ cluster: String, _ label: String = "ring-member") throws -> Set<ExactText> {
            try CaseReplay.accountsTagged(
                with: ExactText(cluster), label: label, entries: store.snapshot(caseID: c.id).audit, caseID: c.id)
        }
        #expect(try made("c1") == Set(exact("m1", "m2")))
        #expect(try made("c2") == Set(exact("m3")))
        #expect(try made("c1", "benign").isEmpty)
        // Retracted, then tagged again on its own: no longer the cluster's.
        _ = try store.retractTags(caseID: c.id, label: "ring-member", targets: [(.account, ExactText("m1"))], reason: "")
        try store.tag(caseID: c.id, label: "ring-member", kind: .account, targets: exact("m1"))
        #expect(try made("c1") == Set(exact("m2")))
    }
}
