/// The layout of a snapshot file (all integers little-endian):
///
/// ```
/// header   64 bytes: magic "INVSNAP1", format version (u32), 0 (u32), snapshot key (32 bytes),
///          16 zero bytes
/// sections the bytes of each section, back to back
/// table    entry count (u32); per entry: name length (u16), name (UTF-8), offset (u64),
///          byte length (u64), SHA-256 of the section's bytes (32 bytes)
/// trailer  56 bytes: table offset (u64), table length (u64), HMAC-SHA256 of header + table
///          under the snapshot folder's key (32 bytes), magic "INVSNEND"
/// ```
///
/// The HMAC binds the table, so it binds every section's digest: a section is trusted only when
/// its bytes hash to the digest the authenticated table holds.
enum SnapshotFormat {
    /// Bumped whenever what a snapshot holds, how it is laid out, or how the clusters it holds
    /// are formed changes (4: clusters split at sparse cuts, `SparseCut`; 5: the population's
    /// category shares, `population.category_shares`; light accounts' template-family uses; 6:
    /// the signals' explanations it keeps say why a signal listed with 0 adds nothing; 7:
    /// co-firing at several scales and pairs proposed by timing, `TimingCandidates`; 8: timing
    /// proposals sampled above a budget, and crowd moments expected, `CoActivity+PopulationPace`;
    /// 9: co-firing expected at each account's pace in the hour around it, `CoActivity+LocalPace`,
    /// and `lockstep_timing` judged against chance at the members' pace, `LockstepChance`; 10: an
    /// operation's tie must be each tied cluster's tooling, held by half its members, `Operation`;
    /// 11: the population's follow-up share, `HumanFollowUps`; 12: each category's queries and
    /// its holders' queries, `CategoryHolders`; 13: `capability_sweep` reads each member's spread
    /// against accounts of similar volume, `CategorySpread`; 14: coordination with no harvest
    /// content is damped, `HarvestContentGate`; 15: a signal that lowers the risk says so in the
    /// explanation it keeps, `SignalZeroReason.explained`; 16: no largest-family column,
    /// `TemplateFamilies`; 17: the explanations it keeps say "how evenly" for a capability sweep
    /// and "a signal at 0" for a zero value; 18: each query's reasoning flag under the lexicon's
    /// one-word "reasoning" and a "step justified", `ReasoningLexicon.standard`; the population's
    /// reasoning share is the mean account's, `PopulationBaseline`; 19: the harvest credit's
    /// yield starts at the population's ratio, `HarvestReturn`; 20: a one-off event of established
    /// accounts is damped, `OneEventGate`; 21 (session 21): each query's reasoning flag under the
    /// idioms `ReasoningLexicon.standard` added, "each step", "show your working", "think out loud"
    /// and the like, and each account's paired prompts and the population's share of them,
    /// `pp.*`, `PairedPrompts`, read by `paired_prompts`); 22 (session 22): `template_share` credits
    /// a family only as far as clustering gathers its holders, `TemplateFamilyReach` (risks and the
    /// explanations kept move); 23 (session 23): a link kind for a shared mailbox, `mailbox`
    /// (`MailboxPairs`), its pool `mailboxes`; `creation_burst` counts every wave of sign-ups
    /// (risks and the explanations kept move); 24 (session 24): the population's share of its
    /// busiest 20 minutes of the day, `dailyConcentration` (a twelfth population scalar, read by
    /// `daily_schedule`), and `no_harvest_content` spares a cluster asking for reasoning (risks
    /// and the explanations kept move); 25 (session 25): each account's hosting share counts the
    /// wider `HostingASNs` list, and `AS 16509` is interned as `AS16509` (one ASN value, not two);
    /// 26 (session 26): co-firing's expectation takes in clocks (`CoActivity.expectedByClocks`),
    /// a clock's firings count once against a group (`CoActivity.collapsingClocks`), and
    /// overwhelming co-firing links a pair alone (`EvidenceWeights.countedTiming`): clusters,
    /// risks and the explanations kept move; an account id longer than 64 KiB is not loaded;
    /// 27 (session 27): an organisation's payer counts when most members it pays for harvest
    /// reasoning (`OrganisationHarvest`): risks and the explanations kept move; 28 (session 29):
    /// members that changed hands add risk and lose their age's credit (`HandoverSignal`); 29
    /// (session 30): a prompt asking for reasoning keeps its frame as its second band
    /// (`PromptDigest`), and each template family says whether it is a frame (`tf.frames`):
    /// families, links, clusters and risks move; 30 (session 31): `HostingASNs` names more hosts,
    /// VPNs and bulletproof providers (account hosting shares move), and a prompt's MinHash leaves
    /// out the bigrams inside a reasoning phrase and reads a word holding a digit as `0`
    /// (`PromptDigest`): families, links, clusters and risks move; 31 (session 32): datacenter IPs
    /// the same accounts hold together are a server pool (`ServerPools`) that a pair counts past
    /// a kind's half a link: links, clusters and risks move; 32 (session 32): the pools are stored
    /// (`weights.server_pools`), not worked out again on restore; 33 (session 33): the population's
    /// output ratio is the median account's (`PopulationBaseline.outputRatio`): risks move; 34
    /// (session 33): the population keeps the prompts a busy account sends (`busyPrompts`, a 13th
    /// scalar), and risks move; 35 (session 33): timing reads only the rows in the activity window
    /// (`ActivityWindow`): `coactivity.cumulative` moves for a source with rows a year's silence
    /// away from the rest; 36 (session 34): members rotating through a private pool of addresses
    /// in many networks add risk (`AddressRotationSignal`; its population bars, `AddressSpread`,
    /// are worked out again on restore, not stored): risks and the explanations kept move;
    /// 38 (session 35): IPv6 networks are written in RFC 5952 form and an IPv4-mapped address
    /// (`::ffff:192.0.2.7`) is in its IPv4 /24 (`IPNetwork`): the `subnets` pool, links,
    /// clusters and risks move; 39 (session 38): account ids are exact bytes (`FieldParsing.accountIDRange`:
    /// ` acct_1` is another account than `acct_1`), and a quoted CSV field holding lines that read
    /// as records is warned of: accounts, their rows and the load report move; 40 (session 39):
    /// prompt sketches ignore default-ignorable characters (`PromptDigest`), and the `ip` and
    /// `user_agent` links join the spellings of one address or client (`SpellingKeys`): families,
    /// links, clusters and risks move; 41 (session 39): look-alike letters mixed into Latin words
    /// read as the ASCII ones in prompt sketches and client link keys (`MixedScriptFolding`);
    /// 42 (session 40): a shared ASN or client counts less for the account that
    /// sends only a part of its traffic with it (`ContextUse`), and accounts whose one-account
    /// client strings start with one product share its family (`LinkKind.clientFamily`, pool
    /// `client_families`): links, clusters and risks move; 43 (session 41): eight differently
    /// worded prompts in one band make a family whatever else the account sends
    /// (`TemplateFamilies.habitCount`), and harvest credit is read on reasoning queries too
    /// (`HarvestReturn`): families, links, clusters and risks move; 44 (session 42): a one-account
    /// client string whose product makes no family joins its shape's (`ClientShape`):
    /// client families, links, clusters and risks move; 45 (session 44): a template family's holders
    /// gather only in groups of three (`TemplateFamilyReach`): risks and ranks move; 46 (session
    /// 44): accounts that sent two or more of the same reasoning questions share them
    /// (`LinkKind.question`, pool `questions`): links, clusters and risks move; 47 (session 46):
    /// shared sittings link (`CoActivity.sittings`) and `template_share` reads roles: links,
    /// clusters and risks move; 48 (session 49): the harvest credit reads answer volume
    /// (`HarvestReturn.volumeCredit`): risks move; a rare model mix ties operations (`OperationFinder`);
    /// 49 (session 50): one subject lowers less where the reasoning is harvested (`OneSubjectHarvest`): risks move.
    /// A change to how clusters are formed or ranked bumps `ClusterTagSources.clusterRules` too
    /// (cluster tags hold under the numbering they were made with).
    static let version: UInt32 = 49
    static let headerMagic = Array("INVSNAP1".utf8)
    static let trailerMagic = Array("INVSNEND".utf8)
    static let headerSize = 64
    static let trailerSize = 56
    /// At most this many sections (a crafted table cannot make the reader allocate much).
    static let maxSections = 4096

    /// The header for a snapshot key.
    static func header(key: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(headerMagic)
        out.u32(version)
        out.u32(0)
        out.bytes(key)
        out.bytes([UInt8](repeating: 0, count: headerSize - out.count))
        return out.data
    }

    /// One section of the table.
    struct Section: Equatable {
        var name: String
        var offset: Int
        var length: Int
        var digest: [UInt8]
    }

    /// The table's bytes.
    static func table(_ sections: [Section]) -> [UInt8] {
        var out = ByteWriter()
        out.u32(UInt32(sections.count))
        for section in sections {
            let name = Array(section.name.utf8)
            out.u16(UInt16(name.count))
            out.bytes(name)
            out.u64(UInt64(section.offset))
            out.u64(UInt64(section.length))
            out.bytes(section.digest)
        }
        return out.data
    }

    /// The sections of a table, each checked to lie within `dataRange`; nil when malformed.
    static func parseTable(_ bytes: [UInt8], dataRange: Range<Int>) -> [String: Section]? {
        var reader = ByteReader(bytes)
        guard let count = reader.u32(), count <= maxSections else { return nil }
        var sections: [String: Section] = [:]
        for _ in 0..<count {
            guard let nameLength = reader.u16(), let nameBytes = reader.bytes(Int(nameLength)),
                let name = String(validating: nameBytes, as: UTF8.self),
                let offset = reader.u64(), let length = reader.u64(), let digest = reader.bytes(32),
                offset <= UInt64(dataRange.upperBound), length <= UInt64(dataRange.upperBound),
                Int(offset) >= dataRange.lowerBound, Int(offset) + Int(length) <= dataRange.upperBound,
                sections[name] == nil
            else { return nil }
            sections[name] = Section(name: name, offset: Int(offset), length: Int(length), digest: digest)
        }
        return reader.atEnd ? sections : nil
    }
}

/// Little-endian integers appended to bytes (no pointers: shifts).
struct ByteWriter {
    private(set) var data: [UInt8] = []
    var count: Int { data.count }

    mutating func bytes(_ more: [UInt8]) { data += more }
    mutating func u16(_ value: UInt16) { for i in 0..<2 { data.append(UInt8(truncatingIfNeeded: value >> (8 * i))) } }
    mutating func u32(_ value: UInt32) { for i in 0..<4 { data.append(UInt8(truncatingIfNeeded: value >> (8 * i))) } }
    mutating func u64(_ value: UInt64) { for i in 0..<8 { data.append(UInt8(truncatingIfNeeded: value >> (8 * i))) } }
}

/// Little-endian integers read from bytes, each bounds-checked (nil past the end).
struct ByteReader {
    private let data: [UInt8]
    private var cursor = 0

    init(_ data: [UInt8]) { self.data = data }

    var atEnd: Bool { cursor == data.count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= data.count - cursor else { return nil }
        defer { cursor += count }
        return Array(data[cursor..<cursor + count])
    }

    private mutating func integer(_ width: Int) -> UInt64? {
        guard width <= data.count - cursor else { return nil }
        var value: UInt64 = 0
        for i in 0..<width { value |= UInt64(data[cursor + i]) << (8 * i) }
        cursor += width
        return value
    }

    mutating func u16() -> UInt16? { integer(2).map { UInt16($0) } }
    mutating func u32() -> UInt32? { integer(4).map { UInt32($0) } }
    mutating func u64() -> UInt64? { integer(8) }
}
