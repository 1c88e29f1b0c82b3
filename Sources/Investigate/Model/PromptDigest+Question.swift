/// The question a prompt asking for reasoning carries, as an exact identity: the `question`
/// link kind (`SharedQuestions`).
///
/// A harvester's scaffold is its own sentence or clause (`Solve step by step: {q}`, `{q}\nShow
/// every step of your reasoning.`, `You are a patient tutor. {q} Explain the method in full.`),
/// so the question is the prompt's longest segment (split at a line break, `?`, `!`, `;`, and at
/// `.` or `:` before a blank) that holds no reasoning phrase of the lexicon, when it has more
/// words than a frame has (`frameWords`: a shorter one is as likely a wrapper's own sentence).
/// Its words are normalised as the sketch's are (ASCII lowercased, a quoted span one placeholder)
/// and hashed in order, and so are its numbers, digit by digit: one question sent in six
/// scaffolds is one identity, where the whole prompt's MinHash band splits it and two different
/// questions in a small vocabulary may share a band. The numbers are the question's own (the
/// sketch folds them, for templates): a course's or a generator's problem template filled with
/// fresh numbers each time is many questions, not one every student shares (a trial's statistics
/// course, `A sample of {n} has mean {m}...`, was one question held by 85 students and linked
/// them into a cluster rated 0.60). The identity's high 32 bits are its *wording*, the words
/// alone: one problem template filled with other numbers is one wording (`QuestionBankSignal`
/// reads a bank of distinct wordings, not a template's variants). Zero when the prompt has no
/// such segment.
extension PromptDigest {
    /// The question's identity: its wording's 32-bit hash over the 32-bit hash of its words and
    /// numbers (never 0 when there is one), or 0.
    public func question(_ prompt: Span<UInt8>) -> UInt64 {
        var best: (words: Int, wording: UInt64, hash: UInt64) = (0, 0, 0)
        var start = 0
        let count = prompt.count
        var i = 0
        while i <= count {
            var boundary = i == count
            if !boundary {
                let byte = prompt[i]
                switch byte {
                case 0x0A, 0x3F, 0x21, 0x3B: boundary = true  // \n ? ! ;
                case 0x2E, 0x3A:  // . :  before a blank or at the end
                    if i + 1 == count {
                        boundary = true
                    } else {
                        let next = prompt[i + 1]
                        boundary = next == 0x20 || next == 0x09 || next == 0x0D || next == 0x0A
                    }
                default: break
                }
            }
            if boundary {
                if i > start {
                    let (words, wording, hash) = segment(prompt.extracting(start..<i))
                    if words > best.words { best = (words, wording, hash) }
                }
                start = i + 1
            }
            i += 1
        }
        guard best.words > SketchState.frameWords else { return 0 }
        let value = ByteHash.mix(best.hash) & 0xFFFF_FFFF
        return ByteHash.mix(best.wording) << 32 | (value == 0 ? 1 : value)
    }

    /// Convenience for tests.
    public func question(_ prompt: String) -> UInt64 {
        var copy = prompt
        return copy.withUTF8 { question($0.span) }
    }

    /// A segment's word count, its words' ordered hash and that hash with its numbers; 0 words
    /// when it holds a reasoning phrase.
    private func segment(_ text: Span<UInt8>) -> (words: Int, wording: UInt64, hash: UInt64) {
        var hash: UInt64 = 0, previous: UInt64 = 0, beforePrevious: UInt64 = 0
        var index = 0, phrase = false
        let lexicon = self.lexicon
        _ = words.forEachBlock(text) { hashes in
            for position in 0..<hashes.count {
                let value = hashes[position]
                let pair = index == 0 ? 0 : ReasoningLexicon.combine(previous, value)
                if lexicon.phraseWords(
                    endingAt: value, pair: pair, previous: index > 0 ? previous : 0, beforePrevious: index > 1 ? beforePrevious : 0) > 0
                {
                    phrase = true
                }
                hash = ReasoningLexicon.combine(hash, value)
                beforePrevious = previous
                previous = value
                index += 1
            }
        }
        guard !phrase else { return (0, 0, 0) }
        // The numbers, digit by digit, a run ending at any other byte.
        var digits: UInt64 = 0, inNumber = false
        for i in 0..<text.count {
            let byte = text[i]
            if byte &- 0x30 < 10 {
                digits = ReasoningLexicon.combine(digits, UInt64(byte))
                inNumber = true
            } else if inNumber {
                digits = ReasoningLexicon.combine(digits, 0xFF)
                inNumber = false
            }
        }
        return (index, hash, ReasoningLexicon.combine(hash, digits))
    }
}
