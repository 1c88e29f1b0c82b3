import Foundation
import Investigate
import Testing
@testable import tui

/// Session 32's trial: `export` from another folder, or from the case's folder after its files
/// were edited (planted prompts), wrote a signed bundle with no word.
@Suite struct ExportSourceCheckTests {
    static let recorded = CaseSource(path: "/cases/src", fingerprint: String(repeating: "a", count: 64), files: 3)

    @Test func theSameFilesOrNoRecordedSourceSayNothing() {
        #expect(ExportSourceCheck.warning(caseID: "case-0001", recorded: Self.recorded, current: Self.recorded) == nil)
        let moved = CaseSource(path: "/elsewhere", fingerprint: Self.recorded.fingerprint, files: 3)
        #expect(ExportSourceCheck.warning(caseID: "case-0001", recorded: Self.recorded, current: moved) == nil, "the same files, moved")
        #expect(ExportSourceCheck.warning(caseID: "case-0001", recorded: nil, current: Self.recorded) == nil)
    }

    @Test func changedFilesAndAnotherFolderAreNamed() throws {
        let changed = CaseSource(path: "/cases/src", fingerprint: String(repeating: "b", count: 64), files: 3)
        let line = try #require(ExportSourceCheck.warning(caseID: "case-0001", recorded: Self.recorded, current: changed))
        #expect(line.hasPrefix("investigate: warning: case-0001: its source folder /cases/src holds other files than when the case was opened"))
        let other = CaseSource(path: "/tmp/planted\u{1B}[2J", fingerprint: String(repeating: "c", count: 64), files: 3)
        let otherLine = try #require(ExportSourceCheck.warning(caseID: "case-0001", recorded: Self.recorded, current: other))
        #expect(otherLine.contains("it was opened on another source, /cases/src"))
        #expect(!otherLine.contains("\u{1B}"), "the folder name is made inert")
    }
}
