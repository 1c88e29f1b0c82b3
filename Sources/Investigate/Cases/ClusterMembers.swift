import Crypto

/// The exact members of one cluster, as a cluster tag's audit entry records them: how many, and
/// the SHA-256 over their ids sorted by bytes, each written as its length (8 bytes, big-endian)
/// then its bytes. A cluster id (`c4`) is a number of one source's ranking; the source's
/// fingerprint (`CaseSource`) reads only each file's name, size and two 16 KiB ends, so a
/// same-size edit in the middle of a file, or merely reordered rows, can keep the fingerprint
/// and give the id to other accounts (a trial moved a ring member into the cluster tagged
/// `benign` and its proposed ban became `none`, unwarned). A cluster tag therefore holds only
/// where the cluster of its id has exactly the members it was tagged with (`ClusterTagSources`).
public struct ClusterMembers: Hashable, Sendable {
    /// How many accounts.
    public let count: Int
    /// The lowercase hex SHA-256 of the sorted, length-prefixed ids.
    public let digest: String

    /// The members of a cluster given by exact account ids (order and repeats do not matter).
    public init(ids: [ExactText]) {
        let sorted = Array(Set(ids)).sorted()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.reduce(0) { $0 + 8 + $1.bytes.count })
        for id in sorted {
            let length = UInt64(id.bytes.count)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: length >> UInt64(shift))) }
            bytes += id.bytes
        }
        count = sorted.count
        digest = AuditChain.sha256Hex(bytes)
    }

    /// Reads the recorded form, `COUNT SHA256HEX`; nil when it is not that.
    public init?(recorded text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, String(count) == parts[0], parts[1].count == 64,
            parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        self.count = count
        digest = String(parts[1])
    }

    /// The recorded form: `COUNT SHA256HEX`.
    public var recorded: String { "\(count) \(digest)" }

    /// The audit-detail key holding cluster `id`'s members: `cluster_members.c4`.
    public static func key(cluster id: String) -> String { "cluster_members." + id }

    /// The members of cluster `id` in `investigation` (nil: no such cluster).
    public static func of(cluster id: String, in investigation: Investigation) -> ClusterMembers? {
        guard let cluster = investigation.cluster(id: id) else { return nil }
        return ClusterMembers(ids: cluster.members.map { investigation.data.accountExactID(Int($0)) })
    }
}
