/// Names of keys as written in keymap files and replay key scripts: `Enter`, `Backspace`,
/// `Esc`, `Tab`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `Space`,
/// `C-f` (control), or a literal character.
enum KeyNames {
    private static let named: [(String, Key)] = [
        ("Enter", .enter), ("Backspace", .backspace), ("Esc", .escape), ("Tab", .tab),
        ("BackTab", .backTab), ("Delete", .delete), ("Up", .up), ("Down", .down), ("Left", .left),
        ("Right", .right), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Space", .char(" ")), ("Resize", .resize),
    ]
    private static let aliases: [String: Key] = [
        "return": .enter, "ret": .enter, "bs": .backspace, "escape": .escape, "pageup": .pageUp,
        "pagedown": .pageDown, "bspace": .backspace, "btab": .backTab, "del": .delete,
    ]

    /// Parses one key token; nil when it names nothing.
    static func parse(_ token: String) -> Key? {
        if token.count == 1, let c = token.first { return .char(c) }
        let lower = token.lowercased()
        if let hit = named.first(where: { $0.0.lowercased() == lower }) { return hit.1 }
        if let alias = aliases[lower] { return alias }
        if (lower.hasPrefix("c-") || lower.hasPrefix("^")), let last = lower.last,
           token.count == (lower.hasPrefix("^") ? 2 : 3), last.isLetter {
            return .ctrl(last)
        }
        return nil
    }

    /// The display name of a key (what `?` shows).
    static func name(_ key: Key) -> String {
        if let hit = named.first(where: { $0.1 == key }) { return hit.0 }
        switch key {
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        default: return "\(key)"
        }
    }
}
