import Foundation

/// The trusted-keys file, `<config>/trusted-keys` (`$XDG_CONFIG_HOME/investigate/trusted-keys`):
/// the signers whose bundles `investigate verify` accepts besides the investigator's own key.
///
/// One key per line: the base64 Ed25519 public key exactly as a bundle's manifest carries it
/// (`signature.public_key`, 44 characters), then optionally spaces and a comment naming whose
/// key it is. Blank lines and lines starting with `#` are ignored. Any other line is an error
/// naming the file and line, so a typo never silently trusts or drops a key. The file must not
/// be writable by group or others, and is read up to 1 MiB.
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
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw BundleError("\(path): cannot be read: \(error.localizedDescription)")
        }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o022 != 0 {
            throw BundleError("\(path): writable by group or others (mode \(String(mode, radix: 8))); run chmod go-w on it")
        }
        if let size = attributes[.size] as? Int, size > maxBytes {
            throw BundleError("\(path): \(size) bytes, over the \(maxBytes)-byte limit for a trusted-keys file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw BundleError("\(path): cannot be read") }
        return try parse(Array(data.prefix(maxBytes)), path: path)
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
