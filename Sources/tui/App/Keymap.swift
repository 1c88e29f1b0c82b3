#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Key bindings: the registry's defaults, overridden by the user's keymap file
/// (`$XDG_CONFIG_HOME/investigate/keymap` or `~/.config/investigate/keymap`), whose lines read
/// `command-id = key`. Problems (unknown commands or keys, a key claimed by two commands) are
/// collected in `problems` and shown in the status line; they are never silently ignored.
struct Keymap: Sendable {
    private(set) var bindings: [Key: CommandID] = [:]
    /// Human-readable problems found while loading.
    private(set) var problems: [String] = []

    /// The defaults.
    init() {
        for command in ConsoleCommands.all {
            for key in command.keys { bindings[key] = command.id }
        }
    }

    /// The command bound to a key.
    func command(for key: Key) -> CommandID? { bindings[key] }

    /// What the status line says once at start when the keymap file had problems
    /// (`keymap: 2 problems, see ? (first: line 3: unknown command 'frob')`); nil without any.
    var notice: String? {
        guard let first = problems.first else { return nil }
        return "keymap: \(Format.plural(problems.count, "problem")), see ? (first: \(first))"
    }

    /// Every key bound to a command, in a stable order.
    func keys(for id: CommandID) -> [Key] {
        let defaults = ConsoleCommands.command(id).keys.filter { bindings[$0] == id }
        let extra = bindings.filter { $0.value == id && !defaults.contains($0.key) }.map(\.key)
            .sorted { KeyNames.name($0) < KeyNames.name($1) }
        return defaults + extra
    }

    /// Applies the text of a keymap file. The first line for a command replaces its default
    /// keys; later lines add keys. A key taken from another command is reported.
    mutating func apply(_ text: String, source: String = "keymap") {
        var replaced: Set<CommandID> = []
        var userBound: [Key: CommandID] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let at = "\(source):\(number + 1)"
            guard parts.count == 2, !parts[1].isEmpty else { problems.append("\(at): expected `command-id = key`"); continue }
            guard let id = CommandID(rawValue: parts[0]) else { problems.append("\(at): unknown command '\(parts[0])'"); continue }
            let keyText = parts[1] == "=" ? "=" : parts[1]
            guard let key = KeyNames.parse(keyText) else { problems.append("\(at): unknown key '\(keyText)'"); continue }
            if !replaced.contains(id) {
                replaced.insert(id)
                for (k, v) in bindings where v == id && userBound[k] == nil { bindings[k] = nil }
            }
            if let other = userBound[key], other != id {
                problems.append("\(at): key \(KeyNames.name(key)) bound to both \(other.rawValue) and \(id.rawValue)")
            } else if let other = bindings[key], other != id {
                problems.append("\(at): key \(KeyNames.name(key)) taken from \(other.rawValue) for \(id.rawValue)")
            }
            bindings[key] = id
            userBound[key] = id
        }
    }

    /// Loads the user's keymap file if there is one.
    static func load(environment: [String: String]) -> Keymap {
        var map = Keymap()
        guard let path = path(environment: environment), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return map
        }
        map.apply(text, source: path)
        return map
    }

    /// Where the keymap file lives.
    static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/investigate/keymap" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/investigate/keymap" }
        return nil
    }
}
