import Testing
@testable import tui

/// A text prompt owns every key until Enter or Esc, so typed text never runs as commands: in a
/// real trial, Backspace on an emptied filter prompt closed it and the rest of `age<10` ran as
/// keys (`a` opened the note prompt, and the note `ge<10` was written to the case).
@Suite struct PromptOwnsKeysTests {
    @Test func backspaceOnAnEmptyPromptDoesNothing() {
        // On the cluster sheet, which has an age column (on triage `age<10` is refused: no such column).
        let opened = Fixture.step(Fixture.press(Fixture.loadedState(), .enter), .char("f"), .backspace, .backspace)
        #expect(opened.state.overlay != nil)
        let typed = opened.pressing(.char("a"), .char("g"), .char("e"), .char("<"), .char("1"), .char("0"), .enter)
        #expect(typed.state.current.filter == "age<10")
        #expect(!typed.effects.contains { if case .persist = $0 { return true } else { return false } })
    }

    /// Random key streams (fixed seeds): a write reaches the case store only on the Enter that
    /// confirms its own prompt, never from keys typed into some other prompt.
    @Test(arguments: 0..<60)
    func noWriteWithoutItsConfirmingKey(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
        let alphabet: [Key] = [
            .char("f"), .char("a"), .char("t"), .char("T"), .char(":"), .char("/"), .char("x"), .char("n"), .char("o"),
            .char("e"), .char(" "), .char("j"), .char("k"), .char("g"), .char("<"), .char("1"), .backspace, .backspace,
            .enter, .escape, .tab, .ctrl("u"), .char("q"), .char("?"), .char("h"), .char("c"),
            // Issue 14: bulk marks, compare, undo, more rows, singles, record view.
            .char("u"), .char("u"), .char("*"), .char("~"), .char("|"), .char("="), .char("+"), .char("X"), .char("H"), .char("S"), .char("S"),
        ]
        var s = Fixture.loadedState()
        var promptText: String?
        for _ in 0..<300 {
            let key = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            let wasPrompt = s.overlay?.takesText == true
            let step = AppUpdate.update(s, .key(key))
            s = step.state
            let writes = step.effects.filter {
                switch $0 {
                case .persist(let w): return w.isWrite
                case .export: return true  // a bundle and an audit entry
                default: return false
                }
            }
            if !writes.isEmpty {
                #expect(key == .enter && wasPrompt, "a write on \(key) with prompt \(promptText ?? "none")")
            }
            if case .commandLine(let text, _)? = s.overlay { promptText = text } else { promptText = nil }
        }
    }

    /// A small deterministic generator for the key streams.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

extension CaseWrite {
    /// True for writes that change a case (tags and notes), not for opening or creating one.
    fileprivate var isWrite: Bool {
        switch self {
        case .tag, .tagCluster, .tagChosen, .note, .untag, .retractNote, .setStatus, .setField: return true
        case .newCase, .openCase: return false
        }
    }
}
