import Crypto

/// Name-based UUIDs (RFC 9562 version 5, SHA-1), for deterministic bundle and STIX ids.
public enum UUIDv5 {
    /// The STIX 2.1 namespace for cyber-observable ids.
    public static let stixObservables = "00abedb4-aa42-466c-9c01-fed23315a9b7"
    /// This tool's namespace for bundle and STIX domain object ids.
    public static let investigate = "7b6c3e0a-5d1f-5b8e-9a64-2f3c1d0e9b71"

    /// The UUID of `name` in `namespace` (lowercase, hyphenated).
    public static func make(namespace: String, name: String) -> String {
        var bytes = parse(namespace)
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let hex = digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-"
            + String(h[20..<32])
    }

    static func parse(_ uuid: String) -> [UInt8] {
        let hex = Array(uuid.filter { $0 != "-" })
        return stride(from: 0, to: hex.count, by: 2).map { UInt8(String(hex[$0..<$0 + 2]), radix: 16)! }
    }
}
