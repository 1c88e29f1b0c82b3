import ArgumentParser
import Foundation
import Investigate
import Testing
@testable import tui

/// Session 36: `case tag` of 45,000 ids took ~55 s, nearly all of it in ArgumentParser, whose
/// time grows with the square of the values one argument collects. The parser is now handed the
/// line without all but the first id (`TagOperands.argumentsForParser`), and the ids are read from
/// the raw line as exact bytes; these tests hold that nothing else it reads changes.
@Suite struct TagOperandsTests {
    static func raw(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// Parses `words` as `main` does (the ids after the first taken away) and resolves the targets
    /// from the whole raw line.
    func parsed(_ raw: [[UInt8]]) throws -> (parser: [String], command: ParsableCommand, targets: [(TagTargetKind, ExactText)]) {
        let arguments = raw.map { String(decoding: $0, as: UTF8.self) }
        let parser = TagOperands.argumentsForParser(arguments, raw: raw)
        let command = try InvestigateCommand.parseAsRoot(parser)
        if let tag = command as? CaseTagCommand { return (parser, command, try tag.targets.resolve(command: "tag", raw: raw).0) }
        let untag = try #require(command as? CaseUntagCommand)
        return (parser, command, try untag.targets.resolve(command: "untag", raw: raw).0)
    }

    @Test func manyIdsReachTheStoreWhileTheParserSeesOne() throws {
        let ids = (1...45_000).map { "acct_\($0)" }
        let raw = Self.raw(["case", "tag", "case-0001", "ring-member"] + ids + ["--db", "/tmp/x.sqlite"])
        let (parser, command, targets) = try parsed(raw)
        #expect(parser == ["case", "tag", "case-0001", "ring-member", "acct_1", "--db", "/tmp/x.sqlite"])
        let tag = try #require(command as? CaseTagCommand)
        #expect(tag.caseID == "case-0001" && tag.tag == "ring-member" && tag.store.database == "/tmp/x.sqlite")
        #expect(targets.count == 45_000)
        #expect(targets.allSatisfy { $0.0 == .account })
        #expect(targets.map(\.1) == ids.map { ExactText($0) }, "every id, in order")
    }

    /// Options between ids, ids that are not UTF-8, `-` alone, and words after `--`: each id is
    /// its exact bytes, each option's value is the option's.
    @Test func optionsAndExactBytesAmongTheIds() throws {
        var raw = Self.raw([
            "case", "untag", "--db", "/tmp/y.sqlite", "case-0002", "decoy", "acct_a", "--reason", "mistyped", "-", "acct_b",
            "--value", "ip:1.2.3.4", "--account-b64", "YWNjdF9j",
        ])
        raw.insert(Array("acct_\u{1b}".utf8) + [0xFF], at: 9)
        raw += Self.raw(["--", "-5", "acct_d"])
        let (parser, command, targets) = try parsed(raw)
        #expect(!parser.contains("acct_b") && !parser.contains("-5") && !parser.contains("acct_d") && parser.contains("acct_a"))
        let untag = try #require(command as? CaseUntagCommand)
        #expect(untag.caseID == "case-0002" && untag.tag == "decoy" && untag.reason == "mistyped")
        #expect(untag.store.database == "/tmp/y.sqlite")
        let accounts = targets.filter { $0.0 == .account }.map(\.1)
        #expect(
            accounts == [
                ExactText("acct_a"), ExactText(bytes: Array("acct_\u{1b}".utf8) + [0xFF]), ExactText("-"), ExactText("acct_b"),
                ExactText("-5"), ExactText("acct_d"), ExactText("acct_c"),
            ])
        #expect(targets.filter { $0.0 == .value }.map(\.1) == [ExactText("ip:1.2.3.4")])
        #expect(TagTargetOptions.named(targets).count == targets.count, "no cluster: every target was named")
    }

    /// Another command, or a tag line with one id or none, reaches the parser as it is.
    @Test func otherLinesAreLeftAlone() throws {
        for words in [
            ["account", "DIR", "a", "b", "c"], ["case", "note", "case-0001", "a", "b"], ["case", "tag", "case-0001", "x", "only"],
            ["case", "tag", "case-0001", "x", "--cluster", "c1", "--source", "DIR"], ["case", "untag"],
        ] {
            #expect(TagOperands.argumentsForParser(words, raw: Self.raw(words)) == words, "\(words)")
        }
        #expect(TagOperands.ids(Self.raw(["account", "DIR", "a"])) == nil)
    }

    /// An option after `--` is still refused (its bytes are in the raw line, whatever the parser saw).
    @Test func anOptionAfterDoubleDashIsStillRefused() throws {
        let raw = Self.raw(["case", "untag", "case-0001", "ring-member", "--", "-5", "acct_x", "--reason", "r"])
        #expect(throws: CLIFailure.self) { _ = try parsed(raw) }
    }
}
