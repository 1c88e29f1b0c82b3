import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// Session 31's trial: `case tag` stored a mistyped id unsaid, `case untag` named nothing of the
/// ids that matched no tag, and `--reason` after `--` was taken for an id (the retraction's
/// reason left empty).
@Suite struct CaseTagTargetsCheckTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    // MARK: 4. `case tag` and `case untag` name the ids that matched nothing; options after `--` are refused.

    @Test func anOptionAfterDoubleDashIsFound() {
        let options = TagTargetOptions.options
        let raw = ["case", "untag", "case-0001", "ring-member", "--", "-5", "--reason", "test"].map(Self.bytes)
        #expect(RawArguments.optionAfterDoubleDash(raw, options: options) == Self.bytes("--reason"))
        #expect(RawArguments.optionAfterDoubleDash(["x", "--", "--reason=why"].map(Self.bytes), options: options) == Self.bytes("--reason=why"))
        let before = ["case", "untag", "c", "l", "--reason", "r", "--", "-5", "--other"].map(Self.bytes)
        #expect(RawArguments.optionAfterDoubleDash(before, options: options) == nil, "an unknown word after -- is an id")
    }

    @Test func untagRefusesAReasonAfterDoubleDash() throws {
        let targets = try TagTargetOptions.parse(["--", "-5", "--reason", "test"])
        let raw = ["case", "untag", "case-0001", "ring-member", "--", "-5", "--reason", "test"].map(Self.bytes)
        #expect(targets.accounts == ["-5", "--reason", "test"], "POSIX: after -- every word is an operand")
        do {
            _ = try targets.resolve(command: "untag", raw: raw)
            Issue.record("resolved")
        } catch let failure as CLIFailure {
            #expect(failure.code == 2)
            #expect(failure.message.hasPrefix("--reason comes after --, where every word is an account id"), "\(failure.message)")
            #expect(failure.message.contains("--account-b64 LS1yZWFzb24="), "\(failure.message)")
        }
    }

    @Test func untagNamesTheTargetsThatCarriedNoTag() {
        let named: [(TagTargetKind, ExactText)] = [(.account, ExactText("../../etc/passwd")), (.account, ExactText("acct_TYPO")),
                                                   (.account, ExactText("acct_TYPO"))]
        let unmatched = CaseUntagCommand.unmatched(named: named, retracted: [(.account, ExactText("../../etc/passwd"))])
        #expect(unmatched.map(\.1) == [ExactText("acct_TYPO")])
    }

    @Test func tagWarnsOfIdsNotInTheCasesSource() throws {
        let folder = TestScratch.root + "inv-s31-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "account_id\nacct_a\n".write(toFile: folder + "/accounts.csv", atomically: true, encoding: .utf8)
        try "{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"acct_a\"}\n".write(toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
        let recorded = CaseSource(files: try SourceFiles(directory: folder))
        let ids = [ExactText("acct_a"), ExactText("acct_TYPO2"), ExactText("acct_\u{1B}]52;c;x\u{07}")]
        let finding = CaseSourceIDCheck.check(ids, recorded: recorded)
        #expect(finding == .absent([ids[1], ids[2]], path: recorded.path, changed: false))
        let line = try #require(CaseSourceIDCheck.lines(finding, caseID: "case-0001", label: "ring-member").first)
        #expect(line.hasPrefix("investigate: warning: 2 account ids are not in case-0001's source \(recorded.path): "
            + "acct_TYPO2, acct_\\x1b]52;c;x\\x07; tagged all the same"), "\(line)")
        #expect(!line.contains("\u{1B}"))
        #expect(CaseSourceIDCheck.check(ids, recorded: nil) == .nothing, "a case that keeps no source is not checked")
        #expect(CaseSourceIDCheck.check([ids[0]], recorded: recorded) == .nothing)
        // A folder named with --source is the one checked, the case keeping a source or not.
        let given = CaseSourceIDCheck.check(ids, recorded: nil, given: folder)
        #expect(given == .absentFromGiven([ids[1], ids[2]], path: folder))
        let givenLine = try #require(CaseSourceIDCheck.lines(given, caseID: "case-0001", label: "ring-member").first)
        #expect(givenLine.hasPrefix("investigate: warning: 2 account ids are not in the source \(folder) given with --source: "), "\(givenLine)")
        #expect(CaseSourceIDCheck.check([ExactText("ACCT_A")], recorded: recorded, given: folder) == .absentFromGiven([ExactText("ACCT_A")], path: folder))
        #expect(CaseSourceIDCheck.check([ids[0]], recorded: nil, given: folder) == .nothing)
        let gone = CaseSource(path: folder + "/gone", fingerprint: recorded.fingerprint, files: 2)
        guard case .unchecked = CaseSourceIDCheck.check(ids, recorded: gone) else {
            Issue.record("a source that cannot be read is said to be unchecked")
            return
        }
    }
}

/// Session 32's trial: `clusters DIR --top -1` said the value was missing, `account DIR -5` that
/// the id was, with no word of why.
@Suite struct ShortDashedWordTests {
    static func raw(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    @Test func aDashAndOneCharacterBeforeDoubleDashIsNamed() throws {
        #expect(RawArguments.shortDashedWord(Self.raw(["account", "DIR", "-5"]))?.word == Array("-5".utf8))
        #expect(RawArguments.shortDashedWord(Self.raw(["clusters", "DIR", "--top", "-1"]))?.before == Array("--top".utf8))
        let id = try #require(RawArguments.usageHint(Self.raw(["account", "DIR", "-5"])))
        #expect(id.contains("after -- (for example: investigate account DIR -- -5)"))
        let value = try #require(RawArguments.usageHint(Self.raw(["clusters", "DIR", "--min-size", "-1"])))
        #expect(value.hasSuffix("not as the value of --min-size: write --min-size=-1"), "\(value)")
        for fine in [["account", "DIR", "--", "-5"], ["clusters", "DIR", "-h"], ["clusters", "DIR", "--top=-1"], ["account", "DIR", "-"]] {
            #expect(RawArguments.shortDashedWord(Self.raw(fine)) == nil, "\(fine)")
        }
    }
}
