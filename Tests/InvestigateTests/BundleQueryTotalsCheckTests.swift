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
        // Text (the source's own spelling), a sign, a fraction or a member given twice: not compared.
        for odd: [[UInt8]?] in [[bytes("\"300\"")], [bytes("-5")], [bytes("3.0")], [bytes("1"), bytes("2")], [nil]] {
            #expect(StreamedQueryAccounts.loadedTokens(odd) == nil)
        }
    }

    @Test func anUntamperedBundleSaysItsFiguresHold() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains("queries.jsonl: each account's rows and token counts are those accounts.csv gives it"))
    }
}
