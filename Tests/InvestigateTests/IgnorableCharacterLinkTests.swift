import Testing

@testable import Investigate

/// Zero-width and other default-ignorable characters sprinkled into a ring's prompts and client
/// strings do not split it: prompt sketches and the client link read the text without them,
/// while the stored values keep every byte (trial: 25 members in 7 clusters).
@Suite struct IgnorableCharacterLinkTests {
    static let zeroWidths = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{FE0F}", "\u{202E}"]

    /// `text` with an invisible character after every other word.
    static func sprinkled(_ text: String, offset: Int = 0) -> String {
        text.split(separator: " ").enumerated().map { i, word in
            String(word) + ((i + offset) % 2 == 0 ? zeroWidths[(i + offset) % zeroWidths.count] : "")
        }.joined(separator: " ")
    }

    @Test(arguments: [
        "Provide a comprehensive answer about the history of the printing press in Europe",
        "Solve this and show your full reasoning step by step: what is 17 times 23?",
        "[ref:75f67d] Explain each step in detail how Dijkstra's algorithm handles negative edges",
        "日本語の文章を要約してください step by step",
    ])
    func aPromptsSketchAndFlagsIgnoreInvisibleCharacters(prompt: String) {
        let digest = PromptDigest()
        let clean = digest.digest(prompt)
        for offset in 0..<3 {
            let noisy = digest.digest(Self.sprinkled(prompt, offset: offset))
            #expect(noisy.sketch == clean.sketch, "\(offset)")
            #expect(noisy.flags == clean.flags, "\(offset)")
        }
        // Inside a word too, and a prompt that is nothing but invisible characters has no words.
        let inside = prompt.replacingOccurrences(of: "o", with: "o\u{200B}")
        #expect(digest.digest(inside).sketch == clean.sketch)
        #expect(digest.digest("\u{200B}\u{FEFF}").sketch == 0)
    }

    /// Accounts whose client strings differ only by invisible characters share one client link;
    /// each string is kept as written, and any of them finds the client.
    @Test func clientStringsDifferingByInvisibleCharactersLinkAsOne() throws {
        var accounts = "account_id,signup_ip\n"
        var queries = ""
        let clients = ["ringbot/2.1", "ringbot/2.1\u{200B}", "ringbot/2.1\u{200C}\u{200C}", "ring\u{2060}bot/2.1", "other/1"]
        for (i, client) in clients.enumerated() {
            accounts += "a\(i),10.\(i).0.1\n"
            queries += #"{"ts":"2026-01-01T00:00:0\#(i)Z","account_id":"a\#(i)","user_agent":"\#(client)","prompt":"hello \#(i)"}"# + "\n"
        }
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": queries]).load()
        #expect(data.pools.userAgents.count == 5)
        let index = LinkIndex(data: data)
        let id = try #require(index.valueID(.userAgent, "ringbot/2.1"))
        #expect(index.shareCount(.userAgent, value: id) == 4)
        #expect(index.valueID(.userAgent, "ringbot/2.1\u{200D}") == id)
        #expect(index.valueID(.userAgent, "ring\u{2060}bot/2.1") == id)
        #expect(index.valueExact(.userAgent, id).bytes == Array("ringbot/2.1".utf8))
        #expect(data.userAgentKeys.spellings(of: id).count == 4)
        let other = try #require(index.valueID(.userAgent, "other/1"))
        #expect(index.shareCount(.userAgent, value: other) == 1)
    }
}
