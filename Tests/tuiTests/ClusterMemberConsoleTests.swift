import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// The console records every tagged cluster's exact members with the write, and shows a cluster
/// tag as holding only where the loaded source's cluster of its id has those members (the rest
/// are listed apart on the case sheet, after another source's).
@Suite struct ClusterMemberConsoleTests {
    @Test func aWriteTaggingAClusterRecordsItsMembers() throws {
        let model = FixtureModel()
        let members = try #require(model.clusterMembers(1))
        #expect(members.count == 2)
        let write = ClusterMemberContext.attach(.tag(label: "ring", keys: [MarkKey.cluster(1)]), model: model)
        guard case .tagChosen(let label, let keys, let context) = write else { Issue.record("\(write)"); return }
        #expect(label == "ring" && keys == [MarkKey.cluster(1)])
        #expect(context[ClusterMembers.key(cluster: "c1")] == members.recorded)
        // A write tagging no cluster is as it was.
        let plain = CaseWrite.tag(label: "ring", keys: [MarkKey.account(ExactText("a1"))])
        #expect(ClusterMemberContext.attach(plain, model: model) == plain)
    }

    @Test func aClusterTagShowsAsHoldingOnlyOnItsMembers() throws {
        let root = TestScratch.root + "inv-members-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        try "account_id,created_at\na1,2026-01-01\n".write(toFile: root + "/a/accounts.csv", atomically: true, encoding: .utf8)
        try "{\"account_id\":\"a1\",\"ts\":\"2026-01-01T00:00:00Z\"}\n".write(
            toFile: root + "/a/queries.jsonl", atomically: true, encoding: .utf8)
        let source = CaseSource(files: try SourceFiles(directory: root + "/a"))
        let store = try CaseStore(path: root + "/cases.sqlite", patience: 5)
        let backend = StoreCaseBackend(store: store, defaultTitle: "console a", source: source)
        let tagged = ClusterMembers(ids: [ExactText("a1"), ExactText("a2")])
        let write = CaseWrite.tagChosen(label: "benign", keys: [MarkKey.cluster(1)],
                                        context: ClusterTagSources.membersContext(["c1": tagged]))
        // Not loaded yet: no member can be checked, so the tag is not shown on c1, nor listed
        // apart as moved (it has not moved: it is not known yet).
        let unloaded = try backend.apply(write)
        #expect(unloaded.tags[MarkKey.cluster(1)] == nil)
        #expect(unloaded.otherMembersTags.isEmpty && unloaded.otherSourceTags.isEmpty, "\(unloaded)")
        #expect(!CaseTable.build(unloaded).rows.contains { $0[1].contains("other members") })
        backend.useClusterMembers { $0 == 1 ? tagged : nil }
        #expect(try backend.current()?.tags[MarkKey.cluster(1)] == ["benign"])
        // The same source's c1 now names other accounts: listed apart.
        backend.useClusterMembers { $0 == 1 ? ClusterMembers(ids: [ExactText("a1"), ExactText("a3")]) : nil }
        let moved = try #require(try backend.current())
        #expect(moved.tags[MarkKey.cluster(1)] == nil)
        #expect(moved.otherMembersTags[MarkKey.cluster(1)] == ["benign"] && moved.otherSourceTags.isEmpty)
        let rows = CaseTable.build(moved).rows
        #expect(rows.contains { $0[1] == "c1 (cluster now of other members)" && $0[2] == "benign" }, "\(rows)")
    }

    /// The whole path: loaded, `t` on triage's top cluster row writes its members, and the case
    /// read back shows the cluster tagged.
    @Test func theConsolesTagOnAClusterRowHoldsOnceLoaded() throws {
        let root = TestScratch.root + "inv-members-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        try "account_id,created_at\na1,2026-01-01\n".write(toFile: root + "/a/accounts.csv", atomically: true, encoding: .utf8)
        try "{\"account_id\":\"a1\",\"ts\":\"2026-01-01T00:00:00Z\"}\n".write(
            toFile: root + "/a/queries.jsonl", atomically: true, encoding: .utf8)
        let source = CaseSource(files: try SourceFiles(directory: root + "/a"))
        let store = try CaseStore(path: root + "/cases.sqlite", patience: 5)
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: AppState())
        runner.caseBackend = StoreCaseBackend(store: store, defaultTitle: "console a", source: source)
        let model = FixtureModel()
        runner.dispatch(.loaded(ConsoleData(model: model)))
        runner.settle()
        for key in [Key.char("t"), .char("r"), .char("i"), .char("n"), .char("g"), .enter] { runner.handle(key) }
        runner.settle()
        #expect(runner.state.caseState.tags[MarkKey.cluster(1)] == ["ring"], "\(runner.state.caseState)")
        let entry = try #require(try store.auditEntries(caseID: "case-0001").last { $0.action == "tag.add" })
        let members = try #require(model.clusterMembers(1))
        #expect(entry.detail[ClusterMembers.key(cluster: "c1")]?.stringValue == members.recorded)
    }
}
