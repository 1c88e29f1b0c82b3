import Testing
@testable import Investigate

/// A quoted CSV field keeps its line breaks exactly: CR LF, LF and a lone CR are data inside
/// quotes (found in a new user's trial: `"acct_B\r\nX"` loaded as `acct_B\nX`, a different id,
/// and its queries were dropped as an unknown account's).
@Suite struct CSVLineBreakTests {
    static let ids: [[UInt8]] = [
        Array("acct_B\r\nX".utf8), Array("acct_D\nZ".utf8), Array("acct_C\rY".utf8), Array("acct_E\r\n\r\nW".utf8),
    ]

    static func source() throws -> TempSource {
        var accounts = Array("account_id,created_at,email\r\n".utf8)
        var queries = ""
        for (n, id) in ids.enumerated() {
            accounts += [0x22] + id + Array("\",2026-05-01T00:00:00Z,\"u\(n)\r\n@x.example\"\r\n".utf8)
            let escaped = String(decoding: id, as: UTF8.self).replacingOccurrences(of: "\r", with: "\\r")
                .replacingOccurrences(of: "\n", with: "\\n")
            queries += "{\"ts\":\"2026-05-02T00:00:0\(n)Z\",\"account_id\":\"\(escaped)\"}\n"
        }
        let source = try TempSource(["queries.jsonl": queries])
        try source.write("accounts.csv", bytes: accounts)
        return source
    }

    @Test func quotedLineBreaksAreKeptExactly() throws {
        let data = try Self.source().load(strict: true)
        #expect(data.accountCount == Self.ids.count)
        #expect(data.queries.count == Self.ids.count)
        for id in Self.ids {
            let index = try #require(data.accountIndex(exact: ExactText(bytes: id)))
            #expect(data.queries.queryCount(of: index) == 1)
        }
    }

    @Test func reReadRecordsKeepThemToo() throws {
        let data = try Self.source().load(strict: true)
        for id in Self.ids {
            let index = try #require(data.accountIndex(exact: ExactText(bytes: id)))
            let n = Self.ids.firstIndex(of: id)!
            #expect(AccountRowFetcher(data: data).email(index) == Array("u\(n)\r\n@x.example".utf8))
        }
    }
}
