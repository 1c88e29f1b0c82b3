import Foundation
import Testing
@testable import Investigate

/// Targeted loader edge cases found while fuzzing: empty and header-only files, byte-order marks,
/// hostile header names, gzip containers, extreme values, long lines and unclosed quotes.
extension LoaderFuzzTests {
    @Test func emptyAndHeaderOnlyFiles() throws {
        let accounts = Array("account_id\na1\n".utf8)
        // Header-only and empty optional files load with nothing in them.
        let headerOnly = try Self.loadBytes([
            "accounts.csv": accounts, "payments.csv": Array("account_id,payment_fingerprint\n".utf8),
            "links.csv": Array("account_a,account_b,kind".utf8), "queries.jsonl": [],
        ])
        #expect(headerOnly.accountCount == 1 && headerOnly.payments.count == 0 && headerOnly.upstream.count == 0)
        #expect(headerOnly.report.skippedCount == 0)
        let empty = try Self.loadBytes([
            "accounts.csv": accounts, "payments.csv": [], "queries.jsonl": Array("\n\r\n  \n".utf8),
            "queries/part.csv": [],
        ])
        #expect(empty.accountCount == 1 && empty.queries.count == 0)
        #expect(empty.report.skipped.allSatisfy { $0.line >= 1 })
        // An empty accounts file stops the load with a clean error.
        #expect(throws: LoadFailure.self) { try Self.loadBytes(["accounts.csv": [], "queries.jsonl": []]) }
        #expect(throws: LoadFailure.self) { try Self.loadBytes(["accounts.csv": [], "queries.jsonl": []], strict: true) }
    }

    @Test func byteOrderMarksAndCRLF() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let directory = try Self.write([
            "accounts.csv": bom + Array("\"account_id\",\"email\"\r\na1,x@y.z\r\n".utf8),
            "queries.jsonl": bom + Array((Self.oneQuery + "\r\n" + Self.oneQuery + "\r\n").utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = try Self.load(directory, strict: true).get()
        #expect(data.accountCount == 1)
        #expect(data.queries.count == 2)
        let rows = try QueryRowFetcher(data: data).rows([0, 1])
        #expect(rows.allSatisfy { row in row.contains { $0.key == "account_id" && $0.value == "a1" } })
    }

    @Test func hostileHeaderNamesStayInert() throws {
        let header = "acc\u{1B}[31mount,\u{202E}x,\u{07}\n"
        let data = try Self.loadBytes([
            "accounts.csv": Array("account_id\na1\n".utf8), "payments.csv": Array((header + "a1,b,c\n").utf8),
            "queries.jsonl": [],
        ])
        #expect(data.report.skippedCount >= 1)
        #expect(data.report.skipped.allSatisfy { Self.isInert($0.reason) })
        do {
            _ = try Self.loadBytes(["accounts.csv": Array((header + "a1\n").utf8), "queries.jsonl": []])
            Issue.record("expected a missing-column failure")
        } catch let failure as LoadFailure {
            #expect(Self.isInert(failure.description))
        }
    }

    @Test func emptyHeaderNameWithValue() throws {
        let data = try Self.loadBytes(["accounts.csv": Array("account_id,, \n a1,v,w\n".utf8), "queries.jsonl": []])
        #expect(data.accountCount == 1)
    }

    @Test func gzipEdgeCases() throws {
        let accounts = Array("account_id\na1\n".utf8)
        let rows = Array((Self.oneQuery + "\n").utf8)
        // Concatenated members, an empty member, an empty .gz file.
        let two = try Self.loadBytes([
            "accounts.csv.gz": Self.gzip(accounts), "queries.jsonl.gz": Self.gzip(rows) + Self.gzip([]) + Self.gzip(rows),
        ])
        #expect(two.queries.count == 2 && two.report.skippedCount == 0)
        let empty = try Self.loadBytes(["accounts.csv": accounts, "queries.jsonl.gz": []])
        #expect(empty.queries.count == 0)
        // Trailing garbage and truncation are reported, not fatal (lenient), and stop a strict load.
        for damaged in [
            Self.gzip(rows) + [0x1F], Self.gzip(rows) + [0, 0, 0], Array(Self.gzip(rows).dropLast(5)), Array(Self.gzip(rows).prefix(5)),
        ] {
            let data = try Self.loadBytes(["accounts.csv": accounts, "queries.jsonl.gz": damaged])
            #expect(data.report.skippedCount >= 1)
            #expect(data.report.skipped.allSatisfy { $0.line >= 1 && Self.isInert($0.reason) })
            #expect(throws: LoadFailure.self) { try Self.loadBytes(["accounts.csv": accounts, "queries.jsonl.gz": damaged], strict: true) }
        }
    }

    @Test func extremeValues() throws {
        let lines = [
            #"{"ts":"12345678901234567","account_id":"a1"}"#,
            #"{"ts":"-9999999999999999","account_id":"a1"}"#,
            #"{"ts":"1772323202.999999999999999999999999999999","account_id":"a1"}"#,
            #"{"ts":"2026-03-01T00:00:00.\#(String(repeating: "9", count: 5000))Z","account_id":"a1"}"#,
            #"{"ts":"9999-12-31T23:59:60-23:59","account_id":"a1","input_tokens":-5}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","output_tokens":"99999999999999999999"}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a\u0000","prompt":"\u0000\ud800\udc00\udfff"}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"zz","account_id":"a1"}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","deep":\#(String(repeating: "[", count: 100_000))}"#,
            #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","x":"\#(String(repeating: "\\\"", count: 3000))"}"#,
        ]
        let data = try Self.loadBytes([
            "accounts.csv": Array("account_id\na1\n".utf8),
            "queries.jsonl": Array(lines.joined(separator: "\n").utf8),
        ])
        #expect(data.queries.count + data.report.skippedCount == lines.count)
        #expect(data.report.skipped.allSatisfy { Self.isInert($0.reason) })
        _ = Clusterer().components(index: LinkIndex(data: data))
    }

    @Test func longLinesAndUnclosedQuotes() throws {
        let prompt = String(repeating: "a\"b `c` ", count: 550_000)  // over one 4 MiB read block
        let long = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","prompt":"\#(prompt.replacingOccurrences(of: "\"", with: "\\\""))"}"#
        let data = try Self.loadBytes([
            "accounts.csv": Array("account_id,nick\na1,\"never closed\nmore\n".utf8),
            "queries.jsonl": Array((long + "\n" + Self.oneQuery).utf8),
        ])
        #expect(data.queries.count == 0)  // the only account row was eaten by its open quote
        #expect(data.report.skipped.contains { $0.file == "accounts.csv" && $0.line == 2 })
        let ok = try Self.loadBytes([
            "accounts.csv": Array("account_id\na1\n".utf8), "queries.jsonl": Array((long + "\n" + Self.oneQuery).utf8),
        ])
        #expect(ok.queries.count == 2)
    }
}

/// Cases from the review of the parallel loader: rows reported after parsing in a damaged gzip
/// file, and row estimates that a crafted file could inflate.
extension LoaderFuzzTests {
    @Test func unknownAccountInATruncatedGzipKeepsItsLine() throws {
        let accounts = Array("account_id\na1\n".utf8)
        var lines = [Self.oneQuery, #"{"ts":"2026-03-01T00:00:00Z","account_id":"ghost"}"#]
        // Enough rows that the stream spans several read blocks before it is cut.
        for i in 0..<20_000 { lines.append(#"{"ts":"2026-03-01T00:00:00Z","account_id":"a1","prompt":"row \#(i) padding padding"}"#) }
        let whole = Self.gzip(Array((lines.joined(separator: "\n") + "\n").utf8))
        let cut = Array(whole.prefix(whole.count * 2 / 3))
        let data = try Self.loadBytes(["accounts.csv": accounts, "queries.jsonl.gz": cut])
        #expect(data.report.skipped.first == LoadIssue(file: "queries.jsonl.gz", line: 2, reason: "query for unknown account 'ghost'"))
        #expect(data.report.skipped.contains { $0.reason.contains("truncated gzip") })
        #expect(throws: LoadFailure.strictRow(file: "queries.jsonl.gz", line: 2, reason: "query for unknown account 'ghost'")) {
            try Self.loadBytes(["accounts.csv": accounts, "queries.jsonl.gz": cut], strict: true)
        }
    }

    @Test func rowEstimatesIgnoreBlankLinesAndAreCapped() throws {
        let directory = try Self.write([
            "blank.csv": Array("account_id\n".utf8) + [UInt8](repeating: 0x0A, count: 1 << 20) + Array("a1\n".utf8),
            "short.csv": Array(String(repeating: "abcdefgh\n", count: 200_000).utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func entry(_ name: String) throws -> SourceFiles.Entry {
            let bytes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int
            return SourceFiles.Entry(path: directory + "/" + name, name: name, bytes: bytes ?? 0)
        }
        #expect(RowEstimate.rows(in: try entry("blank.csv")) == nil)
        let short = try #require(RowEstimate.rows(in: try entry("short.csv")))
        #expect(short >= 200_000 && short <= RowEstimate.limit)
    }
}
