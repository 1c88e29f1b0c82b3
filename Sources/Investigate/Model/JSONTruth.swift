import Foundation

/// A truth file as `generate` writes it: rings and decoys with their account ids.
/// `{"rings": [{"name", "style", "accounts": [id, ...]}, ...], "decoys": [{"name", "accounts"}, ...]}`;
/// `rings` is required, `decoys`, names and styles are optional; anything else in it is ignored.
public struct JSONTruth: Sendable {
    /// Planted rings.
    public var rings: [(name: String, style: String, accounts: [String])] = []
    /// Benign look-alikes.
    public var decoys: [(name: String, accounts: [String])] = []

    /// Why a truth file was refused.
    public struct Refusal: Error, CustomStringConvertible {
        /// What is wrong with it, for people.
        public let description: String
    }

    /// Parses the truth file's JSON text; a file that is not of this shape is refused, saying
    /// where.
    public init(jsonText: String) throws {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(jsonText.utf8), options: [.fragmentsAllowed])
        } catch {
            throw Refusal(description: "is not JSON")
        }
        guard let root = parsed as? [String: Any] else { throw Refusal(description: "is not a JSON object (it must hold \"rings\")") }
        guard let rings = root["rings"] as? [Any] else { throw Refusal(description: "has no \"rings\" list") }
        for (n, ring) in rings.enumerated() {
            let group = try Self.group(ring, "rings", n)
            self.rings.append((group.name ?? "ring \(n + 1)", group.style, group.accounts))
        }
        if let value = root["decoys"], !(value is NSNull) {
            guard let decoys = value as? [Any] else { throw Refusal(description: "has \"decoys\" that is not a list") }
            for (n, decoy) in decoys.enumerated() {
                let group = try Self.group(decoy, "decoys", n)
                self.decoys.append((group.name ?? "decoy \(n + 1)", group.accounts))
            }
        }
    }

    private static func group(_ value: Any, _ list: String, _ n: Int) throws -> (name: String?, style: String, accounts: [String]) {
        let at = "\(list)[\(n)]"
        guard let object = value as? [String: Any] else { throw Refusal(description: "\(at) is not an object") }
        guard let accounts = object["accounts"] as? [Any] else { throw Refusal(description: "\(at) has no \"accounts\" list") }
        var ids: [String] = []
        for (i, id) in accounts.enumerated() {
            guard let text = id as? String else { throw Refusal(description: "\(at).accounts[\(i)] is not a string (account ids are strings)") }
            ids.append(text)
        }
        return (object["name"] as? String, object["style"] as? String ?? "", ids)
    }
}
