import Crypto

/// The per-case hash chain: each entry holds the sha256 of the previous entry's canonical line.
public enum AuditChain {
    /// The `prev_hash` of a case's first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Where a chain first goes wrong.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The 1-based position of the first bad entry (its `seq` when readable).
        public var seq: Int
        /// What is wrong with it.
        public var reason: String
        public var description: String { "audit entry \(seq): \(reason)" }
    }

    /// The lowercase hex sha256 of bytes.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hash an entry must carry.
    public static func hash(of entry: AuditEntry) -> String { sha256Hex(entry.hashedValue.canonicalBytes) }

    /// Checks a chain read in order; returns the first problem, or nil when every link holds.
    public static func verify(_ entries: [AuditEntry], caseID: String? = nil) -> Problem? {
        var previous = genesis
        for (offset, entry) in entries.enumerated() {
            let expectedSeq = offset + 1
            if entry.seq != expectedSeq {
                return Problem(seq: expectedSeq, reason: "sequence number is \(entry.seq), expected \(expectedSeq)")
            }
            if let caseID, entry.caseID != caseID {
                return Problem(seq: entry.seq, reason: "belongs to case \(entry.caseID), not \(caseID)")
            }
            if entry.prevHash != previous {
                return Problem(seq: entry.seq, reason: "prev_hash does not match the hash of entry \(entry.seq - 1)")
            }
            if hash(of: entry) != entry.hash {
                return Problem(seq: entry.seq, reason: "content does not match its hash (edited)")
            }
            previous = entry.hash
        }
        return nil
    }

    /// Reads one `audit.jsonl` line back into an entry.
    /// - Throws: `JSONParseError` or `Problem` when a field is missing.
    public static func entry(fromLine line: String, position: Int) throws -> AuditEntry {
        let value = try JSONValue.parse(line)
        func text(_ key: String) throws -> String {
            guard let s = value[key]?.stringValue else { throw Problem(seq: position, reason: "missing \(key)") }
            return s
        }
        guard let seq = value["seq"]?.intValue else { throw Problem(seq: position, reason: "missing seq") }
        guard let detail = value["detail"] else { throw Problem(seq: position, reason: "missing detail") }
        return AuditEntry(
            seq: Int(seq), caseID: try text("case_id"), at: try text("at"), who: try text("who"),
            action: try text("action"), detail: detail, prevHash: try text("prev_hash"),
            hash: try text("hash"))
    }

    /// Appends an entry to a case's chain inside the caller's write transaction (which holds
    /// the case's lock, so the chain stays linear).
    @discardableResult
    static func append(
        _ tx: any CaseTransaction, caseID: String, at: String, who: String, action: String,
        detail: JSONValue
    ) throws -> AuditEntry {
        let last = try tx.lastAuditLink(caseID: caseID)
        var entry = AuditEntry(
            seq: (last?.seq ?? 0) + 1, caseID: caseID, at: at, who: who, action: action, detail: detail,
            prevHash: last?.hash ?? genesis, hash: "")
        entry.hash = hash(of: entry)
        try tx.insertAudit(entry)
        // The case row keeps the head and length too: deleting entries from the end leaves a
        // valid chain, but not one that matches these.
        guard try tx.setAuditHead(caseID: caseID, hash: entry.hash, count: entry.seq) else {
            throw CaseStoreError.noCase(caseID)
        }
        return entry
    }

    /// An entry's detail as read back from its stored canonical JSON text (text that does not
    /// parse stays a string, and the chain check then names the entry).
    public static func detail(stored text: String) -> JSONValue {
        (try? JSONValue.parse(text)) ?? .string(text)
    }
}
