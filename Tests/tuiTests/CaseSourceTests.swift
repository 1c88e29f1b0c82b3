import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Fourth pass, finding 1: a case keeps the source it was opened on. The console never opens
/// another source's case unasked, says so when one is opened, keeps its cluster tags apart, and
/// asks before the first write into it.
@Suite struct CaseSourceTests {
    /// A temporary folder with a source (`accounts.csv`, `queries.jsonl`) of the given content.
    final class Sources {
        let root = TestScratch.root + "inv-source-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func make(_ name: String, accounts: String) throws -> CaseSource {
            let folder = root + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ("account_id,created_at\n" + accounts).write(toFile: folder + "/accounts.csv", atomically: true, encoding: .utf8)
            try "{\"account_id\":\"a\",\"ts\":\"2026-01-01T00:00:00Z\"}\n".write(
                toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
            return CaseSource(files: try SourceFiles(directory: folder))
        }

        func store() throws -> CaseStore { try CaseStore(path: root + "/cases.sqlite", patience: 5) }
    }

    @Test func theSameFilesAreTheSameSourceWhereverTheyAre() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let copy = try sources.make("copy", accounts: "a1,2026-01-01\n")
        let b = try sources.make("b", accounts: "b1,2026-01-01\n")
        #expect(a.match(copy) == .same)
        #expect(a.match(b) == .other)
        let refreshed = try sources.make("a", accounts: "a1,2026-01-01\na2,2026-01-02\n")
        #expect(a.match(refreshed) == .changed, "the same folder holding other files")
        #expect(CaseSource(json: a.jsonValue) == a)
        #expect(a.path.hasSuffix("/a") && a.path.hasPrefix("/"))
        #expect(a.files == 2)
    }

    @Test func aFifoInTheSourceIsNeverOpened() throws {
        let sources = try Sources()
        let folder = sources.root + "/fifo"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "account_id\na1\n".write(toFile: folder + "/accounts.csv", atomically: true, encoding: .utf8)
        #expect(mkfifo(folder + "/queries.jsonl", 0o600) == 0)
        // Opening a FIFO for reading would block until a writer comes: this returns at once.
        if let files = try? SourceFiles(directory: folder) { _ = CaseSource(files: files) }
    }

    @Test func aNewCaseKeepsItsSourceInItsFirstAuditEntry() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let store = try sources.store()
        let made = try store.createCase(title: "ring", source: a)
        let snapshot = try store.snapshot(caseID: made.id)
        #expect(snapshot.source == a)
        #expect(try store.verify(caseID: made.id).isValid, "the chain with the source verifies")
        #expect(try store.snapshot(caseID: store.createCase(title: "cli").id).source == nil)
    }

    @Test func theConsoleOpensTheNewestCaseOfItsOwnSourceNeverAnothers() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let b = try sources.make("b", accounts: "b1,2026-01-01\n")
        let store = try sources.store()
        _ = try store.createCase(title: "on a", source: a)
        _ = try store.createCase(title: "on b (newest)", source: b)
        #expect(try StoreCaseBackend(store: store, defaultTitle: "x", source: a).current()?.id == "case-0001")
        #expect(try StoreCaseBackend(store: store, defaultTitle: "x", source: b).current()?.id == "case-0002")
        let c = try sources.make("c", accounts: "c1,2026-01-01\n")
        let onC = StoreCaseBackend(store: store, defaultTitle: "console c", source: c)
        #expect(try onC.current() == nil, "no case of this source: none is opened")
        let written = try onC.apply(.note("first"))
        #expect(written.id == "case-0003" && written.title == "console c" && written.source == .same)
        #expect(try store.snapshot(caseID: "case-0003").source == c, "the case it made is bound to its source")
    }

    @Test func aCaseOfAnotherSourceSaysSoAndKeepsItsClusterTagsApart() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let b = try sources.make("b", accounts: "b1,2026-01-01\n")
        let store = try sources.store()
        let onB = StoreCaseBackend(store: store, defaultTitle: "console b", source: b)
        // Each source's c1, as its loaded model gives it (a cluster tag holds only on the members it was made on).
        onB.useClusterMembers { $0 == 1 ? ClusterMembers(ids: [ExactText("b1")]) : nil }
        _ = try onB.apply(.tagCluster(label: "ring", cluster: "c1", members: [ExactText("b1")]))
        let fromA = StoreCaseBackend(store: store, defaultTitle: "console a", source: a)
        fromA.useClusterMembers { $0 == 1 ? ClusterMembers(ids: []) : nil }
        let opened = try fromA.apply(.openCase(id: "case-0001"))
        #expect(opened.source == .other(path: b.path))
        #expect(opened.tags[MarkKey.cluster(1)] == nil, "c1 of b is not c1 of a")
        #expect(opened.otherSourceTags[MarkKey.cluster(1)] == ["ring"])
        _ = try store.createCase(title: "by the cli")
        #expect(try fromA.listCases().map(\.origin) == ["of no recorded source", "from another source"])
        #expect(try onB.listCases().map(\.origin) == ["of no recorded source", ""])
        var s = Fixture.loadedState()
        s = AppUpdate.update(s, .casesListed(try fromA.listCases())).state
        #expect(Fixture.frame(s)[5].hasSuffix("(from another source) console b"), "the picker says it before the title")
        #expect(opened.tags[MarkKey.account(ExactText("b1"))] == ["ring"], "account ids are exact: they hold anywhere")
        var sheet = Fixture.loadedState()
        sheet.caseState = opened
        sheet = AppUpdate.update(sheet, .run("case")).state
        let rows = Fixture.frame(sheet)
        #expect(rows[1].hasPrefix("case: console b  1 tagged row +1 of another source (by label)"))
        #expect(rows.contains { $0.contains("c1 (cluster of another source)") && $0.hasSuffix("ring") })
        // A cluster tag written from a (after the confirmation) is a's: it shows on a, not on b.
        let both = try fromA.apply(.tagCluster(label: "seen-on-a", cluster: "c1", members: []))
        #expect(both.tags[MarkKey.cluster(1)] == ["seen-on-a"])
        #expect(try onB.apply(.openCase(id: "case-0001")).tags[MarkKey.cluster(1)] == ["ring"])
    }

    @Test func aClusterTagFromTheCommandLineHoldsOnTheFolderItNamed() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let b = try sources.make("b", accounts: "b1,2026-01-01\n")
        let store = try sources.store()
        let id = try store.createCase(title: "cli").id
        // A folder and the cluster numbering, no fingerprint (as `case tag --cluster c2 --source DIR`
        // wrote before it recorded the fingerprint too).
        try store.tag(caseID: id, label: "cli-ring", targets: [(.cluster, ExactText("c2"))],
                      context: ["cluster": "c2", "source": sources.root + "/a/", "cluster_numbering": ClusterTagSources.clusterNumbering,
                                ClusterMembers.key(cluster: "c2"): ClusterMembers(ids: [ExactText("a1")]).recorded])
        let backendA = StoreCaseBackend(store: store, defaultTitle: "x", source: a)
        backendA.useClusterMembers { $0 == 2 ? ClusterMembers(ids: [ExactText("a1")]) : nil }
        let onA = try backendA.apply(.openCase(id: id))
        #expect(onA.tags[MarkKey.cluster(2)] == ["cli-ring"])
        let onB = try StoreCaseBackend(store: store, defaultTitle: "x", source: b).apply(.openCase(id: id))
        #expect(onB.tags[MarkKey.cluster(2)] == nil)
        #expect(onB.otherSourceTags[MarkKey.cluster(2)] == ["cli-ring"])
    }

    @Test func openingACaseOfAnotherSourceSaysSoOnTheStatusLineAndTheCaseSheet() throws {
        let sources = try Sources()
        let a = try sources.make("a", accounts: "a1,2026-01-01\n")
        let b = try sources.make("b", accounts: "b1,2026-01-01\n")
        let store = try sources.store()
        _ = try store.createCase(title: "made on b", source: b)
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: AppState())
        runner.caseBackend = StoreCaseBackend(store: store, defaultTitle: "console a", source: a)
        runner.dispatch(.loaded(ConsoleData(model: FixtureModel())))
        runner.dispatch(.run("case open case-0001"))
        runner.settle()
        #expect(runner.state.status == "case-0001 is from another source: cluster tags hidden, writes ask first (\(b.path))")
        runner.dispatch(.run("case"))
        let frame = Fixture.frame(runner.state)
        #expect(frame[3].hasPrefix("SOURCE: from another source: its cluster tags listed apart, writes ask first; e"),
                "the case sheet says it too")
        #expect(frame[1].hasPrefix("case: made on b  0 tagged rows"))
    }

    @Test func theFirstWriteIntoSuchACaseIsConfirmedOrCancelled() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0007"
        s.caseState.source = .other(path: "/data/other")
        // t, a label, Enter: held, nothing written, nothing changed in memory.
        var step = Fixture.step(s, .char("t")).typing("ring").pressing(.enter)
        #expect(!step.effects.contains { if case .persist = $0 { return true } else { return false } })
        #expect(step.state.caseState.tags.isEmpty)
        guard case .commandLine("confirm", let hint)? = step.state.overlay else {
            Issue.record("a confirm prompt opens")
            return
        }
        #expect(hint == ["Enter writes to case-0007 anyway, Esc cancels: it is from another source (/data/other)"])
        // Esc: nothing written, and the held write is gone.
        let cancelled = step.pressing(.escape)
        #expect(cancelled.state.status == "cancelled: nothing written")
        #expect(cancelled.state.heldWrite == nil)
        #expect(!cancelled.effects.contains { if case .persist = $0 { return true } else { return false } })
        // Enter: the held write runs, and later writes of the session go through unasked.
        step = step.pressing(.enter)
        #expect(step.effects.contains(.persist(.tag(label: "ring", keys: [MarkKey.cluster(1)]))))
        #expect(step.state.foreignWritesConfirmed == "case-0007")
        let next = Step(state: step.state, effects: []).then([.run("note second")])
        #expect(next.effects == [.persist(.note("second"))])
    }

    @Test func aCaseOfThisSourceWritesWithoutAsking() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0001"
        let step = Fixture.step(s, .char("t")).typing("ring").pressing(.enter)
        #expect(step.effects.contains(.persist(.tag(label: "ring", keys: [MarkKey.cluster(1)]))))
    }
}
