/// Accounts in columns: one array per attribute, indexed by account index.
///
/// Absent values are -1 (ids) or `Int64.min` (times). Extra columns are kept in CSR form.
public final class AccountTable: @unchecked Sendable {
    /// Creation time, epoch milliseconds.
    public internal(set) var createdAt: [Int64] = []
    /// Email domain id.
    public internal(set) var emailDomain: [Int32] = []
    /// Organisation id.
    public internal(set) var org: [Int32] = []
    /// Country label id.
    public internal(set) var country: [Int32] = []
    /// Plan label id.
    public internal(set) var plan: [Int32] = []
    /// Status label id.
    public internal(set) var status: [Int32] = []
    /// Primary payment fingerprint id.
    public internal(set) var payment: [Int32] = []
    /// Signup IP id.
    public internal(set) var signupIP: [Int32] = []
    /// 1-based line of the account in its file (the email is read again from there:
    /// `AccountRowFetcher`).
    public internal(set) var line: [Int32] = []
    /// A 16-bit keyed check of each account's mailbox as the load read it
    /// (`MailboxAddress.check`): the mailboxes are found by reading the emails again after the
    /// load (`MailboxPairs`), and an email that no longer gives this check (the file was changed
    /// or swapped since) is not used. Not kept in a snapshot (the mailboxes are).
    public internal(set) var mailboxCheck: [UInt16] = []
    /// The first account of each accounts file, in load order (accounts are appended file
    /// after file).
    public internal(set) var fileStart: [Int] = []
    /// Start of each account's extras in `extraKey`/`extraValue` (count + 1 entries).
    public internal(set) var extraStart: [Int32] = [0]
    /// Extra column name ids.
    public internal(set) var extraKey: [Int32] = []
    /// Extra column value ids.
    public internal(set) var extraValue: [Int32] = []

    /// Creates an empty table.
    public init() {}

    /// The number of accounts.
    public var count: Int { createdAt.count }

    /// Makes room for `rows` more accounts in every column but the extras (an estimate from the
    /// file's size: growing by doubling would copy each column and touch fresh pages each time).
    func reserve(rows: Int) {
        createdAt.reserveCapacity(count + rows)
        for column in [\AccountTable.emailDomain, \.org, \.country, \.plan, \.status, \.payment, \.signupIP, \.line] {
            self[keyPath: column].reserveCapacity(count + rows)
        }
        extraStart.reserveCapacity(count + rows + 1)
        mailboxCheck.reserveCapacity(count + rows)
    }

    /// Trims every column to its size. Call once the load is done, while no other thread reads.
    public func compact() {
        createdAt = createdAt.trimmed()
        emailDomain = emailDomain.trimmed()
        org = org.trimmed()
        country = country.trimmed()
        plan = plan.trimmed()
        status = status.trimmed()
        payment = payment.trimmed()
        mailboxCheck = mailboxCheck.trimmed()
        signupIP = signupIP.trimmed()
        line = line.trimmed()
        extraStart = extraStart.trimmed()
        extraKey = extraKey.trimmed()
        extraValue = extraValue.trimmed()
    }

    /// The accounts file (index into `SourceFiles.accounts`) and line an account was read from.
    public func source(ofAccount account: Int) -> (file: Int, line: Int) {
        let file = max(0, (fileStart.lastIndex { $0 <= account }) ?? 0)
        return (file, Int(line[account]))
    }

    /// The extra attributes of an account as (name id, value id) pairs.
    public func extras(of account: Int) -> [(key: Int32, value: Int32)] {
        (Int(extraStart[account])..<Int(extraStart[account + 1])).map { (extraKey[$0], extraValue[$0]) }
    }
}

/// Payment instruments attached to accounts (`payments.csv`), one row each.
public final class PaymentTable: @unchecked Sendable {
    /// Owning account index.
    public internal(set) var account: [Int32] = []
    /// Fingerprint id (`ValuePools.payments`).
    public internal(set) var fingerprint: [Int32] = []
    /// Kind label id (`card`, `invoice`, `crypto`...), or -1.
    public internal(set) var kind: [Int32] = []
    // `bin_country` and `added_at` are checked while loading (a bad time is a warning) but not
    // kept: nothing reads them yet, and at a million instruments they would hold 12 MiB.

    /// Creates an empty table.
    public init() {}

    /// Trims every column to its size. Call once the load is done, while no other thread reads.
    public func compact() {
        account = account.trimmed()
        fingerprint = fingerprint.trimmed()
        kind = kind.trimmed()
    }

    /// Makes room for `rows` more payments in every column (an estimate from the file's size).
    func reserve(rows: Int) {
        for column in [\PaymentTable.account, \.fingerprint, \.kind] { self[keyPath: column].reserveCapacity(count + rows) }
    }

    /// The number of payment rows.
    public var count: Int { account.count }
}

/// Relations computed upstream (`links.csv`).
public final class UpstreamLinkTable: @unchecked Sendable {
    /// First account index.
    public internal(set) var accountA: [Int32] = []
    /// Second account index.
    public internal(set) var accountB: [Int32] = []
    /// Kind label id (`referral`, `same_device`, ...).
    public internal(set) var kind: [Int32] = []
    /// Weight in 0...1 (1 when absent).
    public internal(set) var weight: [Double] = []
    /// Note label id, or -1.
    public internal(set) var note: [Int32] = []

    /// Creates an empty table.
    public init() {}

    /// Trims every column to its size. Call once the load is done, while no other thread reads.
    public func compact() {
        accountA = accountA.trimmed()
        accountB = accountB.trimmed()
        kind = kind.trimmed()
        weight = weight.trimmed()
        note = note.trimmed()
    }

    /// The number of upstream links.
    public var count: Int { accountA.count }
}
