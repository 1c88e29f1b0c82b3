import Testing

@testable import Investigate

/// A long prompt is split and digested a block at a time. Its words, sketch and flags must be
/// those of one pass over the whole prompt wherever the blocks end, and the digester's buffers
/// must stay at the block size whatever the prompt's length.
@Suite struct PromptBlocksTests {
    /// Every word hash of `prompt` split in blocks of `blockBytes`, with the count and high flag.
    private func blockSplit(_ prompt: [UInt8], blockBytes: Int) -> (words: [UInt64], count: Int, high: Bool) {
        let splitter = PromptWords(blockBytes: blockBytes)
        let (count, high) = splitter.split(prompt.span)
        return (splitter.wordHashes, count, high)
    }

    /// The byte-at-a-time scanner's words of `prompt` (the reference).
    private func referenceSplit(_ prompt: [UInt8]) -> (words: [UInt64], count: Int, high: Bool) {
        var words: [UInt64] = []
        let (count, high) = PromptWords.wordsByteByByte(prompt.span) { words.append($0) }
        return (words, count, high)
    }

    /// Checks that blocks of 64, 128 and 192 bytes give the reference's words and the whole
    /// prompt's digest.
    private func expectSameInBlocks(_ prompt: [UInt8], _ label: String) {
        let reference = referenceSplit(prompt)
        let whole = PromptDigest(blockBytes: 1 << 30).digest(prompt.span)
        for blockBytes in [64, 128, 192] {
            let split = blockSplit(prompt, blockBytes: blockBytes)
            #expect(split.words == reference.words, "\(label), blocks of \(blockBytes)")
            #expect(split.count == reference.count && split.high == reference.high, "\(label), blocks of \(blockBytes)")
            let digest = PromptDigest(blockBytes: blockBytes).digest(prompt.span)
            #expect(digest == whole, "\(label), blocks of \(blockBytes)")
        }
    }

    @Test func awkwardBlockEndsGiveTheWholePromptsWords() {
        var prompts: [(String, [UInt8])] = []
        let pieces: [(String, String)] = [
            ("a word", "Straddling"), ("a digit run", "1234567890"), ("letters and digits", "ab12cd345ef"),
            ("a separator", " , "), ("an apostrophe", "don't"), ("two-byte UTF-8", "caf\u{E9}\u{E9}\u{E9}"),
            ("three-byte UTF-8", "\u{4E00}\u{4E01}\u{4E02}"), ("a phrase", "step by step"),
            ("an unsegmented phrase", "\u{4E00}\u{6B65}\u{4E00}\u{6B65}"), ("a word after digits", "99 bottles"),
        ]
        // Each piece put so that a block of 64 or 128 bytes ends at each of its bytes, and a
        // byte or two either side.
        for (name, piece) in pieces {
            let bytes = Array(piece.utf8)
            for edge in [64, 128] {
                for offset in (edge - bytes.count - 2)...(edge + 2) where offset >= 0 {
                    for filler in ["x", " ", "7"] {
                        let head = [UInt8](repeating: filler.utf8.first!, count: offset)
                        prompts.append(("\(name) at \(offset) after '\(filler)'", head + bytes + Array(" tail 42 end".utf8)))
                    }
                }
            }
        }
        // Words and digit runs longer than a block, alone, between words and at the end.
        for length in [63, 64, 65, 127, 128, 129, 200, 450] {
            for unit in ["x", "9", "Ab1", "\u{E9}"] {
                let long = String(repeating: unit, count: length)
                prompts.append(("\(length) of '\(unit)'", Array(long.utf8)))
                prompts.append(("\(length) of '\(unit)' between words", Array("head \(long) tail".utf8)))
                prompts.append(("\(length) of '\(unit)' after a word", Array("step \(long)".utf8)))
            }
        }
        // A quote in a later block: the whole prompt goes to the byte-at-a-time scanner.
        prompts.append(("a quote in a later block", Array((String(repeating: "word ", count: 60) + #"say "hello there" now"#).utf8)))
        prompts.append(("a backquote near the end", Array((String(repeating: "w0rd ", count: 90) + "`x`").utf8)))
        for (label, prompt) in prompts { expectSameInBlocks(prompt, label) }
    }

    @Test func randomLongPromptsGiveTheWholePromptsWords() {
        let alphabet: [UInt8] = Array("aZkQ09'7 ,.-_\t\n?!".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xE4, 0xB8, 0xFF]
        var random = SeededRandom(seed: 17)
        for round in 0..<400 {
            let length = random.int(0...900)
            var prompt: [UInt8] = []
            while prompt.count < length {
                let byte = random.pick(alphabet)
                prompt += [UInt8](repeating: byte, count: random.chance(0.15) ? random.int(1...150) : 1)
            }
            if round % 10 == 0 { prompt += Array(" step by step".utf8) }
            expectSameInBlocks(prompt, "random prompt \(round)")
        }
    }

    @Test func reasoningPhrasesAcrossABlockEndAreFound() {
        for phrase in ["step by step", "chain of thought", "show your work"] {
            for offset in 40...70 {
                let prompt = Array((String(repeating: "z", count: offset) + " " + phrase + " please").utf8)
                let flags = PromptDigest(blockBytes: 64).digest(prompt.span).flags
                #expect(flags & PromptDigest.Flags.reasoning != 0, "\(phrase) at \(offset)")
            }
        }
    }

    @Test func aLongPromptsBuffersStayAtTheBlockSize() {
        // 4 MiB of short words, then 2 MiB in one word: the splitter's scratch and word hashes
        // stay within one block's (64 KiB of bytes, masks, and at most one hash per byte).
        let digest = PromptDigest()
        let words = Array(String(repeating: "lorem ipsum dolor sit amet 12 ", count: 140_000).utf8)
        let oneWord = [UInt8](repeating: 0x61, count: 2 << 20)
        let blockBound = (64 << 10) + 16 + (64 << 10) / 64 * 16 + ((64 << 10) + 1) * 8
        for prompt in [words, oneWord, words + oneWord] {
            let result = digest.digest(prompt.span)
            #expect(result.sketch != 0)
            #expect(digest.memoryFootprint <= blockBound, "\(digest.memoryFootprint) bytes held after a \(prompt.count)-byte prompt")
        }
        // The same sketch as digesting it with one block of the whole prompt.
        #expect(PromptDigest(blockBytes: 1 << 30).digest(words.span) == digest.digest(words.span))
    }
}

/// A row whose prompt is megabytes long loads with the sketch of its whole prompt (the line is
/// referenced, not copied, and digested in blocks).
@Suite struct LongPromptLoadTests {
    @Test func aLongPromptRowLoadsWithTheWholePromptsSketch() throws {
        let prompt = String(repeating: "Lorem ipsum 12 dolor, sit amet ", count: 90_000) + "step by step"
        let lines =
            #"{"ts":"2026-01-01T00:00:00Z","account_id":"a1","prompt":"\#(prompt)","model":"m"}"# + "\n"
            + #"{"ts":"2026-01-01T00:00:01Z","account_id":"a1","prompt":"short one"}"# + "\n"
        let data = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": lines]).load()
        #expect(data.queries.count == 2 && data.report.skippedCount == 0)
        let expected = PromptDigest().digest(prompt)
        let rows = (0..<2).map { (data.queries.promptSketch[$0], data.queries.promptFlags($0)) }
        #expect(rows.contains { $0.0 == expected.sketch && $0.1 & PromptDigest.Flags.reasoning != 0 })
        #expect(rows.contains { $0.0 == PromptDigest().digest("short one").sketch })
    }
}
