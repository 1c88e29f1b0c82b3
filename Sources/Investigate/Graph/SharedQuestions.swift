/// The questions accounts send inside reasoning frames: the `question` link kind.
///
/// A prompt asking for reasoning has two bands (`PromptDigest`): its frame (the fixed words
/// around the step-by-step request) and a MinHash band over its word pairs, which the question
/// inside the frame dominates. Two accounts wrapping the same question, whichever frames they
/// use, usually share that band (always with one frame, about half the time or more across
/// frames of a few words, as the frame's own word pairs dilute it). A band held by two accounts
/// of thousands is a question only they were given: a ring drawing its problems from one bank
/// (`blender_hydra.py`'s light hydra: members sending one to six problems each, each problem sent
/// by one or two members, in six scaffolds) shares nothing else that rare. A question a class or a
/// benchmark's users all send is held by many and weighs little, as every kind's values do
/// (`EvidenceWeights`); a kind strangers share, it counts at most half a link, so it links with a
/// second kind (the frame family, a network, a client).
///
/// Only prompts asking for reasoning (those with a frame) are read: the first band of a plain
/// prompt is the whole prompt's, and short chat in a small vocabulary meets another's by chance
/// (read on every prompt, blender seed 7's background chat joined 50 people to its blender ring).
///
/// Only bands two or more accounts send are kept (a bitmap of bands seen twice, shared with
/// `TemplateFamilies`, finds them), and a band that is a template family already (a long fixed
/// scaffold around a short question) is the template kind's, not counted twice. Per account a
/// question is one value however often it was sent: nothing per query outlives the sketches.
public struct SharedQuestions: Sendable {
    /// (account, question) pairs, by ascending account.
    private(set) var pairAccounts: [Int32] = []
    private(set) var pairQuestions: [Int32] = []
    /// Stable names (`tq-1a2b3c4d`: the band's value).
    private(set) var names: [String] = []
    private var idByName: [String: Int32] = [:]

    /// None (a source without prompts asking for reasoning).
    public init() {}

    /// Questions as a snapshot kept them (checked by the reader).
    init(restoring accounts: [Int32], questions: [Int32], names: [String]) {
        (pairAccounts, pairQuestions, self.names) = (accounts, questions, names)
        for (id, name) in names.enumerated() { idByName[name] = Int32(id) }
    }

    /// The questions from each account's candidate bands (`Collector`), less the bands that are
    /// template families (`isFamily`).
    init(collected: Collector, isFamily: (UInt64) -> Bool) {
        var idOfKey = [Int32](repeating: -1, count: collected.table.count)
        for key in 0..<collected.table.count where collected.holders[key] >= 2 {
            let band = collected.table.key(at: key)
            if isFamily(band) { continue }
            idOfKey[key] = Int32(names.count)
            let name = Self.name(ofBand: band)
            idByName[name] = Int32(names.count)
            names.append(name)
        }
        for (account, key) in zip(collected.accounts, collected.keys) where idOfKey[Int(key)] >= 0 {
            pairAccounts.append(account)
            pairQuestions.append(idOfKey[Int(key)])
        }
    }

    /// How many questions two or more accounts send.
    public var count: Int { names.count }

    /// The question's stable name.
    public func name(of question: Int32) -> String { question >= 0 && Int(question) < names.count ? names[Int(question)] : "?" }

    /// The question with a name (leading zeros after `tq-` allowed).
    public func id(named name: String) -> Int32? {
        if let id = idByName[name] { return id }
        guard name.hasPrefix("tq-"), let number = UInt64(name.dropFirst(3), radix: 16) else { return nil }
        return idByName["tq-" + String(number, radix: 16)]
    }

    /// The (account, question) pairs for the link index.
    func pairs() -> LinkPairs.Pairs {
        var out = LinkPairs.Pairs()
        out.accounts = pairAccounts
        out.values = pairQuestions
        return out
    }

    static func name(ofBand key: UInt64) -> String { "tq-" + String(key & 0xFFFF_FFFF, radix: 16) }

    /// Gathers each account's distinct first bands of its prompts asking for reasoning, as
    /// `TemplateFamilies` reads the sketches account after account.
    struct Collector {
        let table = KeyTable()
        /// Accounts holding each band (by table id).
        var holders: [Int32] = []
        /// (account, band id) entries, by ascending account.
        var accounts: [Int32] = []
        var keys: [Int32] = []
        private var bands: [UInt64] = []

        /// Notes one account's question bands: `sketches` are its rows' sketches, `candidate`
        /// says whether a band key was seen twice in the population.
        mutating func add(account: Int32, sketches: some Sequence<UInt64>, candidate: (UInt64) -> Bool) {
            bands.removeAll(keepingCapacity: true)
            for sketch in sketches where sketch & PromptDigest.frameBit != 0 {
                let key = TemplateFamilies.bandKeys(sketch).0
                if candidate(key) { bands.append(key) }
            }
            guard !bands.isEmpty else { return }
            bands.sort()
            var last: UInt64? = nil
            for key in bands where key != last {
                last = key
                let (id, added) = table.insert(key)
                if added { holders.append(0) }
                holders[Int(id)] += 1
                accounts.append(account)
                keys.append(id)
            }
        }
    }
}
