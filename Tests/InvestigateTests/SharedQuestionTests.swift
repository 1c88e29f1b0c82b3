import Foundation
import Testing
@testable import Investigate

/// Questions several accounts sent (`SharedQuestions`, `LinkKind.question`): a ring drawing its
/// reasoning prompts from one private bank of questions links through them, beside the wrapper
/// it shares; accounts asking their own questions do not; one shared question counts nothing,
/// and a question sent by crowds is no link key. Hand-made accounts whose answer is known.
@Suite struct SharedQuestionTests {
    typealias S = SignalTestSource

    /// A question of its own wording: twenty made-up words (no two questions share a word pair
    /// but by a rare chance).
    static func question(_ rng: inout SeededRandom) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var parts: [String] = []
        for _ in 0..<20 { parts.append(String((0..<6).map { _ in letters[rng.int(0...25)] })) }
        return "How does the " + parts.joined(separator: " ") + " work out"
    }

    /// The ring's wrapper asking for reasoning around a question.
    static func wrapped(_ question: String) -> String { "\(question)? Explain your reasoning step by step before the final answer." }

    /// `count` accounts ("q0"...), each on its own card, home IP, ASN and client, each sending 24
    /// reasoning prompts in one wrapper (a frame family, half a link): questions drawn from
    /// `bank` when given, else its own.
    static func askers(_ s: inout S, prefix: String = "q", count: Int, bank: [String]?, seed: UInt64 = 5) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@mail-\(id).example", payment: "pm-\(id)"))
            for _ in 0..<24 {
                let q = bank.map { $0[rng.int(0...($0.count - 1))] } ?? Self.question(&rng)
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: Self.wrapped(q), input: 60, output: 1500,
                    ip: "77.\(seed).\(i).5", asn: "AS\(3000 + 100 * Int(seed) + i)", agent: "client-\(id)/1.0", category: "math")
            }
        }
    }

    /// Sixty people asking for reasoning about their own questions in their own words (a
    /// population's askers, against whom shared questions are weighed).
    static func others(_ s: inout S) {
        var rng = SeededRandom(seed: 8)
        for i in 0..<60 {
            let id = "p\(i)"
            s.account(.init(id: id, created: "2024-0\(1 + i % 9)-2\(i % 8)T08:00:00Z", email: "\(id)@mail-\(id).example", payment: "pm-\(id)"))
            for _ in 0..<6 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: "Step by step, \(Self.question(&rng))?", input: 60, output: 900,
                    ip: "79.4.\(i).5", asn: "AS\(5000 + i)", agent: "browser-\(i)/2.0", category: "math")
            }
        }
    }

    /// A population (`background` people, `others`' askers) and a ring of 12 ("q0"...) asking
    /// questions from a bank of 40 in one wrapper.
    static func ringOnABank(background: Int) -> S {
        var s = S()
        s.addBackground(count: background)
        Self.others(&s)
        var rng = SeededRandom(seed: 77)
        let bank = (0..<40).map { _ in Self.question(&rng) }
        Self.askers(&s, count: 12, bank: bank)
        return s
    }

    @Test func aPrivateBankOfQuestionsLinksItsAskers() throws {
        let inv = try Self.ringOnABank(background: 200).investigate()
        #expect(inv.index.valueCount(.question) > 0)
        let a = inv.data.accountIndex("q0")!, b = inv.data.accountIndex("q3")!
        let why = inv.why(a, b)
        let questions = why.shared.filter { $0.kind == .question }
        #expect(questions.count >= 2)
        #expect(questions.contains { $0.counted > 0 })
        #expect(why.linked)
        #expect(inv.cluster(ofAccount: a).size == 12)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both sent question q-") })
        // Every question is named by eight hex digits.
        for value in 0..<inv.index.valueCount(.question) {
            let name = inv.index.valueExact(.question, Int32(value)).display
            #expect(name.count == 10 && name.hasPrefix("q-"))
        }
    }

    @Test func accountsAskingTheirOwnQuestionsDoNotLink() throws {
        // The same accounts and wrappers, each asking its own questions: no question is shared,
        // and the wrapper alone is at most half a link.
        var s = S()
        s.addBackground(count: 200)
        Self.others(&s)
        Self.askers(&s, count: 12, bank: nil)
        let inv = try s.investigate()
        let a = inv.data.accountIndex("q0")!, b = inv.data.accountIndex("q3")!
        let why = inv.why(a, b)
        #expect(!why.shared.contains { $0.kind == .question })
        #expect(!why.linked)
        #expect(inv.cluster(ofAccount: a).size == 1)
    }

    @Test func oneSharedQuestionCountsNothing() throws {
        // Two accounts with their own questions, but for one both send, among others asking theirs.
        var s = S()
        s.addBackground(count: 200)
        Self.others(&s)
        Self.askers(&s, prefix: "a", count: 1, bank: nil, seed: 1)
        Self.askers(&s, prefix: "b", count: 1, bank: nil, seed: 2)
        var rng = SeededRandom(seed: 99)
        let common = Self.question(&rng)
        for (id, seed) in [("a0", 1), ("b0", 2)] {
            s.query(
                id, at: S.base + 86_400_000, prompt: Self.wrapped(common), input: 60, output: 1500, ip: "77.\(seed).0.5",
                asn: "AS\(3000 + 100 * seed)", agent: "client-\(id)/1.0", category: "math")
        }
        let inv = try s.investigate()
        let a = inv.data.accountIndex("a0")!, b = inv.data.accountIndex("b0")!
        let why = inv.why(a, b)
        let questions = why.shared.filter { $0.kind == .question }
        #expect(questions.count == 1)
        #expect(questions.allSatisfy { $0.counted == 0 && $0.bits > 0 && $0.loneQuestion })
        #expect(!why.linked)
        #expect(inv.explainPair(a, b).contains { $0.contains("not counted: one shared question is a coincidence strangers meet") })
    }

    @Test func passesOfAnySizeFindTheSameQuestions() throws {
        // The bands are split into passes by a hash: one pass, or passes of 3 rows or of 1, give the same pairs.
        let data = try Self.ringOnABank(background: 40).source().load(strict: true)
        func found(_ rows: Int) -> Set<String> {
            let pool = StringPool()
            let pairs = SharedQuestions.pairs(queries: data.queries, accountCount: data.accountCount, familyBands: [], pool: pool, partitionRows: rows)
            return Set(zip(pairs.accounts, pairs.values).map { "\($0.0) \(pool.string($0.1))" })
        }
        let whole = found(1 << 20)
        #expect(whole.count > 12)
        #expect(found(3) == whole)
        #expect(found(1) == whole)
    }

    @Test func aQuestionSentByACrowdIsNoLinkKey() throws {
        // A question more accounts send than the clustering pairs all of (a viral puzzle) is left
        // out; one a dozen send is kept.
        for (count, kept) in [(SharedQuestions.mostHolders + 12, false), (12, true)] {
            var s = S()
            s.addBackground(count: 40)
            var rng = SeededRandom(seed: 3)
            let viral = Self.question(&rng)
            for i in 0..<count {
                let id = "v\(i)"
                s.account(.init(id: id, email: "\(id)@mail\(i).example", payment: "pm-\(id)"))
                s.query(id, at: S.base + Int64(i) * 60_000, prompt: Self.wrapped(viral), ip: "78.1.\(i).5", category: "math")
            }
            let inv = try s.investigate()
            #expect((inv.index.valueCount(.question) > 0) == kept)
        }
    }
}
