import ArgumentParser

/// Output formats of the scripting commands. Each command offers its own (`formats`), and its
/// `--format` help lists exactly those: the type lists no values of its own, as the parser
/// would print all three on every command (`text or json (values: text, json, jsonl)`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl

    /// None: each command's help says which it offers (`help(_:)`).
    static var allValueStrings: [String] { [] }

    /// `text or json`, `text, json or jsonl`.
    static func list(_ offered: [OutputFormat]) -> String {
        let names = offered.map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// A command's `--format` help: the formats it offers, nothing else.
    static func help(_ offered: [OutputFormat]) -> ArgumentHelp { ArgumentHelp(list(offered)) }

    /// Refuses a format the command does not write (`--format jsonl` on a command that writes
    /// one JSON document used to print text, and a pipeline took it for JSON).
    func require(_ offered: [OutputFormat]) throws {
        guard offered.contains(self) else {
            throw ValidationError("--format \(rawValue) is not offered by this command; use \(Self.list(offered))")
        }
    }
}
