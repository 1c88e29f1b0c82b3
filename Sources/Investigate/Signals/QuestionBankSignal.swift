/// A question bank spread thin: members ask questions that another member asks too and no
/// account outside the cluster does, and each such question is held by a few members of many,
/// as when an operator hands each account a few problems of one private bank (a light hydra:
/// one to six problems a member, each problem sent by one or two members, in several scaffolds).
///
/// Two readings, both needed:
/// - *a private bank*: the share of members holding a question (`SharedQuestions`) that another
///   member holds and no account outside the cluster does, among members that send no more
///   prompts than a busy account (`PopulationBaseline.busyPrompts`): a member handed a few
///   problems is light, where an evaluation team's members each run whole sweeps of one
///   benchmark and meet on its items. A public puzzle or a benchmark item that strangers send
///   too is not private.
/// - *spread thin*: how many times the members outnumber a private question's holders (the
///   members over the mean holders of a private question's wording, its words without its
///   numbers). A class sending one homework question has every member holding it; a course
///   whose problem sets fill a few templates with random numbers has students meeting on a
///   variant now and then, but each template's wording held by most of them (a trial's
///   statistics course: 61 private variants of 5 wordings among 87 students); a bank drawn a few
///   problems at a time has a question's holders a small part of the members.
///
/// Design scale, as `address_rotation`'s: credit starts when half the members hold a private
/// question and is full at nine tenths, and starts when the members outnumber a question's
/// holders twice and is full at six times; up to 0.45, as `paired_prompts` and
/// `reasoning_elicitation` (alone it stays under 0.5: a ring shows it beside asking for reasoning).
public struct QuestionBankSignal: DetectionSignal {
    public let name = "question_bank"
    /// The most it adds.
    static let weight = 0.45

    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3 else { return nil }
        let bank = Self.privateBank(e)
        guard bank.questions > 0 else { return nil }
        let share = Double(bank.members) / Double(e.size)
        let meanHolders = Double(bank.holdings) / Double(bank.wordings)
        let outnumber = Double(e.size) / meanHolders
        let contribution = Self.weight * unit((share - 0.5) / 0.4) * unit((outnumber - 2) / 4)
        return SignalScore(
            name: name, value: share, baseline: 0, contribution: contribution,
            explanation: "\(PairExplanation.count(bank.members, "member")) of \(PairExplanation.grouped(e.size)) "
                + "ask \(PairExplanation.count(bank.questions, "question")) that another member asks too and no account outside does "
                + "(\(PairExplanation.count(bank.wordings, "wording")), numbers aside); each wording is asked by "
                + "\(String(format: "%.1f", meanHolders)) members on average")
    }

    /// The members' private questions: held by two or more members and no account outside
    /// (`questions`), their distinct wordings (`wordings`), each wording's holders (members
    /// holding any of its questions) summed over wordings (`holdings`), and the members holding
    /// one that send no more prompts than a busy account (`members`).
    /// - Complexity: O(the members' (account, question) pairs + questions): a question's holders
    ///   are read only when they do not outnumber the members.
    static func privateBank(_ e: ClusterEvidence) -> (questions: Int, wordings: Int, holdings: Int, members: Int) {
        var asked = Set<Int32>()
        for m in e.members { asked.formUnion(e.index.values(of: Int(m), kind: .question)) }
        guard !asked.isEmpty else { return (0, 0, 0, 0) }
        let members = Set(e.members)
        var questions = 0
        var holding = Set<Int32>()
        var byWording: [UInt32: Set<Int32>] = [:]
        let shared = e.index.families.questions
        for question in asked where e.index.shareCount(.question, value: question) <= members.count {
            let holders = e.index.accounts(sharing: .question, value: question)
            guard holders.count >= 2, holders.allSatisfy(members.contains) else { continue }
            questions += 1
            byWording[shared.wording(of: question), default: []].formUnion(holders)
            holding.formUnion(holders)
        }
        let busy = e.population.busyPrompts
        holding = holding.filter { Double(e.features.prompted[Int($0)]) <= busy }
        let holdings = byWording.values.reduce(0) { $0 + $1.count }
        return (questions, byWording.count, holdings, holding.count)
    }
}
