import ByteCore
import Synchronization

/// A loaded case source: accounts, payments, queries and upstream links in columns, with the
/// pools their values are interned in and the report of what the load read and skipped.
///
/// It is immutable once `CaseLoader` returns it, and safe to share across threads.
public final class CaseData: @unchecked Sendable {
    /// The folder it was loaded from.
    public let directory: String
    /// The files read.
    public let files: SourceFiles
    /// Interned values.
    public let pools: ValuePools
    /// Accounts (index == `pools.accountIDs` id).
    public let accounts: AccountTable
    /// `payments.*` rows.
    public let payments: PaymentTable
    /// Query rows.
    public let queries: QueryTable
    /// `links.*` rows.
    public let upstream: UpstreamLinkTable
    /// The subnet id of each IP id (`pools.subnets`), or -1 when the IP does not parse.
    public let ipSubnet: [Int32]
    /// What the load read and skipped.
    public let report: LoadReport
    /// The template families once found (`templateFamilies`).
    let families = Mutex<TemplateFamilies?>(nil)
    /// The IP link keys once found (`ipKeys`).
    let ipSpellings = Mutex<SpellingKeys?>(nil)
    /// The client-string link keys once found (`userAgentKeys`).
    let userAgentSpellings = Mutex<SpellingKeys?>(nil)
    /// Accounts whose email could not be read again when their mailboxes were found
    /// (`MailboxPairs`: the accounts file changed or vanished since the load); their mailboxes
    /// link nothing. 0 when the index came from a snapshot.
    public let mailboxesUnread = Atomic<Int>(0)

    init(
        directory: String, files: SourceFiles, pools: ValuePools, accounts: AccountTable, payments: PaymentTable,
        queries: QueryTable, upstream: UpstreamLinkTable, ipSubnet: [Int32], report: LoadReport
    ) {
        self.directory = directory
        self.files = files
        self.pools = pools
        self.accounts = accounts
        self.payments = payments
        self.queries = queries
        self.upstream = upstream
        self.ipSubnet = ipSubnet
        self.report = report
    }

    /// The number of accounts.
    public var accountCount: Int { accounts.count }

    /// The prompt-template families, found on first use, with the paired prompts
    /// (`TemplateFamilies.pairedPrompts`) counted from the same sketches on the other core
    /// meanwhile (the two read the sketches alone and write only their own results). Nothing
    /// else reads the per-query prompt sketches, so they are freed then (8 bytes a query).
    /// `IndexPhase` asks for them alone, before its wave of jobs, so that the two halves have
    /// both cores.
    public var templateFamilies: TemplateFamilies {
        families.withLock { found in
            if let found { return found }
            let (queries, accountCount, questions) = (self.queries, self.accountCount, pools.questions)
            let halves = ParallelMap.run(2) { job -> (TemplateFamilies?, PairedPrompts?) in
                guard job == 0 else { return (nil, PairedPrompts(queries: queries, accountCount: accountCount)) }
                let made = TemplateFamilies(queries: queries, accountCount: accountCount)
                made.questionPairs = SharedQuestions.pairs(
                    queries: queries, accountCount: accountCount, familyBands: made.familyBands, pool: questions)
                return (made, nil)
            }
            let made = halves[0].0!
            made.pairedPrompts = halves[1].1!
            made.familyBands = []
            queries.promptSketch = ChunkedColumn()
            found = made
            return made
        }
    }

    /// The id string of an account.
    public func accountID(_ account: Int) -> String { pools.accountIDs.string(Int32(account)) }

    /// The index of an account id.
    public func accountIndex(_ id: String) -> Int? { pools.accountIDs.lookup(id).map(Int.init) }

    /// The exact bytes of an account id (`accountID` repairs invalid UTF-8; this never does).
    public func accountExactID(_ account: Int) -> ExactText { ExactText(bytes: pools.accountIDs.bytes(Int32(account))) }

    /// The index of an account id given as exact bytes.
    public func accountIndex(exact id: ExactText) -> Int? {
        pools.accountIDs.lookup(id.bytes).map(Int.init)
    }

    /// The account an id typed or pasted on a command line names: its exact bytes, else the bytes
    /// a displayed form stands for (`TextEscaping.bytes(fromVisible:)`), so an id shown escaped
    /// (`acct\u{200D}x`) can be pasted back. The exact bytes win when both name an account.
    public func accountIndex(given id: ExactText) -> Int? {
        if let exact = accountIndex(exact: id) { return exact }
        guard id.bytes.contains(UInt8(ascii: "\\")), let text = String(validating: id.bytes, as: UTF8.self),
            let unescaped = TextEscaping.bytes(fromVisible: text)
        else { return nil }
        return accountIndex(exact: ExactText(bytes: unescaped))
    }

    /// The other account a given id could mean: when `id` is one account's exact id and, read
    /// as an escaped display form (`\x1b`), another's (an id holding control bytes), that
    /// other account; nil otherwise. `accountIndex(given:)` takes the exact one; a caller says
    /// that it did (a planted look-alike, `acct_\x1b[2J` beside `acct_ESC[2J`, is copied from
    /// a screen as the one and opens the other).
    public func escapedAlternative(given id: ExactText) -> Int? {
        guard let exact = accountIndex(exact: id), id.bytes.contains(UInt8(ascii: "\\")),
            let text = String(validating: id.bytes, as: UTF8.self), let unescaped = TextEscaping.bytes(fromVisible: text),
            let other = accountIndex(exact: ExactText(bytes: unescaped)), other != exact
        else { return nil }
        return other
    }

    /// A label (country, plan, status...) or nil for -1.
    public func label(_ id: Int32) -> String? { id < 0 ? nil : pools.labels.string(id) }
}
