import Foundation
import Testing
@testable import Investigate

/// A prompt asking for reasoning keeps its frame (the five words at the end where the request
/// is) as its second band: a fixed wrapper around varied questions is one family, which links
/// its accounts, but is no share of templated prompts (`template_share`); a
/// prompt that asks for nothing keeps two MinHash bands (a plugin's header is no frame).
@Suite struct FrameBandTests {
    typealias S = SignalTestSource

    static let questions = [
        "A tank fills in 7 hours through pipe A and empties in 9 hours through pipe B; with both open, how long does it take to fill?",
        "How many ways can 11 people sit at a round table if two of them refuse to sit together?",
        "Why does ice float on water when most solids sink in their own liquid?",
        "Find all integer solutions of 12x + 33y = 990 and say how you know there are no others.",
        "Implement union-find with path compression in Rust and analyse its amortised time complexity.",
        "What is the remainder when 17 to the power 45 is divided by 13?",
    ]

    static func band(_ sketch: UInt64) -> UInt64 { sketch & 0xFFFF_FFFF }

    @Test func aWrapperKeepsOneFrameWhateverItCarries() {
        let digest = PromptDigest()
        let before = Self.questions.map { digest.digest("Please solve this and explain your full reasoning step by step: " + $0).sketch }
        #expect(Set(before.map(Self.band)).count == 1)
        #expect(before.allSatisfy { $0 & PromptDigest.frameBit != 0 })
        // Its whole-prompt band mostly differs from question to question.
        #expect(Set(before.map { $0 >> 32 }).count > 1)
        // A wrapper after the question: the closing words are the frame.
        let after = Self.questions.map { digest.digest($0 + "\nExplain the reasoning in detail, step by step.").sketch }
        #expect(Set(after.map(Self.band)).count == 1)
        #expect(Self.band(after[0]) != Self.band(before[0]))
    }

    @Test func aShortWrapperStopsWhereItsRequestStops() {
        let digest = PromptDigest()
        // The request ends at the fourth word: the question's first word is not the frame's.
        let opening = Self.questions.map { digest.digest("Explain with complete reasoning: " + $0).sketch }
        #expect(Set(opening.map(Self.band)).count == 1)
        #expect(opening.allSatisfy { $0 & PromptDigest.frameBit != 0 })
        // A short request after the question: its last words, not the question's end.
        let closing = Self.questions.map { digest.digest($0 + " Justify it, please.").sketch }
        #expect(Set(closing.map(Self.band)).count == 1)
        // A bare common request has no words of its own to stand on: its frame keeps the five
        // words, question's included, so not every account using the phrase makes one family.
        for wrapper in ["Justify: ", "Explain step by step: "] {
            let bare = Self.questions.map { digest.digest(wrapper + $0).sketch }
            #expect(Set(bare.map(Self.band)).count > 1)
        }
        let closingBare = Self.questions.map { digest.digest($0 + " Think step by step.").sketch }
        #expect(Set(closingBare.map(Self.band)).count > 1)
        // Two wrappers ending in one request phrase stay two frames.
        let other = digest.digest("Answer with complete reasoning: " + Self.questions[0]).sketch
        #expect(Self.band(other) != Self.band(opening[0]))
    }

    @Test func aPromptAskingForNothingKeepsTwoMinHashBands() {
        let digest = PromptDigest()
        let header = Self.questions.map { digest.digest("DeckPilot outline. Audience: board. Topic: " + $0).sketch }
        #expect(header.allSatisfy { $0 & PromptDigest.frameBit == 0 })
        #expect(Set(header.map(Self.band)).count > 1)
        // A fingerprint's sketch is never a frame.
        #expect(digest.digest(fingerprint: Array("9f2c41aa".utf8).span).sketch & PromptDigest.frameBit == 0)
    }

    /// `count` accounts (`prefix0` ...), each its own card, IP and client, each sending 12 of
    /// the wrapper's prompts around varied questions.
    static func wrapperUsers(_ s: inout S, prefix: String, count: Int, wrapper: String, rng: inout SeededRandom) {
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2025-06-1\(i % 9)T09:00:00Z", email: "\(id)@mail\(i).example", payment: "card-\(id)"))
            for k in 0..<12 {
                // Varied questions, so that only the wrapper ties one account's prompts to another's.
                let question = [PromptMaker.human(&rng), PromptMaker.human(&rng), PromptMaker.human(&rng)].joined(separator: " ")
                s.query(id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: wrapper + question, output: 1400,
                        ip: "71.\(prefix.count).\(i).9", agent: "client-\(id)/1.0")
            }
        }
    }

    @Test func aFrameLinksItsAccountsButIsNoShareOfTemplates() throws {
        var s = S()
        s.addBackground(count: 200)
        var rng = SeededRandom(seed: 12)
        Self.wrapperUsers(&s, prefix: "ring", count: 24, wrapper: "Please solve this and explain your full reasoning step by step: ", rng: &rng)
        Self.wrapperUsers(&s, prefix: "lab", count: 6, wrapper: "Harness v2 item. Think it through step by step, then answer: ", rng: &rng)
        let inv = try s.investigate()
        let families = inv.index.families
        func held(_ id: String) -> Set<Int32> { Set(inv.index.values(of: inv.data.accountIndex(id)!, kind: .template)) }
        // One frame family held by all 24 of the ring, said to be a frame.
        let ringFrames = (0..<24).map { held("ring\($0)") }.reduce(held("ring0")) { $0.intersection($1) }
        #expect(ringFrames.count == 1)
        let ringFrame = try #require(ringFrames.first)
        #expect(inv.index.shareCount(.template, value: ringFrame) == 24)
        #expect(families.isFrame(family: ringFrame))
        // It is no share of templated prompts: a course's homework wrapper is a frame too, and a
        // frame says who is tied together, not that their prompts are a harvester's. (Two of an
        // account's twelve varied prompts may still fall in one MinHash band.)
        #expect(families.familyShare[inv.data.accountIndex("ring3")!] < 0.5)
        #expect(families.topShare[inv.data.accountIndex("ring3")!] < 0.5)
        // The team of six holds its own frame, which links them the same way.
        let labFrames = (0..<6).map { held("lab\($0)") }.reduce(held("lab0")) { $0.intersection($1) }
        #expect(labFrames.count == 1 && !labFrames.contains(ringFrame))
        let labFrame = try #require(labFrames.first)
        #expect(inv.index.shareCount(.template, value: labFrame) == 6 && families.isFrame(family: labFrame))
        #expect(families.familyShare[inv.data.accountIndex("lab2")!] < 0.5)
        // The ring's frame family is rare: a pair of its accounts is said to share it.
        let a = inv.data.accountIndex("ring0")!, b = inv.data.accountIndex("ring5")!
        #expect(inv.why(a, b).shared.contains { $0.kind == .template && $0.value == ringFrame })
        // ... and said to be a frame, not a whole prompt's template.
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("both wrap prompts in reasoning frame tf-") })
    }
}
