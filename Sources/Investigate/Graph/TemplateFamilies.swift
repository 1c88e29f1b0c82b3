/// Prompt-template families: groups of near-duplicate prompts, found from the per-query MinHash
/// bands that `PromptDigest` stored at load time.
///
/// A family is one MinHash band that holds at least a fifth of an account's prompts (and at
/// least two), or eight differently worded ones however many others the account sends
/// (`habitCount`): prompts built on one long scaffold keep landing in the same band, human
/// prompts scatter. Once two accounts have made a band a family that way, one prompt of a
/// light account (fewer than ten) in it is a use too (`lightUses`): the scaffold is established, and a light
/// member of a ring seldom sends two prompts that land in the same band. Such a use links; it
/// does not count in the account's `topShare` or `familyShare` (one prompt shows no habit). Bands are
/// not chained transitively (that would glue every prompt starting "Can you help me" into one
/// family). Only bands seen in more than one query can matter, so a bitmap pass finds those
/// first (its random reads are issued a batch at a time, so their cache misses overlap). A
/// family is a link key once two or more accounts use it. A prompt asking for reasoning has a
/// frame for its second band (`PromptDigest`): a frame family links like any family, but is
/// invisible to how much of an account's prompting is templated (`topShare`, `familyShare`, and
/// the commonest family of `TemplateFamilySignal`): a course's homework wrapper and a lab's
/// harness are frames too, and a frame says who is tied together, not that their prompts are
/// a harvester's.
public final class TemplateFamilies: @unchecked Sendable {
    /// Accounts using each family, as (account, family) pairs.
    private var pairAccounts: [Int32] = []
    private var pairFamilies: [Int32] = []
    /// Queries in each family.
    public private(set) var queryCount: [Int] = []
    /// Stable names (`tf-1a2b3c4d`).
    private var names: [String] = []
    /// For each family, whether it is a frame's band (see `isFrame(family:)`).
    public private(set) var frames: [Bool] = []
    private var idByName: [String: Int32] = [:]
    /// For each account, the share of its prompted queries in its largest family (0 when none).
    /// Kept for the accounts that have a family only (most have none): it stays resident through
    /// clustering and scoring, where a plain column was 4 bytes an account at the run's peak.
    public private(set) var topShare = SparseFloats([], absent: 0)
    /// For each account, the share of its prompted queries in any of its families (an account
    /// alternating two scaffolds holds 100% here and 50% in `topShare`); kept as `topShare` is.
    public private(set) var familyShare = SparseFloats([], absent: 0)

    /// Each account's queries sent as one of a pair across models (`PairedPrompts`): counted
    /// from the same sketches as the families, before they are freed, and kept beside them.
    public internal(set) var pairedPrompts = PairedPrompts()

    /// The families' first-band keys (`bandKeys`), kept until the shared questions are found
    /// (`CaseData.templateFamilies`): a band that is a family links as one, not as a question.
    var familyBands: Set<UInt64> = []
    /// The shared questions' (account, question) pairs (`SharedQuestions`), found from the same
    /// sketches and held until the link index makes them its adjacency (`LinkIndex`), which is
    /// then kept here instead; both nil when restored from a snapshot (the index keeps its own).
    var questionPairs: LinkPairs.Pairs?
    var questionAdjacency: Adjacency?

    /// The number of families shared by at least two accounts.
    public var count: Int { names.count }

    /// The family's stable name.
    public func name(of family: Int32) -> String { family >= 0 && Int(family) < names.count ? names[Int(family)] : "?" }

    /// The family with a name; a name written with leading zeros (`tf-02e42110` for the
    /// `tf-2e42110` the tool prints) is the same family.
    public func id(named name: String) -> Int32? {
        if let id = idByName[name] { return id }
        guard name.hasPrefix("tf-"), let number = UInt64(name.dropFirst(3), radix: 16) else { return nil }
        return idByName["tf-" + String(number, radix: 16)]
    }

    /// Families as a snapshot kept them (`Snapshot/LinkIndex+Snapshot.swift` checks them first).
    init(restoring pairs: LinkPairs.Pairs, queryCount: [Int], names: [String], frames: [Bool], topShare: [Float], familyShare: [Float]) {
        (pairAccounts, pairFamilies, self.queryCount, self.names, self.frames) = (pairs.accounts, pairs.values, queryCount, names, frames)
        (self.topShare, self.familyShare) = (SparseFloats(topShare, absent: 0), SparseFloats(familyShare, absent: 0))
        for (id, name) in names.enumerated() { idByName[name] = Int32(id) }
    }

    /// Finds the families from the prompt sketches (through `CaseData.templateFamilies`, which
    /// frees the sketches afterwards).
    init(queries: QueryTable, accountCount: Int) {
        // About 8 slots per query (two bands each), at least 2^16: few false "seen twice" bands.
        // Two bits per slot, side by side (seen once, seen twice), so a band costs one cache line.
        var bits = 1 << 16
        while bits < queries.count * 8 && bits < 1 << 30 { bits <<= 1 }
        var seen = [UInt64](repeating: 0, count: bits / 32)
        func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: ByteHash.mix(key)) & (bits - 1) }
        func bands(_ sketch: UInt64) -> (UInt64, UInt64) { Self.bandKeys(sketch) }
        // Rows go in batches: their slots' words are fetched together, then marked in order.
        let batch = 32
        var slots = [Int](repeating: 0, count: 2 * batch)
        var touched: UInt64 = 0
        do {
            var marks = seen.mutableSpan
            for first in stride(from: 0, to: queries.count, by: batch) {
                var marked = 0
                for row in first..<min(first + batch, queries.count) {
                    let sketch = queries.promptSketch[row]
                    if sketch == 0 { continue }
                    let (a, b) = bands(sketch)
                    slots[marked] = slot(a)
                    slots[marked + 1] = slot(b)
                    touched ^= marks[slots[marked] >> 5] ^ marks[slots[marked + 1] >> 5]
                    marked += 2
                }
                for k in 0..<marked {
                    // The once bit when clear, else the twice bit.
                    let s = slots[k], shift = UInt64(s & 31) * 2
                    let word = marks[s >> 5]
                    marks[s >> 5] = word | 1 << (shift + (word >> shift & 1))
                }
            }
        }
        func candidate(_ key: UInt64) -> Bool {
            let s = slot(key)
            return seen[s >> 5] >> (UInt64(s & 31) * 2 + 1) & 1 != 0
        }
        // Per account: how many of its prompts fall in each band. A band holding a fifth of an
        // account's prompts (and at least two) is one of its template families.
        let table = KeyTable()
        var keyAccounts: [Int32] = []
        var perAccount: [(account: Int32, key: Int32, count: Int32)] = []
        var topShare = [Float](repeating: 0, count: accountCount)
        var familyShare = [Float](repeating: 0, count: accountCount)
        var counts = BandCounts()
        var qualifying: [UInt64] = []
        // Accounts with too few prompts for a fifth of them to make two: read again once the
        // families are known (`lightUses`).
        var lightAccounts: [Int32] = []
        for account in 0..<accountCount {
            counts.removeAll()
            var prompted = 0
            let rows = queries.accountStart[account]..<queries.accountStart[account + 1]
            // The account's bands' words first, fetched together.
            for i in rows {
                let sketch = queries.promptSketch[i]
                if sketch == 0 { continue }
                let (a, b) = bands(sketch)
                touched ^= seen[slot(a) >> 5] ^ seen[slot(b) >> 5]
            }
            for i in rows {
                let sketch = queries.promptSketch[i]
                if sketch == 0 { continue }
                prompted += 1
                let (a, b) = bands(sketch)
                let exact = (queries.promptFlags(i) & PromptDigest.Flags.exactBits) >> 3
                if candidate(a) { counts.add(a, exact: exact) }
                if candidate(b) { counts.add(b, exact: exact) }
            }
            guard prompted > 0 else { continue }
            if prompted < 2 * Self.shareDivisor { lightAccounts.append(Int32(account)) }
            let floor = Int32(max(2, prompted / Self.shareDivisor))
            qualifying.removeAll(keepingCapacity: true)
            // Scaffolds that only the habit count makes families, counted by their first band (a
            // scaffold's prompts share both of their bands, or a band and a frame): a few, or a
            // question bank (many kinds of question, each sent again and again), which the fifth
            // alone reads.
            var habits = 0
            counts.forEachUnordered { key, count, wordings in
                if count < floor && count >= Self.habitCount && wordings >= Self.habitWordings && Self.isFirstBand(key) { habits += 1 }
            }
            let habitFloor = habits <= Self.habitScaffolds ? Int32(Self.habitCount) : Int32.max
            counts.forEachByKey { key, count, wordings in
                guard count >= floor || (count >= habitFloor && wordings >= Self.habitWordings) else { return }
                qualifying.append(key)
                let (id, added) = table.insert(key)
                if added { keyAccounts.append(0) }
                keyAccounts[Int(id)] += 1
                perAccount.append((Int32(account), id, count))
                if !Self.isFrame(key) { topShare[account] = max(topShare[account], Float(count) / Float(prompted)) }
            }
            // A frame links but is not counted in the shares (`isFrame(family:)`).
            qualifying.removeAll { Self.isFrame($0) }
            if qualifying.count == 1 {
                familyShare[account] = topShare[account]
            } else if qualifying.count > 1 {
                var inFamily = 0
                for i in rows {
                    let sketch = queries.promptSketch[i]
                    if sketch == 0 { continue }
                    let (a, b) = bands(sketch)
                    if qualifying.contains(a) || qualifying.contains(b) { inFamily += 1 }
                }
                familyShare[account] = Float(inFamily) / Float(prompted)
            }
        }
        StringPool.touchedSlots.bitwiseXor(touched, ordering: .relaxed)
        self.topShare = SparseFloats(topShare, absent: 0)
        self.familyShare = SparseFloats(familyShare, absent: 0)
        (topShare, familyShare) = ([], [])
        // A light account's lone prompt in a band two others use as a family is a use of it.
        perAccount += Self.lightUses(
            of: lightAccounts, queries: queries, table: table, keyAccounts: keyAccounts)
        lightAccounts = []
        // Families shared by two or more accounts get dense ids in order of first use.
        var familyOfKey = [Int32](repeating: -1, count: table.count)
        for key in 0..<table.count where keyAccounts[key] >= 2 {
            familyOfKey[key] = Int32(names.count)
            let name = Self.name(ofBand: table.key(at: key))
            idByName[name] = Int32(names.count)
            names.append(name)
            queryCount.append(0)
            frames.append(Self.isFrame(table.key(at: key)))
            if Self.isFirstBand(table.key(at: key)) { familyBands.insert(table.key(at: key)) }
        }
        var lastAccount: Int32 = -1
        var lastFamily: Int32 = -1
        for entry in perAccount {
            let family = familyOfKey[Int(entry.key)]
            guard family >= 0 else { continue }
            if !(entry.account == lastAccount && family == lastFamily) {
                pairAccounts.append(entry.account)
                pairFamilies.append(family)
            }
            lastAccount = entry.account
            lastFamily = family
            queryCount[Int(family)] += Int(entry.count)
        }
    }

    /// A sketch's two bands as table keys (each tagged with its band, so equal halves of the two
    /// bands stay apart).
    static func bandKeys(_ sketch: UInt64) -> (UInt64, UInt64) {
        (sketch >> 32 | 1 << 40, sketch & 0xFFFF_FFFF | (sketch & PromptDigest.frameBit == 0 ? 2 : 3) << 40)
    }

    /// Whether a band key is a sketch's first band (`bandKeys`).
    static func isFirstBand(_ key: UInt64) -> Bool { key >> 40 == 1 }

    /// Whether a band key is a frame's (`PromptDigest`: the fixed words around a reasoning request).
    static func isFrame(_ key: UInt64) -> Bool { key >> 40 == 3 }

    /// Whether `family` is a frame's (the fixed words around a reasoning request, `PromptDigest`).
    public func isFrame(family: Int32) -> Bool { family >= 0 && Int(family) < frames.count && frames[Int(family)] }

    /// A fifth: the share of an account's prompts a band must hold to be one of its families.
    static let shareDivisor = 5
    /// Near-duplicate prompts that make a family whatever else the account sends, when they are
    /// worded differently (`habitWordings`): a design constant about people, who retype one
    /// scaffold a handful of times, not eight. A ring that buries its scaffolds in chaff (three
    /// one-word prompts for each templated one, or ordinary prompts copied from others) holds
    /// each of two alternated scaffolds in an eighth of its prompts, under the fifth; the count
    /// still says habit.
    static let habitCount = 8
    /// Of the eight values of a prompt's exact bits (`PromptDigest.Flags.exactBits`), how many a
    /// band's prompts must show before `habitCount` of them make a family: eight different
    /// prompts show three or fewer about one time in fifty (twelve, one in three thousand), and
    /// one prompt sent again and again (a benchmark item in every sweep, a retried question, a
    /// fingerprint) shows one. The same question many times is not a scaffold many questions
    /// are put in.
    static let habitWordings = 4
    /// How many scaffolds (first bands) the habit count may make families of one account: a ring
    /// alternates a few; an account whose prompts fall in more bands of eight or more, each
    /// under a fifth, sends a bank of question kinds again and again (a lab's benchmark
    /// sweeps), and only the fifth reads it.
    static let habitScaffolds = 3

    /// The (account, family) pairs for the link index.
    func pairs() -> LinkPairs.Pairs {
        var out = LinkPairs.Pairs()
        out.accounts = pairAccounts
        out.values = pairFamilies
        return out
    }
}

/// An open-addressing table from 64-bit keys to dense ids.
final class KeyTable {
    private var keys: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1 << 10)

    var count: Int { keys.count }

    func key(at id: Int) -> UInt64 { keys[id] }

    func insert(_ key: UInt64) -> (Int32, Bool) {
        if let id = find(key) { return (id, false) }
        let id = Int32(keys.count)
        keys.append(key)
        place(key, id)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (i, k) in keys.enumerated() { place(k, Int32(i)) }
        }
        return (id, true)
    }

    func find(_ key: UInt64) -> Int32? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: ByteHash.mix(key)) & mask
        while slots[i] >= 0 {
            if keys[Int(slots[i])] == key { return slots[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    private func place(_ key: UInt64, _ id: Int32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: ByteHash.mix(key)) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = id
    }
}

/// How many of one account's prompts fall in each band: a short list searched in place while an
/// account has few distinct bands (most have a handful), a dictionary past that.
struct BandCounts {
    private var small: [(key: UInt64, count: Int32, wordings: UInt8)] = []
    private var large: [UInt64: (count: Int32, wordings: UInt8)] = [:]
    private static let smallLimit = 32

    mutating func removeAll() {
        small.removeAll(keepingCapacity: true)
        if !large.isEmpty { large.removeAll(keepingCapacity: true) }
    }

    /// Counts one prompt in band `key`; `exact` is its `PromptDigest.Flags.exactBits` (shifted
    /// down), one of eight, so a band also says how many of eight wordings its prompts showed.
    mutating func add(_ key: UInt64, exact: UInt8 = 0) {
        let bit = UInt8(1) << (exact & 7)
        if large.isEmpty {
            for i in small.indices where small[i].key == key {
                small[i].count += 1
                small[i].wordings |= bit
                return
            }
            if small.count < Self.smallLimit {
                small.append((key, 1, bit))
                return
            }
            for entry in small { large[entry.key] = (entry.count, entry.wordings) }
            small.removeAll(keepingCapacity: true)
        }
        large[key, default: (0, 0)].count += 1
        large[key, default: (0, 0)].wordings |= bit
    }

    /// Calls `body` with each band, its count and how many of the eight exact-bit values its
    /// prompts showed, in no particular order.
    func forEachUnordered(_ body: (UInt64, Int32, Int) -> Void) {
        if large.isEmpty {
            for entry in small { body(entry.key, entry.count, entry.wordings.nonzeroBitCount) }
        } else {
            for (key, value) in large { body(key, value.count, value.wordings.nonzeroBitCount) }
        }
    }

    /// Calls `body` with each band, its count and how many of the eight exact-bit values its
    /// prompts showed, in band order (the short list is sorted in place: no array is made per
    /// account).
    mutating func forEachByKey(_ body: (UInt64, Int32, Int) -> Void) {
        if large.isEmpty {
            small.sort { $0.key < $1.key }
            for entry in small { body(entry.key, entry.count, entry.wordings.nonzeroBitCount) }
            return
        }
        for (key, value) in large.sorted(by: { $0.key < $1.key }) { body(key, value.count, value.wordings.nonzeroBitCount) }
    }
}
