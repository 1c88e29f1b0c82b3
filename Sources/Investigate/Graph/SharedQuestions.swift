import ByteCore
import Synchronization

/// Questions several accounts sent (`LinkKind.question`): prompts of different accounts that
/// land in one first band of their sketch (`PromptDigest`: a MinHash over the prompt's word
/// pairs, so the same question worded alike, whatever wrapper or numbers it carries, usually
/// does), where that band is no account's template family (those link as `template`). A ring
/// drawing its questions from one private bank sends each of them from a few of its accounts;
/// strangers share a popular question now and then, and its weight, read from how many
/// accounts sent it (`EvidenceWeights`), says how often.
///
/// Read from prompts that ask for reasoning only (`PromptDigest.Flags.reasoning`: what a harvest
/// sends; every generator's people share short everyday questions, and read from every prompt
/// they glued strangers by the hundred). Found from the sketches before template families free
/// them (`CaseData.templateFamilies`), a partition of bands at a time (about `partitionRows` such
/// rows a pass, 8 bytes each), as `PairedPrompts` counts. A question sent by more than
/// `mostHolders` accounts is not kept: it would weigh next to nothing, and its list would be the
/// index's largest.
struct SharedQuestions {
    /// About this many prompted rows sorted at once (design: 8 MiB of keys per pass).
    static let partitionRows = 1 << 20
    /// A question sent by more accounts than this is not a link key (design: the clustering's
    /// block size, `EvidenceClusterer.blockSize`, where a value stops proposing all its pairs).
    static let mostHolders = 48

    /// Serialises interning into the shared pool (an index built twice over one source, as
    /// tests do, interns the same names again).
    private static let poolLock = Mutex(())

    /// A question's name: `q-` and its band as eight hex digits.
    static func name(ofBand band: UInt32) -> [UInt8] {
        let hex = String(band, radix: 16)
        return Array(("q-" + String(repeating: "0", count: 8 - hex.count) + hex).utf8)
    }

    /// The (account, question) pairs of every question two to `mostHolders` accounts sent, sorted
    /// by account then question and unique, the questions interned in `pool`; `familyBands` are
    /// the first-band keys (`TemplateFamilies.bandKeys`) that are families, left out.
    /// - Complexity: O(prompted rows × passes + prompted rows log rows) time.
    static func pairs(
        queries q: QueryTable, accountCount: Int, familyBands: Set<UInt64>, pool: StringPool,
        partitionRows: Int = SharedQuestions.partitionRows
    ) -> LinkPairs.Pairs {
        var out = LinkPairs.Pairs()
        guard q.promptSketch.count == q.count, q.count > 0 else { return out }
        // Only prompts asking for reasoning are read: the passes are sized by them.
        func asks(_ row: Int) -> Bool { q.promptFlags(row) & PromptDigest.Flags.reasoning != 0 && q.promptSketch[row] != 0 }
        var prompted = 0
        for row in 0..<q.count where asks(row) { prompted += 1 }
        guard prompted >= 2 else { return out }
        let parts = UInt64(max(1, (prompted + partitionRows - 1) / partitionRows))
        var keys: [UInt64] = []
        keys.reserveCapacity(min(prompted, partitionRows + partitionRows / 4))
        var found: [(account: Int32, band: UInt32)] = []
        for part in 0..<parts {
            keys.removeAll(keepingCapacity: true)
            for account in 0..<min(accountCount, q.accountStart.count - 1) {
                for row in q.accountStart[account]..<q.accountStart[account + 1] {
                    guard asks(row) else { continue }
                    let sketch = q.promptSketch[row]
                    let band = sketch >> 32
                    guard parts == 1 || PairedPrompts.partition(band, of: parts) == part else { continue }
                    if !familyBands.isEmpty && familyBands.contains(TemplateFamilies.bandKeys(sketch).0) { continue }
                    keys.append(band << 32 | UInt64(UInt32(account)))
                }
            }
            keys.sort()
            var at = 0
            while at < keys.count {
                let band = keys[at] >> 32
                var next = at
                var holders = 0
                var previous = UInt64.max
                while next < keys.count && keys[next] >> 32 == band {
                    if keys[next] != previous { holders += 1 }
                    previous = keys[next]
                    next += 1
                }
                if holders >= 2 && holders <= mostHolders {
                    previous = UInt64.max
                    for k in at..<next where keys[k] != previous {
                        found.append((Int32(truncatingIfNeeded: keys[k] & 0xFFFF_FFFF), UInt32(band)))
                        previous = keys[k]
                    }
                }
                at = next
            }
        }
        // Sorted by account then question, for the sparse adjacency (`Adjacency(sortedPairs:)`:
        // few accounts ask for reasoning, and a column of every account's start would cost more
        // than the questions).
        var sorted: [UInt64] = []
        sorted.reserveCapacity(found.count)
        poolLock.withLock { _ in
            var ids: [UInt32: Int32] = [:]
            for entry in found {
                let id = ids[entry.band] ?? pool.intern(name(ofBand: entry.band))
                ids[entry.band] = id
                sorted.append(UInt64(UInt32(bitPattern: entry.account)) << 32 | UInt64(UInt32(bitPattern: id)))
            }
        }
        found = []
        sorted.sort()
        for key in sorted { out.add(Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)) }
        return out
    }
}
