import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// `T` (or any tag) pressed with no case in the store created `case-0001` and said only
/// `- saved in case-0001`, as if the case had been there. The acknowledgement now says the
/// write made a new case; later writes to it say only where they went.
@Suite struct CaseCreatedStatusTests {
    func runner(prepared: Bool = false) throws -> (ConsoleRunner, String) {
        let folder = TestScratch.root + "inv-created-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try CaseStore(path: folder + "/cases.sqlite", patience: 5)
        if prepared { _ = try store.createCase(title: "earlier") }
        let runner = ConsoleRunner(surface: MemorySurface(size: TerminalSize(rows: 24, cols: 80)), state: Fixture.loadedState())
        runner.caseBackend = StoreCaseBackend(store: store, defaultTitle: "created test")
        return (runner, folder)
    }

    func tagCluster(_ runner: ConsoleRunner, _ label: String) {
        for key in [Key.char("T")] + label.map({ Key.char($0) }) + [.enter] { runner.handle(key) }
        runner.settle()
    }

    @Test func theFirstWriteSaysItCreatedTheCase() throws {
        let (runner, folder) = try runner()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        tagCluster(runner, "ring")
        #expect(runner.state.status.hasPrefix("tagged "), "\(runner.state.status)")
        #expect(runner.state.status.hasSuffix(" - saved in case-0001 (a new case)"), "\(runner.state.status)")
        #expect(runner.state.caseState.id == "case-0001")
        // The next write goes to the same case and says only where.
        tagCluster(runner, "more")
        #expect(runner.state.status.hasSuffix(" - saved in case-0001"), "\(runner.state.status)")
    }

    @Test func aWriteToACaseThatExistedDoesNotSayNew() throws {
        let (runner, folder) = try runner(prepared: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        tagCluster(runner, "ring")
        #expect(runner.state.status.hasSuffix(" - saved in case-0001"), "\(runner.state.status)")
        #expect(!runner.state.status.contains("new case"))
    }

    /// At 80 columns a long message still says the case is new, in fewer words; one too long
    /// for any wording keeps the shortest, as long as ` - saved in case-0001` plus ` (new)`.
    @Test func aLongMessageSaysSoInFewerWords() {
        let short = SaveAck.acknowledged("tagged 3 rows 'ring' in a new case", write: .note("n"), caseID: "case-0001", created: true)
        #expect(short == "tagged 3 rows 'ring' - saved in case-0001 (a new case)")
        let long = "tagged 25 rows '" + String(repeating: "x", count: 30) + "' in a new case"
        let ack = SaveAck.acknowledged(long, write: .note("n"), caseID: "case-0001", created: true)
        #expect(TextWidth.of(ack) <= StatusFit.width, "\(ack)")
        #expect(ack.hasSuffix(" - saved in case-0001 (new)"), "\(ack)")
        // Not created: as before.
        #expect(SaveAck.acknowledged(long, write: .note("n"), caseID: "case-0001").hasSuffix("' - saved in case-0001"))
    }
}
