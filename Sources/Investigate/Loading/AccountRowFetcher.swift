/// Reads account attributes the engine does not keep in memory (the email address) again from
/// the accounts files, by the line each account was read from.
public struct AccountRowFetcher {
    /// The loaded data whose accounts are read.
    public let data: CaseData

    /// Creates a fetcher.
    public init(data: CaseData) { self.data = data }

    /// Each account's email exactly as written (raw bytes, trimmed of spaces), or nil when it
    /// has none; `unreadable` counts the accounts whose line no longer holds them, or holds other
    /// values than were loaded from it (the file changed since the load: `AccountRowCheck`),
    /// whose emails are nil too.
    public func emails(_ accounts: [Int]) throws -> (emails: [[UInt8]?], unreadable: Int) {
        let read = emailsByFile(accounts)
        return (read.emails, read.unreadableByFile.values.reduce(0, +))
    }

    /// The emails as `emails(_:)` gives them, and the accounts that could not be read again by
    /// the index of their accounts file (`SourceFiles.accounts`): every account of a file that
    /// can no longer be opened counts.
    func emailsByFile(_ accounts: [Int]) -> (emails: [[UInt8]?], unreadableByFile: [Int: Int]) {
        let table = data.accounts
        var byFile: [Int: [(line: Int, position: Int)]] = [:]
        for (position, account) in accounts.enumerated() {
            let source = table.source(ofAccount: account)
            byFile[source.file, default: []].append((source.line, position))
        }
        var out = [[UInt8]?](repeating: nil, count: accounts.count)
        var unreadable: [Int: Int] = [:]
        let fields = RecordFields(slotCount: AccountLoader.schema.columns.count)
        for (file, wanted) in byFile {
            guard file < data.files.accounts.count,
                let (records, header) = try? SourceRecords.readWithHeader(path: data.files.accounts[file].path, lines: wanted.map(\.line))
            else {
                unreadable[file, default: 0] += wanted.count
                continue
            }
            for entry in wanted {
                let account = accounts[entry.position]
                guard let record = records[entry.line] else {
                    unreadable[file, default: 0] += 1
                    continue
                }
                let pairs = SourceRecords.fields(of: record, csvHeader: header, schema: AccountLoader.schema, scratch: fields)
                func value(_ key: String) -> [UInt8]? {
                    guard let bytes = pairs.first(where: { $0.key == key && !$0.isError })?.value else { return nil }
                    return FieldParsing.trimmed(bytes.span)
                }
                guard let id = pairs.first(where: { $0.key == "account_id" && !$0.isError })?.value,
                    FieldParsing.loadsAccountID(id.span, as: Int32(account), in: data.pools.accountIDs),
                    AccountRowCheck.matches(value, account: account, data: data)
                else {
                    unreadable[file, default: 0] += 1
                    continue
                }
                if let email = value("email"), !email.isEmpty { out[entry.position] = email }
            }
        }
        return (out, unreadable)
    }

    /// One account's email (see `emails(_:)`); nil when it has none or cannot be read.
    public func email(_ account: Int) -> [UInt8]? {
        (try? emails([account]))?.emails.first ?? nil
    }
}
