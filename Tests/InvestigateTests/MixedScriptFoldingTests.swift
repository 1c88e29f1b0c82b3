import Testing

@testable import Investigate

/// Session 39's trial: a ring writing about half its Latin letters as Cyrillic look-alikes
/// (`а е о р с`, chosen at random per query) lost its templates and reasoning phrases (recall
/// 0.97 to 0.02). Prompt sketches and the client link now read such mixed words as Latin, while
/// text in Cyrillic or Greek itself is read as it is, and stored values keep their bytes.
@Suite struct MixedScriptFoldingTests {
    /// Latin letters and their Cyrillic look-alikes.
    static let swaps: [Character: Character] = ["a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"]

    /// `text` with every other swappable letter (from `offset`) written as its look-alike.
    static func disguised(_ text: String, offset: Int) -> String {
        var n = offset
        return String(text.map { letter in
            guard let swap = swaps[letter] else { return letter }
            n += 1
            return n % 2 == 0 ? swap : letter
        })
    }

    @Test(arguments: [
        "Solve this and show your full reasoning step by step: what is 17 times 23?",
        "Provide a comprehensive answer about the history of the printing press in Europe",
        "Explain each step in detail: why does a copper pot conduct heat?",
    ])
    func aPromptsSketchAndFlagsReadLookAlikeLettersAsLatin(prompt: String) {
        let digest = PromptDigest()
        let clean = digest.digest(prompt)
        for offset in 0..<3 {
            let disguised = Self.disguised(prompt, offset: offset)
            #expect(disguised != prompt)
            let read = digest.digest(disguised)
            #expect(read.sketch == clean.sketch, "\(disguised)")
            #expect(read.flags == clean.flags, "\(disguised)")
        }
        // With invisible characters as well.
        let both = Self.disguised(prompt, offset: 1).replacingOccurrences(of: " ", with: " \u{200B}")
        #expect(digest.digest(both).sketch == clean.sketch)
    }

    @Test func textInCyrillicOrGreekIsReadAsItIs() {
        for text in ["Объясни, пожалуйста, шаг за шагом: сколько будет 17 умножить на 23?", "Εξήγησε βήμα προς βήμα", "API ключ: рос"] {
            #expect(!MixedScriptFolding.mixesScripts(text), "\(text)")
            #expect(MixedScriptFolding.folded(Array(text.utf8).span) == nil, "\(text)")
        }
        // "сор" in Cyrillic is not the English "cop": a word of one script is not folded.
        #expect(MixedScriptFolding.folded(Array("Tell me about the сор step by step".utf8).span) == nil)
    }

    @Test func mixedWordsFoldWithTheirCaseAndTheRestStays() {
        #expect(MixedScriptFolding.mixesScripts("pаy"))
        #expect(MixedScriptFolding.mixesScripts("Оrder 66"))
        #expect(!MixedScriptFolding.mixesScripts("pay а bill"))
        #expect(MixedScriptFolding.folded("Оrder: pаy — 日本 𝟶7") == "Order: pay — 日本 07")
        #expect(MixedScriptFolding.folded(Array("no look-alike at all".utf8).span) == nil)
        // The byte gate: a mixed word opens it; words of one script side by side do not.
        func gate(_ text: String) -> Bool { MixedScriptFolding.mayMixScripts(Array(text.utf8).span) }
        #expect(gate("pаy"))
        #expect(gate("x1а"))
        #expect(!gate("API ключ: рос, step-by-step"))
        #expect(!gate("Объясни шаг за шагом"))
        // Bytes that are not UTF-8 do not stop it.
        let invalid: [UInt8] = Array("pа".utf8) + [0xFF] + Array("y".utf8)
        #expect(MixedScriptFolding.folded(invalid.span) == Array("pa\u{FFFD}y".utf8))
    }

    /// Client strings spelled with look-alike letters link as one client; each is kept as written.
    @Test func clientStringsSpelledWithLookAlikesLinkAsOne() throws {
        var accounts = "account_id,signup_ip\n"
        var queries = ""
        let clients = ["ringbot/2.1", "ringbоt/2.1", "rіngbot/2.1\u{200B}", "рython-requests/2.31", "other/1"]
        for (i, client) in clients.enumerated() {
            accounts += "a\(i),10.\(i).0.1\n"
            queries += #"{"ts":"2026-01-01T00:00:0\#(i)Z","account_id":"a\#(i)","user_agent":"\#(client)","prompt":"hello \#(i)"}"# + "\n"
        }
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": queries]).load()
        #expect(data.pools.userAgents.count == 5)
        let index = LinkIndex(data: data)
        let id = try #require(index.valueID(.userAgent, "ringbot/2.1"))
        #expect(index.shareCount(.userAgent, value: id) == 3)
        #expect(index.valueID(.userAgent, "ringbоt/2.1") == id)
        #expect(index.valueExact(.userAgent, id).bytes == Array("ringbot/2.1".utf8))
        let python = try #require(index.valueID(.userAgent, "рython-requests/2.31"))
        #expect(python != id && index.shareCount(.userAgent, value: python) == 1)
        #expect(data.userAgentKeys.variantCount == 2)
    }

    /// A source with one spelling of every value keeps no key table at all.
    @Test func aSourceWithOneSpellingOfEachValueHoldsNoKeys() throws {
        let data = try TempSource([
            "accounts.csv": "account_id,signup_ip\na0,10.0.0.1\na1,10.0.0.2\n",
            "queries.jsonl": #"{"ts":"2026-01-01T00:00:00Z","account_id":"a0","user_agent":"x/1"}"# + "\n",
        ]).load()
        #expect(data.ipKeys.variantCount == 0)
        #expect(data.userAgentKeys.variantCount == 0)
        #expect(data.ipKeys.key(1) == 1)
    }
}
