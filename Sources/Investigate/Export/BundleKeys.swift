import Crypto
import Foundation

/// The investigator's Ed25519 signing key and the HMAC key behind `--redact` pseudonyms.
///
/// Both are created on first use (32 random bytes, base64 in a file of mode 0600 in a 0700
/// folder) and read back afterwards.
public enum BundleKeys {
    /// Loads or creates the signing key at `path` (default `InvestigatePaths.signingKey()`).
    /// - Throws: `AtomicFile.WriteError` or `BundleError` when the file is unreadable or malformed.
    public static func signingKey(path: String = InvestigatePaths.signingKey()) throws -> Curve25519.Signing.PrivateKey {
        let raw = try loadOrCreate(path: path, what: "signing key")
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        } catch {
            throw BundleError("the signing key \(path) is malformed: \(error)")
        }
    }

    /// The public half of the signing key at `path`, or nil when there is no key there (none is
    /// created: verifying never makes a key).
    /// - Throws: `BundleError` when the file exists but is unreadable or malformed.
    /// A key file the group or others may write is not trusted: anyone could have put their own
    /// key there, and `verify` would then trust what they signed.
    public static func existingPublicKey(path: String = InvestigatePaths.signingKey()) throws -> Curve25519.Signing.PublicKey? {
        guard let raw = try load(path: path, what: "signing key") else { return nil }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o022 != 0 {
            throw BundleError("run chmod go-w on \(path): your signing key there is writable by group or others (mode \(String(mode, radix: 8))), so it is not trusted")
        }
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: raw).publicKey
        } catch {
            throw BundleError("the signing key \(path) is malformed: \(error)")
        }
    }

    /// Loads or creates the pseudonym key next to the signing key.
    /// - Throws: `AtomicFile.WriteError` or `BundleError`.
    public static func pseudonymKey(path: String = InvestigatePaths.pseudonymKey()) throws -> SymmetricKey {
        SymmetricKey(data: try loadOrCreate(path: path, what: "pseudonym key"))
    }

    /// The short id of a public key: the first 16 hex digits of its sha256.
    public static func keyID(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        String(AuditChain.sha256Hex(Array(publicKey.rawRepresentation)).prefix(16))
    }

    /// The 32 key bytes stored at `path`, or nil when no file is there.
    static func load(path: String, what: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32
        else { throw BundleError("the \(what) \(path) is unreadable or not 32 base64 bytes") }
        return Array(data)
    }

    /// The key at `path`, or a new one written there. A key the group or others may read or
    /// write is refused, as ssh refuses such a private key: anyone who can read it can sign (or
    /// undo pseudonyms) as the investigator.
    static func loadOrCreate(path: String, what: String) throws -> [UInt8] {
        if let existing = try load(path: path, what: what) {
            if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
                throw BundleError("run chmod 600 on \(path): the \(what) there is open to group or others (mode \(String(mode, radix: 8))), and anyone who can read it can use it as you")
            }
            return existing
        }
        let folder = AtomicFile.parentFolder(of: path)
        if folder != "." {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw BundleError("cannot create \(folder) for the \(what): \(error.localizedDescription)")
            }
        }
        let bytes = SecureRandom.bytes(32)
        try AtomicFile.write(Array((Data(bytes).base64EncodedString() + "\n").utf8), to: path)
        return bytes
    }
}

/// An export or verify failure, with a message for the investigator.
public struct BundleError: Error, CustomStringConvertible {
    public var message: String
    /// The same in fewer words, fullest first, for a narrow status line (none: the message
    /// is short enough).
    public var brief: [String]
    public init(_ message: String, brief: [String] = []) {
        self.message = message
        self.brief = brief
    }
    public var description: String { message }
}

/// Keyed-hash pseudonyms for `--redact`: HMAC-SHA256 of the value under the pseudonym key, so
/// the same value always maps to the same pseudonym within one key, and cannot be reversed.
public struct Redactor: @unchecked Sendable {
    let key: SymmetricKey

    /// Creates a redactor with a key.
    public init(key: SymmetricKey) { self.key = key }

    /// A pseudonym such as `email-3f9a...` (20 hex digits).
    public func pseudonym(_ kind: String, _ value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array((kind + ":" + value).utf8), using: key)
        return kind + "-" + Array(mac).prefix(10).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The pseudonym of exact bytes (the same as the `String` form for valid UTF-8).
    public func pseudonym(_ kind: String, _ value: ExactText) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array((kind + ":").utf8) + value.bytes, using: key)
        return kind + "-" + Array(mac).prefix(10).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The key's public id (first 16 hex of sha256 of a MAC over a fixed label; does not reveal the key).
    public var keyID: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("investigate-key-id".utf8), using: key)
        return Array(mac).prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
