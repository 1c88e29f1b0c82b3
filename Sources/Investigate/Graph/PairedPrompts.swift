/// Paired prompts: a query is *paired* when another account sent the same prompt to a different
/// model within `windowMillis` of it. Two models' answers to one prompt, taken side by side, are
/// what preference (comparison, DPO) training data is made of; an evaluation lab comparing two
/// models from one account is not counted (the other row must be another account's), and two
/// strangers sending "hi" at the same second now and then are rare next to an account whose every
/// prompt is paired (the signal reads the share against the population's, `PairedPromptsSignal`).
///
/// "The same prompt" is the same prompt sketch (`PromptDigest`: the same words up to ASCII letter
/// case, digit runs and quoted spans) with the same three bits of a hash of the exact bytes
/// (`PromptDigest.Flags.exactBits`), or the same `prompt_fingerprint` when only that was logged.
/// The sketch alone is not enough: a lab sending one benchmark's numbered items to several models
/// from several accounts at once has 31-38% of its rows on one sketch with another account's on
/// another model within 5 s (source 14's reasoning lab), and 0.03-0.05% with the same bytes. With
/// the three bits, two prompts that differ only in their numbers pass one time in eight, and a
/// row with more than `crowdLimit` other accounts' rows of its sketch around it is a broadcast,
/// not a pair, so many neighbours cannot make up for the few bits.
/// The count is taken from the sketches before template families free them
/// (`CaseData.templateFamilies`), a partition at a time: each pass keeps the prompted rows whose
/// sketch hashes into one partition (about `partitionRows` of them, 32 bytes each), sorts those
/// whose sketch another has by (sketch, time) (`sortRepeatedSketches`), and sweeps each
/// sketch's rows with a window. Nothing per query outlives the pass: per account only the number
/// of its paired queries is kept, for the accounts that have one (most have none). At 10M
/// prompted rows that is 20 passes over the sketches, each sorting the repeated sketches'
/// entries among about half a million (16 MiB).
public struct PairedPrompts: Sendable {
    /// Two rows this close in time (ms) are sent together: the co-firing window.
    public static let windowMillis: Int64 = 5_000
    /// About this many prompted rows sorted at once (design: 16 MiB of entries per pass).
    static let partitionRows = 1 << 19
    /// Neighbours compared at most on each side of a row (bounds a sketch sent many times a
    /// second by one account; a design guard, never reached by the sources measured).
    static let scanLimit = 512
    /// At most this many other accounts' rows of the sketch within the window: a pair, or a
    /// comparison of up to four models, not a broadcast. A class, a CI fleet or a scheduler
    /// sending one template to many accounts' models at once is co-firing (read elsewhere), and
    /// their prompts differ in what the sketch folds, which three exact bits cannot tell apart
    /// among dozens of neighbours (source mixed 5k seed 7's CI company: 40 accounts, one
    /// template sent at once, 97% of rows on one sketch with another account's on another model,
    /// 44% with the same three bits, 0.07% once crowds are left out). A design constant.
    static let crowdLimit = 3

    /// Accounts with at least one paired query, ascending, and their counts.
    private(set) var accounts: [Int32] = []
    private(set) var counts: [Int32] = []
    /// The mean account's share of paired queries among its prompted ones (accounts with
    /// prompts each weigh one, as the template and reasoning baselines do).
    public private(set) var populationShare = 0.0

    /// None measured (a source without prompts, or one restored before this count existed).
    public init() {}

    /// Counts restored from a snapshot (checked by the reader).
    init(restoring accounts: [Int32], counts: [Int32], populationShare: Double) {
        (self.accounts, self.counts, self.populationShare) = (accounts, counts, populationShare)
    }

    /// The number of an account's queries that are paired.
    public func count(of account: Int) -> Int {
        var low = 0, high = accounts.count
        let key = Int32(truncatingIfNeeded: account)
        while low < high {
            let mid = (low + high) / 2
            if accounts[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < accounts.count && accounts[low] == key ? Int(counts[low]) : 0
    }

    /// The number of accounts with a paired query.
    public var pairedAccounts: Int { accounts.count }

    private struct Entry {
        var sketch: UInt64
        var time: Int64
        var account: Int32
        /// The row's context, whose model is read only for a sketch of two or more rows (most
        /// sketches are one row's, and the contexts' model column is a cache miss a row).
        var context: Int32
        /// `PromptDigest.Flags.exactBits` of the row.
        var exact: UInt8
    }

    /// Counts every account's paired queries from the prompt sketches (still held), about
    /// `partitionRows` prompted rows a pass.
    init(queries q: QueryTable, accountCount: Int, partitionRows: Int = PairedPrompts.partitionRows) {
        guard q.promptSketch.count == q.count, q.count > 0 else { return }
        var prompted = 0
        var promptedAccounts = 0
        for account in 0..<accountCount {
            var any = false
            for row in q.accountStart[account]..<q.accountStart[account + 1] where q.promptSketch[row] != 0 {
                prompted += 1
                any = true
            }
            if any { promptedAccounts += 1 }
        }
        guard prompted >= 2 else { return }
        let parts = UInt64(max(1, (prompted + partitionRows - 1) / partitionRows))
        var paired: [Int32: Int32] = [:]
        var entries: [Entry] = []
        var seen: [UInt64] = [], again: [UInt64] = []
        entries.reserveCapacity(min(prompted, partitionRows + partitionRows / 4))
        for part in 0..<parts {
            entries.removeAll(keepingCapacity: true)
            for account in 0..<accountCount {
                for row in q.accountStart[account]..<q.accountStart[account + 1] {
                    let sketch = q.promptSketch[row]
                    guard sketch != 0, parts == 1 || Self.partition(sketch, of: parts) == part else { continue }
                    entries.append(
                        Entry(
                            sketch: sketch, time: q.timestamp(row), account: Int32(account),
                            context: q.context[row],
                            exact: q.promptFlags(row) & PromptDigest.Flags.exactBits))
                }
            }
            Self.sortRepeatedSketches(&entries, seen: &seen, again: &again)
            Self.sweep(entries, model: { q.contexts.model[Int($0)] }) { paired[$0, default: 0] += 1 }
        }
        entries = []
        let sorted = paired.sorted { $0.key < $1.key }
        accounts = sorted.map(\.key)
        counts = sorted.map(\.value)
        // The mean account's share: accounts without a paired query add 0.
        var shares = 0.0
        for (account, count) in zip(accounts, counts) {
            var own = 0
            for row in q.accountStart[Int(account)]..<q.accountStart[Int(account) + 1] where q.promptSketch[row] != 0 { own += 1 }
            shares += Double(count) / Double(max(own, 1))
        }
        populationShare = promptedAccounts > 0 ? shares / Double(promptedAccounts) : 0
    }

    /// The pass that takes a sketch's rows: its mixed hash scaled to `0..<parts` by a multiply
    /// and a shift, not a division (every pass reads every row, and a 64-bit division per row
    /// cost about a sixth of the count's own time). All rows of a sketch land in one pass,
    /// whichever it is.
    @inline(__always)
    static func partition(_ sketch: UInt64, of parts: UInt64) -> UInt64 {
        ((ByteHash.mix(sketch) >> 32) &* parts) >> 32
    }

    /// Sorts the pass's entries by (sketch, time), after dropping those whose sketch no other
    /// entry of the pass has (most rows: a prompt sent once pairs with nothing). Two bit tables
    /// of 8 to 16 bits an entry, indexed by low bits of the sketch's mixed hash (the pass took the
    /// high bits), mark the slots seen once and seen again; an entry is kept when its slot was
    /// seen again, so a sketch of two or more rows is always kept and a lone one only when it
    /// shares a slot (at most about one in eight). A full sort of half a million 32-byte entries
    /// was more than half the count's time at 10M queries; the entries kept keep their order,
    /// and the sort is stable, so the sweep sees what it saw before.
    private static func sortRepeatedSketches(_ entries: inout [Entry], seen: inout [UInt64], again: inout [UInt64]) {
        guard entries.count >= 2 else { return }
        let bits = max(6, min(26, Int.bitWidth - entries.count.leadingZeroBitCount + 3))
        let mask = UInt64(1 << bits) - 1
        seen.removeAll(keepingCapacity: true)
        again.removeAll(keepingCapacity: true)
        seen.append(contentsOf: repeatElement(0, count: 1 << (bits - 6)))
        again.append(contentsOf: repeatElement(0, count: 1 << (bits - 6)))
        for entry in entries {
            let slot = Int(truncatingIfNeeded: ByteHash.mix(entry.sketch) & mask)
            let bit: UInt64 = 1 << UInt64(slot & 63)
            again[slot >> 6] |= seen[slot >> 6] & bit
            seen[slot >> 6] |= bit
        }
        entries.removeAll { entry in
            let slot = Int(truncatingIfNeeded: ByteHash.mix(entry.sketch) & mask)
            return again[slot >> 6] & (1 << UInt64(slot & 63)) == 0
        }
        entries.sort { $0.sketch != $1.sketch ? $0.sketch < $1.sketch : $0.time < $1.time }
    }

    /// Calls `body` with the account of each paired entry (entries sorted by sketch, then time):
    /// within the window, another account's entry of the same sketch and exact bits is on a
    /// different known model (`model` of its context), and at most `crowdLimit` entries of the
    /// sketch are other accounts'.
    private static func sweep(_ entries: [Entry], model: (Int32) -> Int32, _ body: (Int32) -> Void) {
        var start = 0
        var models: [Int32] = []
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].sketch == entries[start].sketch { end += 1 }
            if end - start >= 2 {
                models.removeAll(keepingCapacity: true)
                for i in start..<end { models.append(model(entries[i].context)) }
                var low = start
                for i in start..<end {
                    let e = entries[i], eModel = models[i - start]
                    while entries[low].time < e.time - windowMillis { low += 1 }
                    guard eModel >= 0 else { continue }
                    var j = max(low, i - scanLimit)
                    let last = min(end, i + scanLimit + 1)
                    var others = 0
                    var matched = false
                    while j < last && entries[j].time <= e.time + windowMillis && others <= crowdLimit {
                        let other = entries[j]
                        if other.account != e.account {
                            others += 1
                            let otherModel = models[j - start]
                            if other.exact == e.exact && otherModel >= 0 && otherModel != eModel { matched = true }
                        }
                        j += 1
                    }
                    if matched && others <= crowdLimit { body(e.account) }
                }
            }
            start = end
        }
    }
}
