import Foundation
import Testing
@testable import Investigate

/// `verify` holds `accounts.csv`'s query and token figures to the rows `queries.jsonl` holds: a
/// trial re-signed (with a key the verifier trusts) a bundle whose `queries.jsonl` moved one row
/// from one case account to another, and one that dropped a row, and both verified.
@Suite struct BundleQueryTotalsCheckTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The case's rows of `queries.jsonl`, each with its account id.
    static func rows(_ s: Setup) throws -> [(id: String, line: String)] {
        let text = String(decoding: s.f.files["queries.jsonl"]!, as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            let id = try #require(try JSONValue.parse(String(line))["account_id"]?.stringValue)
            return (id, String(line))
        }
    }

    @Test func aRowMovedToAnotherCaseAccountIsNamedOnBothAccounts() throws {
        let s = try Setup()
        let rows = try Self.rows(s)
        let from = try #require(rows.first)
        let to = try #require(rows.first { $0.id != from.id && !$0.id.hasPrefix("=") })
        let moved = from.line.replacingOccurrences(of: "\"account_id\":\"\(from.id)\"", with: "\"account_id\":\"\(to.id)\"")
        #expect(moved != from.line)
        let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: from.line, with: moved) }
        #expect(!report.ok)
        let named = report.problems.filter { $0.hasPrefix("accounts.csv: row ") && $0.contains("where queries.jsonl holds") }
        #expect(named.count == 2, "\(report.problems)")
        #expect(named.contains { $0.contains("(account \(ExactText(to.id).display))") })
        #expect(named.allSatisfy { $0.hasSuffix("this file or queries.jsonl was altered") })
    }

    @Test func aDroppedRowAndAnInflatedTokenCountAreRefused() throws {
        let s = try Setup()
        let rows = try Self.rows(s)
        let last = try #require(rows.last)
        let dropped = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: last.line + "\n", with: "") }
        #expect(dropped.problems.contains { $0.contains("where queries.jsonl holds") }, "\(dropped.problems)")
        // The same rows, one token count raised: the sum is not the one accounts.csv gives.
        let counted = try #require(rows.first { $0.line.contains("\"output_tokens\":") && !$0.line.contains("\"output_tokens\":null") })
        let inflated = counted.line.replacingOccurrences(of: "\"output_tokens\":", with: "\"output_tokens\":9")
        let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: counted.line, with: inflated) }
        #expect(report.problems.contains { $0.contains("output_tokens ") && $0.contains("where its rows add up to") }, "\(report.problems)")
        #expect(!report.problems.contains { $0.contains("where queries.jsonl holds") })
    }

    @Test func theLoadersReadingOfTokenCountsIsMirrored() {
        func bytes(_ s: String) -> [UInt8]? { Array(s.utf8) }
        #expect(StreamedQueryAccounts.loadedTokens([]) == 0)
        #expect(StreamedQueryAccounts.loadedTokens([bytes("null")]) == 0)
        #expect(StreamedQueryAccounts.loadedTokens([bytes("300")]) == 300)
        #expect(StreamedQueryAccounts.loadedTokens([bytes("99999999999")]) == UInt64(UInt32.max))
        // Text and other spellings read as the loader reads them (a check helper turned one row's
        // 44 into "44" and the account's token sums went unchecked).
        #expect(StreamedQueryAccounts.loadedTokens([bytes("\"44\"")]) == 44)
        #expect(StreamedQueryAccounts.loadedTokens([bytes("44.0")]) == 44)
        #expect(StreamedQueryAccounts.loadedTokens([bytes("\" 44 \"")]) == 44)
        // What the loader keeps as 0 (with a warning) is 0.
        for zero in ["-5", "true", "1.5", "\"abc\"", "{\"b64\":\"/w==\"}"] {
            #expect(StreamedQueryAccounts.loadedTokens([bytes(zero)]) == 0, "\(zero)")
        }
        // A member given twice, or one too long to hold: no figure.
        #expect(StreamedQueryAccounts.loadedTokens([bytes("1"), bytes("2")]) == nil)
        #expect(StreamedQueryAccounts.loadedTokens([nil]) == nil)
    }

    @Test func aTokenCountWrittenAsTextIsStillSummed() throws {
        let s = try Setup()
        let rows = try Self.rows(s)
        let counted = try #require(rows.first { $0.line.contains("\"input_tokens\":") && !$0.line.contains("\"input_tokens\":null") })
        let text = try #require(try JSONValue.parse(counted.line)["input_tokens"]?.intValue)
        // The same count as text: the figures still hold.
        let same = counted.line.replacingOccurrences(of: "\"input_tokens\":\(text)", with: "\"input_tokens\":\"\(text)\"")
        #expect(same != counted.line)
        let held = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: counted.line, with: same) }
        #expect(!held.problems.contains { $0.contains("where its rows add up to") }, "\(held.problems)")
        // As text and raised: named.
        let raised = counted.line.replacingOccurrences(of: "\"input_tokens\":\(text)", with: "\"input_tokens\":\"\(text + 1_000_000)\"")
        let report = try s.verify("queries.jsonl") { $0.replacingOccurrences(of: counted.line, with: raised) }
        #expect(report.problems.contains { $0.contains("input_tokens ") && $0.contains("where its rows add up to") }, "\(report.problems)")
    }

    @Test func anUntamperedBundleSaysItsFiguresHold() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains("queries.jsonl: each account's rows and token counts are those accounts.csv gives it"))
    }
}
