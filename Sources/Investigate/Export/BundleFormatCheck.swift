/// How a bundle's format version stands against the one this verifier checks
/// (`BundleManifest.formatVersion`). A newer format is refused: its rules are unknown here. An
/// older one is checked by today's rules, which differ (format 4: no line break in a CSV cell,
/// source values marked, cluster tags bound to their members), so when anything fails the first
/// line says so, rather than leaving a reader with reasons that are only those differences.
enum BundleFormatCheck {
    /// The line to put first, or nil: always for a newer or missing version, for an older one only
    /// when there are other problems.
    static func note(_ manifest: JSONValue, otherProblems: Bool) -> String? {
        let current = BundleManifest.formatVersion
        guard let version = manifest["format"]?["version"]?.intValue else {
            return "manifest.json: no format version (this verify checks bundle format \(current))"
        }
        if version > current {
            return "manifest.json: bundle format \(version) is newer than this verify checks (\(current)): verify it with the version that exported it or a later one"
        }
        guard version < current, otherProblems else { return nil }
        let tool = manifest["tool"]?["version"]?.stringValue.map { " (exported by investigate \(TextEscaping.visible($0, limit: 40)))" } ?? ""
        return "manifest.json: bundle format \(version)\(tool), checked by format \(current)'s rules, which differ: "
            + "some problems below may be those differences; verify it with the version that exported it"
    }
}
