import Foundation
/// A replay key script: one key per whitespace-separated token (`j j Enter Backspace ? q`,
/// names as in `KeyNames`); a line starting with `:` is typed as text and ended with Enter;
/// `#` starts a comment line; `Resize=80x24` resizes the in-memory terminal.
enum KeyScript {
    /// One step of a script.
    enum Step: Equatable {
        case key(Key)
        case resize(TerminalSize)
    }

    /// Parses a script; unknown tokens are reported as errors.
    static func parse(_ text: String) throws -> [Step] {
        var steps: [Step] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(":"), line.count > 1 {
                steps += line.map { Step.key(.char($0)) }
                steps.append(.key(.enter))
                continue
            }
            for token in line.split(separator: " ") {
                let word = String(token)
                if word.lowercased().hasPrefix("resize="), let size = TerminalSize(parsing: String(word.dropFirst(7))) {
                    steps.append(.resize(size))
                } else if let key = KeyNames.parse(word) {
                    steps.append(.key(key))
                } else {
                    throw KeyScriptError(description: "line \(number + 1): unknown key '\(word)'")
                }
            }
        }
        return steps
    }
}

/// A key script that does not parse.
struct KeyScriptError: Error, CustomStringConvertible {
    let description: String
}
