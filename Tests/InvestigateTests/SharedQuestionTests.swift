import Foundation
import Testing
@testable import Investigate

/// The `question` link kind (`SharedQuestions`): the question a prompt asking for reasoning
/// carries (`PromptDigest.question`), held by the accounts that send it, and the `question_bank`
/// signal (`QuestionBankSignal`). A light ring drawing its problems from one bank (each member a
/// few prompts, each problem sent by one or two members, in several scaffolds) is linked by the
/// problems its members share with the scaffolds, and its bank is credited; a class sending one
/// homework question, or two strangers sending one public puzzle, are not made a ring by it.
@Suite struct SharedQuestionTests {
    typealias S = SignalTestSource

    static let asns = (0..<16).map { "AS\(62_000 + $0)" }
    static let browsers = (0..<6).map { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.\(6400 + $0).0" }
    static let frames = [
        "Solve this step by step: {p}", "Think carefully, then give the answer with a detailed chain of thought. {p}",
        "{p}\nWork through it and justify each step before answering.",
    ]

    /// A problem of its own wording: two varied sentences and a question.
    static func problem(_ rng: inout SeededRandom) -> String {
        [PromptMaker.human(&rng), PromptMaker.human(&rng), "How many \(rng.pick(["apples", "trains", "coins", "boxes"])) are left?"]
            .joined(separator: " ")
    }

    /// An ordinary account: its own card and home IP, the population's ISPs and browsers,
    /// `prompts` prompts of varied chat.
    static func person(_ s: inout S, id: String, number: Int, prompts: Int, rng: inout SeededRandom) {
        s.account(.init(id: id, created: "2025-0\(1 + number % 9)-1\(number % 10)T08:00:00Z", email: "\(id)@gmail.com", payment: "card-\(id)"))
        let (asn, agent, ip) = (rng.pick(asns), rng.pick(browsers), "82.\(number / 250).\(number % 250).\(1 + number % 7)")
        for _ in 0..<prompts {
            s.query(
                id, at: S.base + Int64(rng.int(0...2_400_000)) * 1000, prompt: PromptMaker.human(&rng) + " " + PromptMaker.human(&rng),
                input: rng.int(40...200), output: rng.int(100...500), ip: ip, asn: asn, agent: agent)
        }
    }

    /// 800 people and a ring of 40 light members, each sending one to four problems of a bank of
    /// 50 in one of three frames, from its own home IP on the population's ISPs and browsers.
    static func lightRing() throws -> (Investigation, [Int]) {
        var s = S()
        var rng = SeededRandom(seed: 36)
        for i in 0..<800 { person(&s, id: "bg\(i)", number: i, prompts: 6, rng: &rng) }
        let bank = (0..<50).map { _ in problem(&rng) }
        for i in 0..<40 {
            let id = "ring\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T03:00:00Z", email: "\(id)@gmail.com", payment: "card-\(id)"))
            let (asn, ip) = (rng.pick(asns), "93.\(i).\(rng.int(0...250)).9")
            for _ in 0..<rng.int(1...4) {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_400_000)) * 1000, prompt: rng.pick(frames).replacingOccurrences(of: "{p}", with: rng.pick(bank)),
                    input: rng.int(60...200), output: rng.int(1_000...1_600), ip: ip, asn: asn, agent: browsers[0])
            }
        }
        let inv = try s.investigate()
        return (inv, (0..<40).map { inv.data.accountIndex("ring\($0)")! })
    }

    @Test func aLightRingSharingQuestionsIsLinked() throws {
        let (inv, ring) = try Self.lightRing()
        let members = Set(ring)
        // Pairs of members sending one problem share a question value, and with a frame they link.
        var sharing = 0, linked = 0
        for (x, a) in ring.enumerated() {
            for b in ring[(x + 1)...] {
                let evidence = inv.why(a, b)
                guard let question = evidence.shared.first(where: { $0.kind == .question }) else { continue }
                sharing += 1
                #expect(question.sharedBy <= 6 && question.bits > 0)
                if evidence.linked { linked += 1 }
                // The pair view names the question and its weight, like any other kind.
                let lines = inv.explainPair(a, b)
                #expect(lines.contains { $0.contains("both send question tq-") && $0.contains("bits") }, "\(lines)")
            }
        }
        #expect(sharing >= 20, "only \(sharing) member pairs share a question")
        #expect(linked * 2 >= sharing, "\(linked) of \(sharing) pairs sharing a question linked")
        // No person is linked to a member through a question (they send none of the bank).
        for cluster in inv.clusters where cluster.members.contains(where: { members.contains(Int($0)) }) {
            #expect(cluster.members.allSatisfy { members.contains(Int($0)) }, "a ring cluster holds a person")
        }
        // Most of the ring is gathered (without the question kind its members were apart).
        let inClusters = inv.heldIn(ring).filter { inv.clusters[$0.cluster].size >= 3 }.reduce(0) { $0 + $1.holders }
        #expect(inClusters >= 24, "only \(inClusters) of 40 members in clusters of 3 or more")
        // The ring's largest cluster holds a private bank spread thin: credited.
        let largest = try #require(inv.heldIn(ring).max { $0.holders < $1.holders })
        let bank = try #require(inv.clusters[largest.cluster].signals.first { $0.name == "question_bank" })
        #expect(bank.contribution > 0.1, "\(bank)")
        #expect(bank.explanation.contains("that another member asks too and no account outside does"), "\(bank.explanation)")
    }

    /// One question in several scaffolds is one identity; another question is another (other
    /// words or other numbers); a prompt whose every sentence asks for reasoning, or whose
    /// question is no longer than a frame, has none; case does not split a question.
    @Test func aQuestionIsItsWordsWhateverScaffoldWrapsIt() {
        let digest = PromptDigest()
        let problem = "If 12 trains carry 30 boxes each and 4 of them stop at the harbor, how many boxes arrive"
        let scaffolds = [
            "Solve step by step: {p}?", "Think carefully and explain: {p}?", "{p}?\nShow every step of your reasoning before the final answer.",
            "Please work through this problem and justify each step. {p}?", "Question: {p}?\nAnswer with a detailed chain of thought.",
            "You are a patient tutor. {p}? Explain the method in full.",
        ]
        let ids = scaffolds.map { digest.question($0.replacingOccurrences(of: "{p}", with: problem)) }
        #expect(ids.allSatisfy { $0 != 0 && $0 == ids[0] }, "\(ids)")
        // Case is not the question's; its numbers are.
        #expect(digest.question("Solve step by step: " + problem.uppercased() + "?") == ids[0])
        let renumbered = digest.question("Solve step by step: " + problem.replacingOccurrences(of: "12", with: "17") + "?")
        #expect(renumbered != ids[0])
        // Its wording (the high half) is the same: a template's variant, for `question_bank`.
        #expect(renumbered >> 32 == ids[0] >> 32)
        #expect(digest.question("Solve step by step: If 12 trains carry 30 boxes each and 4 of them stop at the bridge, how many boxes arrive?") != ids[0])
        #expect(digest.question("Explain step by step how the algorithm finds the shortest path in the graph.") == 0)
        #expect(digest.question("Solve step by step: how many boxes arrive?") == 0)
    }

    @Test func aClassSharingOneHomeworkQuestionIsNotARing() throws {
        var s = S()
        var rng = SeededRandom(seed: 37)
        for i in 0..<800 { Self.person(&s, id: "bg\(i)", number: i, prompts: 6, rng: &rng) }
        // 40 students, each on their own home network, sending the week's homework question in
        // the teacher's wording once (sent twice, it would be a template family of theirs, which
        // the template kind counts instead), and their own chat.
        let homework = "Exercise 3: which shortest path does Dijkstra's algorithm find from A to F in the graph above? Explain step by step."
        for i in 0..<40 {
            let id = "st\(i)"
            Self.person(&s, id: id, number: 800 + i, prompts: 6, rng: &rng)
            s.query(
                id, at: S.base + Int64(rng.int(0...2_400_000)) * 1000, prompt: homework, input: 30, output: rng.int(300...800),
                ip: "82.\((800 + i) / 250).\((800 + i) % 250).\(1 + (800 + i) % 7)", asn: rng.pick(Self.asns), agent: rng.pick(Self.browsers))
        }
        // Two strangers who each send one public puzzle, word for word.
        let puzzle = "A bat and a ball cost 1.10 in total. The bat costs 1.00 more than the ball. Think step by step: how much is the ball?"
        for (k, id) in ["pa", "pb"].enumerated() {
            Self.person(&s, id: id, number: 900 + k, prompts: 6, rng: &rng)
            s.query(id, at: S.base + Int64(1_000 + k * 90_000) * 1000, prompt: puzzle, ip: "82.3.\(150 + k).2", asn: Self.asns[k], agent: Self.browsers[k])
        }
        let inv = try s.investigate()
        let students = Set((0..<40).map { inv.data.accountIndex("st\($0)")! })
        let question = try #require(inv.index.values(of: students.first!, kind: .question).first)
        #expect(inv.index.shareCount(.question, value: question) == 40)
        // Held by the whole class, the question still counts half a link (few accounts share any
        // question, so the kind's q is small): what keeps the class from being rated a ring is
        // the risk, not the weight.
        #expect(inv.weights.weight(.question, sharedBy: 40) < inv.weights.weight(.question, sharedBy: 2))
        for cluster in inv.clusters where cluster.members.contains(where: { students.contains(Int($0)) }) {
            #expect(cluster.risk < 0.5, "a cluster of \(cluster.size) holding students rated \(cluster.risk)")
            // One question every member holds is no bank spread thin.
            #expect((cluster.signals.first { $0.name == "question_bank" }?.contribution ?? 0) == 0)
        }
        // The puzzle is a question the two strangers share, counted at most half a link: alone, no link.
        let (a, b) = (inv.data.accountIndex("pa")!, inv.data.accountIndex("pb")!)
        let evidence = inv.why(a, b)
        #expect(evidence.shared.contains { $0.kind == .question })
        #expect(!evidence.linked)
        #expect(inv.cluster(ofAccount: a).id != inv.cluster(ofAccount: b).id || inv.cluster(ofAccount: a).size == 1)
    }
}
