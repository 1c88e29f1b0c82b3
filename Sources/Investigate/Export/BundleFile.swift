/// One file of a bundle, rendered in memory: its fixed name, bytes and record count.
public struct BundleFile: Equatable {
    /// The fixed file name (never derived from data).
    public var path: String
    /// The content.
    public var bytes: [UInt8]
    /// Rows, lines or objects it holds (1 for single documents).
    public var records: Int

    public init(path: String, bytes: [UInt8], records: Int) {
        self.path = path
        self.bytes = bytes
        self.records = records
    }

    /// Its manifest entry.
    public var manifestEntry: JSONValue {
        [
            "path": .string(path), "bytes": .int(Int64(bytes.count)), "records": .int(Int64(records)),
            "sha256": .string(AuditChain.sha256Hex(bytes)),
        ]
    }
}
