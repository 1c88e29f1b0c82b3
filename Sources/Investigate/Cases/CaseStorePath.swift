import Foundation

/// Where the case store, the signing key and the pseudonym key live.
public enum InvestigatePaths {
    /// The case database: `--db PATH`, else `$INVESTIGATE_DB`, else
    /// `$XDG_DATA_HOME/investigate/cases.sqlite` (default `~/.local/share/investigate/cases.sqlite`).
    public static func caseDatabase(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["INVESTIGATE_DB"], !env.isEmpty { return env }
        return dataHome(environment) + "/investigate/cases.sqlite"
    }

    /// `$XDG_CONFIG_HOME/investigate` (default `~/.config/investigate`).
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/investigate" }
        return home(environment) + "/.config/investigate"
    }

    /// The Ed25519 signing key: `$INVESTIGATE_KEY`, else `<config>/signing.key`.
    public static func signingKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let env = environment["INVESTIGATE_KEY"], !env.isEmpty { return env }
        return configDirectory(environment: environment) + "/signing.key"
    }

    /// The HMAC key for `--redact` pseudonyms: next to the signing key.
    public static func pseudonymKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let signing = signingKey(environment: environment)
        let folder = signing.contains("/") ? String(signing[..<signing.lastIndex(of: "/")!]) : "."
        return folder + "/pseudonym.key"
    }

    /// The user recorded as `who`: the operating-system account running the tool (`getpwuid`
    /// of the effective uid), never `$USER`, which is unset under some tmux setups and, when
    /// set, can claim to be anyone. `uid N` when the account has no passwd entry.
    public static func currentUser() -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        let text = String(cString: name)
        return text.isEmpty || text.utf8.count > 64 ? "uid \(uid)" : text
    }

    static func dataHome(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg }
        return home(environment) + "/.local/share"
    }

    static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// Creates the parent folder of `path` (mode 0700) when missing.
    /// - Throws: `CaseStoreError` naming the folder when it cannot be created.
    static func ensureParent(of path: String) throws {
        let parent = AtomicFile.parentFolder(of: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw CaseStoreError(.unwritable, "\(parent) is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw CaseStoreError(.unwritable, "cannot create the folder \(parent): \(error.localizedDescription)")
        }
    }
}
