import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Issue 14, point 9: case writes and the case listing leave the input thread: the key returns
/// at once with "saving...", the acknowledgement follows when the store has the write.
@Suite struct SavingOffInputTests {
    func runner() throws -> (ConsoleRunner, String) {
        let folder = TestScratch.root + "inv-saving-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try CaseStore(path: folder + "/cases.sqlite", patience: 5)
        let surface = MemorySurface(size: TerminalSize(rows: 24, cols: 80))
        let runner = ConsoleRunner(surface: surface, state: Fixture.loadedState())
        runner.caseBackend = StoreCaseBackend(store: store, defaultTitle: "saving test")
        return (runner, folder)
    }

    @Test func aTagSaysSavingThenSaved() throws {
        let (runner, folder) = try runner()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for key in [Key.char("t"), .char("r"), .char("i"), .char("n"), .char("g"), .enter] { runner.handle(key) }
        // At 80 columns the pending message gives up its case guess to fit (`StatusFit`).
        #expect(runner.state.status == "tagged 1 row 'ring' (the cluster, not its accounts: T tags them) (saving...)")
        runner.settle()
        // The store held no case: the write made one, and says so (`SaveAck`), in fewer words here.
        #expect(runner.state.status == "tagged 1 row 'ring' (the cluster, not its accounts: T tags them) - saved in case-0001 (new)")
        #expect(runner.state.caseState.tags[MarkKey.cluster(1)] == ["ring"])
        runner.handle(.char("c"))
        #expect(runner.state.status == "reading the case list...")
        runner.settle()
        guard case .casePicker(let cases, _)? = runner.state.overlay else { Issue.record("no picker"); return }
        #expect(cases.map(\.id) == ["case-0001"])
    }

    @Test func aRefusedWriteSaysSoAndTheScreenFollowsTheStore() throws {
        let (runner, folder) = try runner()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A label the store refuses (a control character): nothing is saved, and the tag shown
        // in memory goes away again.
        runner.dispatch(.run("tag bad\u{7}label"))
        runner.settle()
        #expect(runner.state.status.hasPrefix("NOT saved (tagged 1 row 'bad"))
        #expect(runner.state.caseState.tags.isEmpty)
    }
}
