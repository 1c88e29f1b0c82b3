import Foundation

/// The trusted-keys file, `<config>/trusted-keys` (`$XDG_CONFIG_HOME/investigate/trusted-keys`):
/// the signers whose bundles `investigate verify` accepts besides the investigator's own key.
///
/// One key per line: the base64 Ed25519 public key exactly as a bundle's manifest carries it
/// (`signature.public_key`, 44 characters), then optionally spaces and a comment naming whose
/// key it is. Blank lines and lines starting with `#` are ignored. Any other line is an error
/// naming the file and line, so a typo never silently trusts or drops a key. The file is read up
/// to 1 MiB, and only when nobody else could have written it, as ssh holds `authorized_keys`: it
/// is a regular file owned by the user or root and not writable by group or others, and each
/// folder above it is owned by the user or root and not writable by group or others (unless
/// sticky, as `/tmp` is, where nobody can rename another's entry). A trial's trusted-keys owned
/// by `nobody`, or in a world-writable folder where anyone could rename a file over it, was trusted.
public enum TrustedKeysFile {
    /// The largest file read.
    static let maxBytes = 1 << 20

    /// `<config>/trusted-keys`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        InvestigatePaths.configDirectory(environment: environment) + "/trusted-keys"
    }

    /// The signers listed at `path`; none when the file does not exist.
    /// - Throws: `BundleError` naming the file (and line) when it is unreadable, too large,
    ///   writable by others, or holds a malformed line.
    public static func read(path: String) throws -> [BundleTrust.Signer] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        // The file a link names is the one held to the rules (a link's own mode is always 0777),
        // and the one read: resolved once, so a link swapped after the checks is not followed.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try attributesOrError(resolved, of: path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o022 != 0 {
            throw BundleError("\(path): writable by group or others (mode \(String(mode, radix: 8))); run chmod go-w on it")
        }
        try checkWrittenOnlyByUser(path, resolved: resolved)
        if let size = attributes[.size] as? Int, size > maxBytes {
            throw BundleError("\(path): \(size) bytes, over the \(maxBytes)-byte limit for a trusted-keys file")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else { throw BundleError("\(path): cannot be read") }
        return try parse(Array(data.prefix(maxBytes)), path: path)
    }

    /// Throws unless the file `path` resolves to is a regular file owned by the user or root, and
    /// every folder above it, and above the path as given (where a link to it sits), is owned by
    /// the user or root and not writable by group or others without the sticky bit.
    static func checkWrittenOnlyByUser(_ path: String, resolved: String) throws {
        let user = UInt(geteuid())
        func owner(_ attributes: [FileAttributeKey: Any]) -> UInt? { (attributes[.ownerAccountID] as? NSNumber)?.uintValue }
        let file = try attributesOrError(resolved, of: path)
        guard file[.type] as? FileAttributeType == .typeRegular else {
            throw BundleError("\(path): not a regular file")
        }
        if let owner = owner(file), owner != user, owner != 0 {
            throw BundleError("\(path): owned by user \(owner), not by you or root; a trusted-keys file others own is not read")
        }
        // The folder the path as given sits in, its own links resolved (a link's attributes are
        // not its target's), and the resolved file's folder: each up to the root.
        let givenFolder = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path
        var folders: [String] = []
        for start in [(resolved as NSString).deletingLastPathComponent, givenFolder] {
            var folder = start
            while !folder.isEmpty, !folders.contains(folder) {
                folders.append(folder)
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        for folder in folders {
            let attributes = try attributesOrError(folder, of: path)
            let mode = (attributes[.posixPermissions] as? Int) ?? 0
            if let owner = owner(attributes), owner != user, owner != 0 {
                throw BundleError("\(path): its folder \(folder) is owned by user \(owner), not by you or root")
            }
            // posixPermissions carries the sticky bit (0o1000) with the permission bits.
            if mode & 0o022 != 0, mode & 0o1000 == 0 {
                throw BundleError(
                    "\(path): its folder \(folder) is writable by group or others (mode \(String(mode, radix: 8))), "
                        + "so anyone could put another file in its place; run chmod go-w on it")
            }
        }
    }

    /// The attributes of `item`, or an error naming the trusted-keys file `path`.
    static func attributesOrError(_ item: String, of path: String) throws -> [FileAttributeKey: Any] {
        do { return try FileManager.default.attributesOfItem(atPath: item) } catch {
            throw BundleError("\(path): cannot be read: \(error.localizedDescription)")
        }
    }

    /// The signers in a trusted-keys file's bytes.
    /// - Throws: `BundleError` naming `path:line` for a line that is not a key.
    public static func parse(_ bytes: [UInt8], path: String) throws -> [BundleTrust.Signer] {
        var signers: [BundleTrust.Signer] = []
        for (i, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
            guard let key = BundleTrust.publicKey(base64: String(fields[0])) else {
                throw BundleError("\(path):\(i + 1): not a base64 Ed25519 public key (44 characters, then an optional comment)")
            }
            let comment = fields.count > 1 ? " (\(TextEscaping.visible(fields[1].trimmingCharacters(in: .whitespaces), limit: 80)))" : ""
            signers.append(BundleTrust.Signer(publicKey: key, reason: "\(path) line \(i + 1)\(comment)"))
        }
        return signers
    }
}
