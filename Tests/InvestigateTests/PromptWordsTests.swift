import Foundation
import Testing

@testable import Investigate

/// The vectorised word splitter must give exactly the words of the byte-at-a-time scanner, or
/// every template sketch would change with the prompt's length and position in a block.
@Suite struct PromptWordsTests {
    /// Both splitters' hashes for one prompt.
    private func bothSplits(_ prompt: [UInt8], _ splitter: PromptWords) -> (vectorised: [UInt64], bytes: [UInt64], high: (Bool, Bool)) {
        let (count, high) = splitter.split(prompt.span)
        let vectorised = splitter.wordHashes
        #expect(vectorised.count == count)
        var reference: [UInt64] = []
        let (referenceCount, referenceHigh) = PromptWords.wordsByteByByte(prompt.span) { reference.append($0) }
        #expect(reference.count == referenceCount)
        return (vectorised, reference, (high, referenceHigh))
    }

    /// A word holding a digit is the word `0`, by both splitters, whatever its length and where
    /// its digits are: a per-prompt nonce (`[ref:75f67d]`) or a version leaves a template's words
    /// as they were; words without digits are unchanged.
    @Test func aWordHoldingADigitIsTheWordZero() {
        let splitter = PromptWords()
        let zero = PromptWords.wordHash(Array("0".utf8))
        for word in ["2024", "gpt4", "75f67d", "ed2e9b", "a1", "x86", "abcdefghijklmno7", "7abcdefghijklmnop", "abcdefgh9"] {
            let (vectorised, bytes, _) = bothSplits(Array(word.utf8), splitter)
            #expect(vectorised == [zero] && bytes == [zero], "\(word)")
        }
        let (one, _, _) = bothSplits(Array("[ref:75f67d] Provide a comprehensive answer".utf8), splitter)
        let (two, _, _) = bothSplits(Array("[ref:cae204] Provide a comprehensive answer".utf8), splitter)
        #expect(one == two)
        let (letters, _, _) = bothSplits(Array("abcdefgh abcdefghijklmnop".utf8), splitter)
        #expect(letters == [PromptWords.wordHash(Array("abcdefgh".utf8)), PromptWords.wordHash(Array("abcdefghijklmnop".utf8))])
    }

    @Test func randomPromptsSplitAlike() {
        // Letters of both cases, digits (runs of them collapse), apostrophes, separators,
        // control bytes and UTF-8 or invalid high bytes; lengths across several 64-byte blocks.
        let alphabet: [UInt8] =
            Array("aZkQ09'7 ,.-_\t\n?!/:;()[]{}@#=+".utf8) + [0x00, 0x1B, 0x7F, 0x80, 0xC3, 0xA9, 0xE4, 0xB8, 0x80, 0xFF]
        var random = SeededRandom(seed: 11)
        let splitter = PromptWords()
        for _ in 0..<4000 {
            let length = random.int(0...300)
            var prompt: [UInt8] = []
            while prompt.count < length {
                // Runs of one kind make long words, long digit runs and long separator runs.
                let byte = random.pick(alphabet)
                prompt += [UInt8](repeating: byte, count: random.chance(0.2) ? random.int(1...70) : 1)
            }
            let result = bothSplits(prompt, splitter)
            #expect(result.vectorised == result.bytes, "prompt \(prompt)")
            #expect(result.high.0 == result.high.1)
        }
    }

    @Test func wordsAcrossBlockBoundariesSplitAlike() {
        let splitter = PromptWords()
        var prompts: [String] = [
            "", "a", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQ", "12345", "a1b22c333",
            String(repeating: "x", count: 64), String(repeating: "x", count: 65), String(repeating: "x", count: 200),
            String(repeating: "9", count: 130), "don't stop", "caf\u{E9} na\u{EF}ve \u{4E00}\u{4E01}",
        ]
        // A word, then a digit run, straddling each position around the 64- and 128-byte edges.
        for offset in 56...72 {
            prompts.append(String(repeating: " ", count: offset) + "Word99x 123 end")
            prompts.append(String(repeating: "y", count: offset) + " 4567890 tail")
            prompts.append(String(repeating: "1", count: offset) + "z")
        }
        for offset in 120...136 { prompts.append(String(repeating: ".", count: offset) + "step by step 2024") }
        for prompt in prompts {
            let result = bothSplits(Array(prompt.utf8), splitter)
            #expect(result.vectorised == result.bytes, "prompt \(prompt)")
            #expect(result.high.0 == result.high.1)
        }
    }

    @Test func quotedSpansFallBackToTheByteScanner() {
        let splitter = PromptWords()
        for prompt in ["say \"hello there\" now", "run `rm -rf` please", "an \"unclosed quote", "`a` \"b\" 'c'"] {
            let result = bothSplits(Array(prompt.utf8), splitter)
            #expect(result.vectorised == result.bytes)
        }
        // A closed span is one word between its neighbours; an unclosed quote only separates.
        let closed = bothSplits(Array("say \"hello there\" now".utf8), splitter).vectorised
        #expect(closed.count == 3)
        #expect(closed.first == PromptDigest.wordHash("say") && closed.last == PromptDigest.wordHash("now"))
        #expect(!closed.contains(PromptDigest.wordHash("hello")))
        let unclosed = bothSplits(Array("an \"unclosed quote".utf8), splitter).vectorised
        #expect(unclosed == ["an", "unclosed", "quote"].map { PromptDigest.wordHash($0) })
        // The span is one placeholder word: what it holds does not change the sketch.
        let digest = PromptDigest()
        #expect(digest.digest("Translate \"good morning\" into French").sketch == digest.digest("Translate \"bonsoir\" into French").sketch)
    }

    @Test func closelyPackedQuotesFitTheWordBuffer() throws {
        // `a""` is two words (a word and an empty quoted span) in three bytes, with no separator:
        // more words than one per two bytes, which once overran the buffer.
        let splitter = PromptWords()
        for repeats in [1, 17, 21, 333, 40_000] {
            let prompt = Array(String(repeating: "a\"\"", count: repeats).utf8)
            let result = bothSplits(prompt, splitter)
            #expect(result.vectorised.count == 2 * repeats)
            #expect(result.vectorised == result.bytes)
        }
        // Through a whole load: rows whose prompt is packed with quotes.
        let prompt = String(repeating: #"a\"\""#, count: 21)
        var lines = ""
        for index in 0..<50 { lines += #"{"ts":"2026-01-01T00:00:\#(String(format: "%02d", index % 60))Z","account_id":"a1","prompt":"\#(prompt)"}"# + "\n" }
        let data = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": lines]).load()
        #expect(data.queries.count == 50)
        #expect(data.report.skippedCount == 0)
    }

    @Test func sketchesDoNotDependOnTheBuffersOfEarlierPrompts() {
        let digest = PromptDigest()
        let short = "Explain step by step how 42 rivers flow"
        let first = digest.digest(short)
        _ = digest.digest(String(repeating: "long prompt words 123 ", count: 400))
        #expect(digest.digest(short) == first)
        #expect(PromptDigest().digest(short) == first)
    }
}

/// Every phrase of the built-in lexicon is found inside a sentence (in capitals too when it is
/// ASCII: only ASCII is case-folded), and words that only start or sit inside a phrase are not
/// enough.
@Suite struct ReasoningLexiconPhraseTests {
    @Test func everyPhraseIsFoundInASentence() {
        let digest = PromptDigest()
        for phrase in ReasoningLexicon.standard.phrases {
            let capitals = phrase.utf8.allSatisfy { $0 < 0x80 } ? phrase.uppercased() : phrase
            for sentence in ["Please \(phrase) now.", capitals, "ok: \(phrase)"] {
                #expect(digest.digest(sentence).flags & PromptDigest.Flags.reasoning != 0, "\(sentence)")
            }
        }
        for sentence in ["step", "chain of", "show your", "walk me", "the steps of a dance", "reason"] {
            #expect(digest.digest(sentence).flags & PromptDigest.Flags.reasoning == 0, "\(sentence)")
        }
    }
}
