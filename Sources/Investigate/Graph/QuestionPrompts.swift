/// Which prompts a shared question (`SharedQuestions`, `q-` and eight hex digits) is made of,
/// for `queries --question`: the question's senders (from the index) and a test of one prompt's
/// bytes, read again from its file. The per-query sketches are freed once the questions are
/// found, so each prompt is digested again here, as the loader digested it: a prompt belongs
/// to the question when it asks for reasoning and its sketch's first band is the question's.
public struct QuestionPrompts {
    /// The question's band (its name's hex digits).
    public let band: UInt32
    /// The accounts that sent it, ascending.
    public let senders: [Int]
    private let digest = PromptDigest()

    /// The question named `name` in `index`, or nil when no question is so named.
    public init?(named name: ExactText, index: LinkIndex) {
        guard let band = Self.band(ofName: name.bytes), let value = index.valueIDs(.question, exact: name).first else { return nil }
        self.band = band
        senders = index.accounts(sharing: .question, value: value).map { Int($0) }
    }

    /// The band a question's name gives (`q-` and eight hex digits, as `SharedQuestions.name`
    /// writes it), nil for any other text.
    public static func band(ofName name: [UInt8]) -> UInt32? {
        guard name.count == 10, name[0] == UInt8(ascii: "q"), name[1] == UInt8(ascii: "-") else { return nil }
        let hex = name[2...]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9"), letters = UInt8(ascii: "a")...UInt8(ascii: "f")
        guard hex.allSatisfy({ digits.contains($0) || letters.contains($0) }) else { return nil }
        return UInt32(String(decoding: hex, as: UTF8.self), radix: 16)
    }

    /// Whether a prompt (its exact bytes) is one of the question's: it asks for reasoning, and its
    /// sketch's first band is the question's.
    public func holds(prompt: [UInt8]) -> Bool {
        let (sketch, flags) = digest.digest(prompt.span)
        return flags & PromptDigest.Flags.reasoning != 0 && sketch != 0 && UInt32(truncatingIfNeeded: sketch >> 32) == band
    }
}
