extension PairExplanation {
    /// Said of an IP or a client string the source writes several ways that link as one
    /// (`SpellingKeys`): an address's spellings (`010.001.002.003`), or that a client's differ
    /// only by invisible characters (a ring appending a zero-width space to split its clients
    /// is a cue in itself). Empty for a value written one way.
    static func spellingNote(_ kind: LinkKind, _ value: Int32, index: LinkIndex) -> String {
        let keys: SpellingKeys
        switch kind {
        case .ip: keys = index.data.ipKeys
        case .userAgent: keys = index.data.userAgentKeys
        default: return ""
        }
        guard keys.variantCount > 0 else { return "" }
        let spellings = keys.spellings(of: value)
        guard spellings.count > 1 else { return "" }
        if kind == .userAgent {
            return " (written \(spellings.count) ways in the source, differing only by invisible characters such as zero-width spaces)"
        }
        let shown = spellings.prefix(4).map { TextEscaping.visible(index.data.pools.ips.bytes($0)) }.joined(separator: ", ")
        return " (written \(spellings.count) ways in the source: \(shown)\(spellings.count > 4 ? ", ..." : ""))"
    }
}
