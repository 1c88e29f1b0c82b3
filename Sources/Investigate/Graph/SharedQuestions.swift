/// The questions accounts send inside prompts asking for reasoning: the `question` link kind.
///
/// A question's identity is exact (`PromptDigest.question`: the prompt's longest segment holding
/// no reasoning phrase, its words normalised and hashed in order), so one question sent in
/// several scaffolds is one value and two different questions do not meet by chance. A question
/// held by two accounts of thousands is one only they were given: a ring drawing its problems
/// from one bank (`blender_hydra.py`'s light hydra: members sending one to six problems each,
/// each problem sent by one or two members, in six scaffolds) shares nothing else that rare. A
/// question a class or a benchmark's users all send is held by many and weighs little, as every
/// kind's values do (`EvidenceWeights`), and its weight is taken among the accounts that ask
/// questions at all (`askers`), as the model mix's is among its holders: a question shared by 40
/// of the 300 accounts asking for reasoning is common, however large the population. A kind
/// strangers share, it counts at most half a link, so it links with a second kind (the frame
/// family, a network, a client).
///
/// Only questions two or more accounts send are kept (a bitmap of keys seen twice, shared with
/// `TemplateFamilies`, finds them). Per account a question is one value however often it was
/// sent: nothing per query outlives the sketches.
public struct SharedQuestions: Sendable {
    /// (account, question) pairs, by ascending account.
    private(set) var pairAccounts: [Int32] = []
    private(set) var pairQuestions: [Int32] = []
    /// Stable names (`tq-1a2b3c4d`: the question identity).
    private(set) var names: [String] = []
    private var idByName: [String: Int32] = [:]
    /// Each question's wording (its words without its numbers, `PromptDigest.question`).
    private(set) var wordings: [UInt32] = []
    /// For each question, the accounts holding any question of its wording (`wordingHolders`).
    private var wordingCounts: [Int32] = []
    /// Accounts with at least one question (shared or not): the population a question's
    /// u-probability is taken in.
    public private(set) var askers = 0

    /// None (a source without prompts asking for reasoning).
    public init() {}

    /// Questions as a snapshot kept them (checked by the reader).
    init(restoring accounts: [Int32], questions: [Int32], names: [String], wordings: [UInt32], askers: Int) {
        (pairAccounts, pairQuestions, self.names, self.wordings, self.askers) = (accounts, questions, names, wordings, askers)
        for (id, name) in names.enumerated() { idByName[name] = Int32(id) }
        countWordingHolders()
    }

    /// The questions two or more accounts hold, from each account's candidates (`Collector`).
    init(collected: Collector) {
        askers = collected.askers
        var idOfKey = [Int32](repeating: -1, count: collected.table.count)
        for key in 0..<collected.table.count where collected.holders[key] >= 2 {
            idOfKey[key] = Int32(names.count)
            let name = Self.name(ofKey: collected.table.key(at: key))
            idByName[name] = Int32(names.count)
            names.append(name)
            wordings.append(collected.wordings[key])
        }
        for (account, key) in zip(collected.accounts, collected.keys) where idOfKey[Int(key)] >= 0 {
            pairAccounts.append(account)
            pairQuestions.append(idOfKey[Int(key)])
        }
        countWordingHolders()
    }

    /// How many accounts hold a question of `question`'s wording (at least its own holders).
    /// Its evidence is taken at this count (`LinkIndex.shareCount`): two accounts meeting on one
    /// variant of a problem template filled with random numbers (a course's problem set) meet by
    /// chance about as often as the template's users are many; for a question worded like no
    /// other it is its own holders.
    public func wordingHolders(of question: Int32) -> Int {
        question >= 0 && Int(question) < wordingCounts.count ? Int(wordingCounts[Int(question)]) : 0
    }

    /// Fills `wordingCounts` from the pairs (by ascending account).
    private mutating func countWordingHolders() {
        var holders: [UInt32: Int32] = [:], lastAccount: [UInt32: Int32] = [:]
        for (account, question) in zip(pairAccounts, pairQuestions) where Int(question) < wordings.count {
            let wording = wordings[Int(question)]
            if lastAccount[wording] != account {
                lastAccount[wording] = account
                holders[wording, default: 0] += 1
            }
        }
        wordingCounts = wordings.map { holders[$0] ?? 0 }
    }

    /// How many questions two or more accounts send.
    public var count: Int { names.count }

    /// The question's wording: equal for one question's variants with other numbers.
    public func wording(of question: Int32) -> UInt32 { question >= 0 && Int(question) < wordings.count ? wordings[Int(question)] : 0 }

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

    static func name(ofKey key: UInt64) -> String { "tq-" + String(key & 0xFFFF_FFFF, radix: 16) }

    /// A question identity as a key of `TemplateFamilies`' seen-twice bitmap and of `Collector`'s
    /// table (tagged apart from the bands' keys).
    static func key(_ question: UInt64) -> UInt64 { question & 0xFFFF_FFFF | 4 << 40 }

    /// Gathers each account's distinct questions, as `TemplateFamilies` reads the accounts.
    struct Collector {
        let table = KeyTable()
        /// Accounts holding each question (by table id).
        var holders: [Int32] = []
        /// Each question's wording (by table id).
        var wordings: [UInt32] = []
        /// (account, question id) entries, by ascending account.
        var accounts: [Int32] = []
        var keys: [Int32] = []
        /// Accounts with at least one question.
        var askers = 0
        /// (key, wording) of the account's candidate questions.
        private var found: [(key: UInt64, wording: UInt32)] = []

        /// Notes one account's questions (0 for a row without one); `candidate` says whether a
        /// key was seen twice in the population.
        mutating func add(account: Int32, questions: some Sequence<UInt64>, candidate: (UInt64) -> Bool) {
            found.removeAll(keepingCapacity: true)
            var asked = false
            for question in questions where question != 0 {
                asked = true
                let key = SharedQuestions.key(question)
                if candidate(key) { found.append((key, UInt32(truncatingIfNeeded: question >> 32))) }
            }
            if asked { askers += 1 }
            guard !found.isEmpty else { return }
            found.sort { $0.key < $1.key }
            var last: UInt64? = nil
            for (key, wording) in found where key != last {
                last = key
                let (id, added) = table.insert(key)
                if added {
                    holders.append(0)
                    wordings.append(wording)
                }
                holders[Int(id)] += 1
                accounts.append(account)
                keys.append(id)
            }
        }
    }
}
