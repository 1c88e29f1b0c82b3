import Crypto
import Foundation

/// The sha256 and byte count of an entry, taken chunk by chunk as it is read or inflated, that
/// stops the read as soon as the content passes the manifest's byte count.
struct StreamedDigest {
    /// The manifest's byte count for the entry.
    let limit: UInt64
    /// Whose count `limit` is, for the message (`the manifest's`, `the zip directory's`).
    let limitSource: String
    private(set) var count: UInt64 = 0
    private var hasher = SHA256()

    init(limit: UInt64, limitSource: String = "the manifest's") {
        self.limit = limit
        self.limitSource = limitSource
    }

    /// Adds a chunk.
    /// - Throws: `EntryReadError` once the content is longer than `limit`.
    mutating func add(_ chunk: Data) throws {
        count += UInt64(chunk.count)
        guard count <= limit else {
            throw EntryReadError("altered or corrupt: holds more than \(limitSource) \(limit) bytes; stopped reading there")
        }
        hasher.update(data: chunk)
    }

    /// The lowercase hex sha256 of what was added.
    func hex() -> String {
        hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// Follows the audit chain of `audit.jsonl` line by line as its chunks arrive, holding at most
/// one line: each entry must carry the next sequence number, the case id, the previous entry's
/// hash, and its own hash (the checks of `AuditChain.verify`, one entry at a time).
///
/// A line has no fixed limit: one tag entry lists every account it tags, and the case store
/// takes any number of accounts of up to 65,536 bytes each, so whatever limit were chosen, an
/// honest case could write a longer line (a trial's 20 accounts of 60,000-byte ids, or 45,000
/// ordinary ids tagged in one sweep, passed 1 MiB and the bundle did not verify). The bound is
/// the file's own size in the signed manifest (`maxLineBytes`), which `StreamedDigest` already
/// holds the content to before a chunk reaches the chain; the entries read are kept anyway
/// (`parsed`), so memory grows with the file, never past it.
struct StreamedAuditChain {
    /// The longest line accepted: the file's size as the signed manifest lists it.
    let maxLineBytes: UInt64

    let caseID: String?
    private(set) var problem: String?
    private(set) var entries = 0
    private(set) var head = AuditChain.genesis
    /// The entries read, in order (for replaying the case they describe, `BundleCaseState`).
    private(set) var parsed: [AuditEntry] = []
    private var partial: [UInt8] = []

    init(caseID: String?, maxLineBytes: UInt64) {
        self.caseID = caseID
        self.maxLineBytes = maxLineBytes
    }

    /// Adds a chunk of the file.
    mutating func add(_ chunk: Data) {
        guard problem == nil else { return }
        for byte in chunk {
            if byte == 0x0A {
                finishLine()
                if problem != nil { return }
            } else if UInt64(partial.count) < maxLineBytes {
                partial.append(byte)
            } else {
                problem = "line \(entries + 1) is longer than the file's \(maxLineBytes) bytes in the manifest"
                return
            }
        }
    }

    /// Ends the file (a last line without a newline counts) and returns the first problem, if any.
    mutating func finish() -> String? {
        if problem == nil { finishLine() }
        return problem
    }

    private mutating func finishLine() {
        defer { partial.removeAll(keepingCapacity: true) }
        if partial.isEmpty { return }
        let position = entries + 1
        let entry: AuditEntry
        do { entry = try AuditChain.entry(fromLine: String(decoding: partial, as: UTF8.self), position: position) } catch {
            problem = "line \(position) is unreadable: \(error)"
            return
        }
        if entry.seq != position {
            problem = "audit entry \(position): sequence number is \(entry.seq), expected \(position)"
        } else if let caseID, entry.caseID != caseID {
            problem = "audit entry \(position): belongs to case \(TextEscaping.visible(entry.caseID, limit: 80)), not \(caseID)"
        } else if entry.prevHash != head {
            problem = "audit entry \(position): prev_hash does not match the hash of entry \(position - 1)"
        } else if AuditChain.hash(of: entry) != entry.hash {
            problem = "audit entry \(position): content does not match its hash (edited)"
        }
        head = entry.hash
        entries = position
        if problem == nil { parsed.append(entry) }
    }
}
