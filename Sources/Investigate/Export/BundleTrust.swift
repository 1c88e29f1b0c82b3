import Crypto
import Foundation

/// The signers a verifier accepts, each with the reason it is trusted.
///
/// Without `--key`, trusted signers are the investigator's own signing key (its public half; no
/// key is created to verify) and the keys in the trusted-keys file under the config folder.
/// With `--key` (repeatable), only the keys given there are accepted: pinning a sender.
public struct BundleTrust: Sendable {
    /// One trusted signer: a full Ed25519 public key, or only a key id (from `--key`).
    public struct Signer: Sendable, Equatable {
        /// The raw 32-byte public key, when known.
        public var publicKey: [UInt8]?
        /// The 16-hex-digit key id.
        public var keyID: String
        /// Why it is trusted, e.g. `your own signing key (/home/a/.config/investigate/signing.key)`.
        public var reason: String

        /// A signer known by its full public key.
        public init(publicKey: Curve25519.Signing.PublicKey, reason: String) {
            self.publicKey = Array(publicKey.rawRepresentation)
            keyID = BundleKeys.keyID(publicKey)
            self.reason = reason
        }

        /// A signer known only by its key id (a 64-bit pin: prefer a full public key).
        public init(keyID: String, reason: String) {
            publicKey = nil
            self.keyID = keyID
            self.reason = reason
        }
    }

    /// Every trusted signer.
    public var signers: [Signer]
    /// Trust sources that could not be used (an unreadable own key), for the investigator.
    public var warnings: [String]
    /// How to trust another signer, said when a bundle's signer is not trusted.
    public var howToTrust = "pass its key id or public key with --key"

    /// A trust list.
    public init(signers: [Signer], warnings: [String] = []) {
        self.signers = signers
        self.warnings = warnings
    }

    /// Trusts exactly one key (e.g. the exporting key, in tests and scripts).
    public init(trusting key: Curve25519.Signing.PublicKey, reason: String = "given key") {
        self.init(signers: [Signer(publicKey: key, reason: reason)])
    }

    /// The trust `investigate verify` uses: the `--key` values when any are given, else the own
    /// signing key and the trusted-keys file.
    /// - Throws: `BundleError` for a malformed `--key` value or an unusable trusted-keys file.
    public static func standard(
        pinned: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> BundleTrust {
        if !pinned.isEmpty {
            var trust = BundleTrust(signers: try pinned.map { try parseKeyArgument($0) })
            trust.howToTrust = "only the --key signers are accepted"
            return trust
        }
        var trust = BundleTrust(signers: [])
        let ownPath = InvestigatePaths.signingKey(environment: environment)
        do {
            if let own = try BundleKeys.existingPublicKey(path: ownPath) {
                trust.signers.append(Signer(publicKey: own, reason: "your own signing key (\(ownPath))"))
            }
        } catch let error as BundleError {
            trust.warnings.append("\(error.message); it is not trusted")
        }
        let file = TrustedKeysFile.path(environment: environment)
        trust.signers += try TrustedKeysFile.read(path: file)
        trust.howToTrust = "to trust it, add its public key (manifest.json signature.public_key) to \(file), or pass --key"
        return trust
    }

    /// A `--key` value: a 16-hex-digit key id or a base64 Ed25519 public key.
    /// - Throws: `BundleError` naming the value when it is neither.
    public static func parseKeyArgument(_ value: String) throws -> Signer {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.count == 16, text.allSatisfy(\.isHexDigit) { return Signer(keyID: text.lowercased(), reason: "--key \(text.lowercased())") }
        if let key = publicKey(base64: text) { return Signer(publicKey: key, reason: "--key \(BundleKeys.keyID(key))") }
        throw BundleError(
            "--key \(TextEscaping.visible(value, limit: 100)): not a key id (16 hex digits) or a base64 Ed25519 public key (44 characters)")
    }

    /// The Ed25519 public key in base64 text, or nil.
    static func publicKey(base64 text: String) -> Curve25519.Signing.PublicKey? {
        guard let raw = Data(base64Encoded: text), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    /// The first trusted signer that `key` is (by full key, else by key id), or nil when none is.
    public func signer(for key: Curve25519.Signing.PublicKey) -> Signer? {
        let raw = Array(key.rawRepresentation)
        let id = BundleKeys.keyID(key)
        return signers.first { $0.publicKey == raw } ?? signers.first { $0.publicKey == nil && $0.keyID == id }
    }

    /// Where trust came from, for the message naming an untrusted signer.
    public var sources: String {
        if signers.isEmpty { return "no trusted keys: no own signing key, no trusted-keys file, no --key" }
        let reasons = signers.map(\.reason)
        return "trusted: " + reasons.prefix(3).joined(separator: "; ") + (reasons.count > 3 ? "; and \(reasons.count - 3) more" : "")
    }
}
