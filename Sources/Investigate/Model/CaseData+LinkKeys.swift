/// The link keys of values that may be written several ways (`SpellingKeys`), found on first
/// use: the loaded values, and a snapshot's, stay exactly as the source wrote them.
extension CaseData {
    /// IP link keys: one address however it is written (`IPNetwork.canonicalAddress`).
    public var ipKeys: SpellingKeys {
        ipSpellings.withLock { found in
            if let found { return found }
            let made = SpellingKeys.ips(pools.ips)
            found = made
            return made
        }
    }

    /// Client-string link keys: one client whatever invisible characters it carries
    /// (`DefaultIgnorables`).
    public var userAgentKeys: SpellingKeys {
        userAgentSpellings.withLock { found in
            if let found { return found }
            let made = SpellingKeys.clients(pools.userAgents)
            found = made
            return made
        }
    }
}

extension SpellingKeys {
    /// The IP pool's keys: an address's canonical text (`IPNetwork.canonicalAddress`).
    static func ips(_ pool: StringPool) -> SpellingKeys { SpellingKeys(pool: pool) { IPNetwork.otherSpelling($0) } }

    /// The client-string pool's keys: the string without default-ignorable characters, and
    /// with look-alike letters mixed into Latin words read as the ASCII ones
    /// (`MixedScriptFolding`: `pythоn-requests` with a Cyrillic `о`).
    static func clients(_ pool: StringPool) -> SpellingKeys {
        SpellingKeys(pool: pool) { bytes in
            guard DefaultIgnorables.contains(bytes) else { return MixedScriptFolding.folded(bytes) }
            var visible: [UInt8] = []
            DefaultIgnorables.removing(from: bytes, into: &visible)
            return MixedScriptFolding.folded(visible.span) ?? visible
        }
    }
}
