/// The named columns a table understands, matched case-insensitively.
public struct TableSchema: Sendable {
    /// The known column names, lowercased; a column's slot is its index here.
    public let columns: [String]
    /// Columns that every row must carry.
    public let required: [String]
    private let lookup: [String: Int]
    /// Open-addressed table of (hash of the lowercased name, slot) for byte lookups.
    private let byteTable: [(hash: UInt64, slot: Int)]
    /// The lowercased column names as bytes.
    private let columnBytes: [[UInt8]]
    private static let tableSize = 64

    /// Creates a schema from known and required column names.
    public init(columns: [String], required: [String]) {
        self.columns = columns.map { $0.lowercased() }
        self.required = required
        var table: [String: Int] = [:]
        for (index, name) in self.columns.enumerated() { table[name] = index }
        lookup = table
        var byteTable = [(hash: UInt64, slot: Int)](repeating: (0, -1), count: Self.tableSize)
        for (index, name) in self.columns.enumerated() {
            let hash = Self.lowercaseHash(Array(name.utf8).span)
            var i = Int(hash % UInt64(Self.tableSize))
            while byteTable[i].slot >= 0 { i = (i + 1) % Self.tableSize }
            byteTable[i] = (hash, index)
        }
        self.byteTable = byteTable
        columnBytes = self.columns.map { Array($0.utf8) }
    }

    @inline(__always)
    static func lowercaseHash(_ bytes: Span<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<bytes.count {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// The slot of a column name (case-insensitive), or nil for an extra column.
    public func slot(of name: String) -> Int? { lookup[name.lowercased()] }

    /// The slot of a column name given as bytes (case-insensitive), or nil for an extra column.
    @inline(__always)
    public func slot(of bytes: Span<UInt8>) -> Int? {
        let hash = Self.lowercaseHash(bytes)
        var i = Int(hash % UInt64(Self.tableSize))
        while true {
            let entry = byteTable[i]
            if entry.slot < 0 { return nil }
            if entry.hash == hash && matches(columnBytes[entry.slot], bytes) { return entry.slot }
            i = (i + 1) % Self.tableSize
        }
    }

    @inline(__always)
    private func matches(_ name: [UInt8], _ bytes: Span<UInt8>) -> Bool {
        if name.count != bytes.count { return false }
        for i in 0..<name.count {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != name[i] { return false }
        }
        return true
    }
}

