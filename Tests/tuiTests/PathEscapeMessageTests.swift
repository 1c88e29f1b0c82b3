import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Session 34's trial: a source folder's name holding ESC reached the terminal raw in CLI errors
/// (`load $'dir\e[31m'`: `missing required file ...`; `load $'nonexist\e]0;PWNED\a'`: `not a case
/// source folder`; `case new --source` escaped its first copy of the name, not the second).
@Suite struct PathEscapeMessageTests {
    /// True when no byte of `text` could drive a terminal: no C0 control, DEL or C1 control.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    static func folder(named name: String) throws -> String {
        let parent = TestScratch.root + "inv-pathesc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
        return parent + "/" + name
    }

    @Test func aFolderWithoutAccountsIsNamedEscaped() throws {
        let dir = try Self.folder(named: "dir\u{1B}[31m")
        let failure = try #require(throws: LoadFailure.self) { try SourceFiles(directory: dir) }
        #expect(Self.isInert(failure.description), "\(failure.description.debugDescription)")
        #expect(failure.description.hasSuffix("dir\\x1b[31m: missing required file accounts.csv or accounts.jsonl"),
                "\(failure.description)")
    }

    @Test func aPathThatIsNoFolderIsNamedEscaped() throws {
        let path = TestScratch.root + "nonexist\u{1B}]0;PWNED\u{07}"
        let failure = try #require(throws: LoadFailure.self) { try SourceFiles(directory: path) }
        #expect(Self.isInert(failure.description), "\(failure.description.debugDescription)")
        #expect(failure.description.hasSuffix("nonexist\\x1b]0;PWNED\\x07: not a case source folder"), "\(failure.description)")
    }

    @Test func caseNewNamesTheSourceEscapedBothTimes() throws {
        let dir = try Self.folder(named: "dir\u{1B}[31m")
        let failure = try #require(throws: CLIFailure.self) { try CaseNewCommand.caseSource(dir) }
        #expect(Self.isInert(failure.message), "\(failure.message.debugDescription)")
        #expect(failure.message.components(separatedBy: "dir\\x1b[31m").count == 3, "\(failure.message)")
    }

    @Test func everyLineOnStderrIsInertAndEscapesAreNotDoubled() {
        let said = inertLines("investigate: a\u{1B}[31m\u{9B}b\u{7F}\nnext \u{202E}line: dir\\x1b")
        #expect(Self.isInert(said.replacingOccurrences(of: "\n", with: "")), "\(said.debugDescription)")
        #expect(said == "investigate: a\\x1b[31m\\u{9B}b\\x7f\nnext \\u{202E}line: dir\\x1b", "\(said)")
        #expect(said.split(separator: "\n").count == 2)
        #expect(said.hasSuffix("dir\\x1b"), "already escaped text stays as it is")
    }
}
