/// Reads account attributes the engine does not keep in memory (the email address) again from
/// the accounts files, by the line each account was read from.
public struct AccountRowFetcher {
    /// The loaded data whose accounts are read.
    public let data: CaseData

    /// Creates a fetcher.
    public init(data: CaseData) { self.data = data }

    /// Each account's email exactly as written (raw bytes, trimmed of spaces), or nil when it
    /// has none; `unreadable` counts the accounts whose line no longer holds them (the file
    /// changed since the load), whose emails are nil too.
    public func emails(_ accounts: [Int]) throws -> (emails: [[UInt8]?], unreadable: Int) {
        let table = data.accounts
        var byFile: [Int: [(line: Int, position: Int)]] = [:]
        for (position, account) in accounts.enumerated() {
            let source = table.source(ofAccount: account)
            byFile[source.file, default: []].append((source.line, position))
        }
        var out = [[UInt8]?](repeating: nil, count: accounts.count)
        var found = 0
        let fields = RecordFields(slotCount: AccountLoader.schema.columns.count)
        for (file, wanted) in byFile where file < data.files.accounts.count {
            let path = data.files.accounts[file].path
            let (records, header) = try SourceRecords.readWithHeader(path: path, lines: wanted.map(\.line))
            for entry in wanted {
                guard let record = records[entry.line] else { continue }
                found += 1
                let pairs = SourceRecords.fields(of: record, csvHeader: header, schema: AccountLoader.schema, scratch: fields)
                func value(_ key: String) -> [UInt8]? {
                    guard let bytes = pairs.first(where: { $0.key == key && !$0.isError })?.value else { return nil }
                    return FieldParsing.trimmed(bytes.span)
                }
                let account = accounts[entry.position]
                guard let id = value("account_id"), id == data.pools.accountIDs.bytes(Int32(account)) else {
                    found -= 1
                    continue
                }
                if let email = value("email"), !email.isEmpty { out[entry.position] = email }
            }
        }
        return (out, accounts.count - found)
    }

    /// One account's email (see `emails(_:)`); nil when it has none or cannot be read.
    public func email(_ account: Int) -> [UInt8]? {
        (try? emails([account]))?.emails.first ?? nil
    }
}
