import ByteCore

/// Which loading worker parses a JSONL query line when a slice is shared between workers.
///
/// In a time-ordered export every slice holds nearly every account, so a slice parsed by one
/// worker made each worker hold (and the merge renumber) almost every account, key, address
/// and context. Instead every worker reads every line of a shared slice and fully parses only
/// the lines it owns: those whose account id hashes to it. Each worker then holds its own
/// accounts' values, as in account order.
///
/// The owner is a pure function of the line's bytes and the number of workers, so exactly one
/// worker takes each line whatever it holds: a cheap scan takes the raw bytes of the first
/// `"account_id"` key's string value (escapes left as they are) and hashes them; a line where
/// the scan finds no such value (a missing or non-string account id, another spelling of the
/// key, damaged JSON) belongs to worker 0, which parses it in full and reports what is wrong.
/// A wrong guess (a key inside another value, an escaped spelling of an account seen plain
/// elsewhere) costs speed only: the merge renumbers rows in file order whichever worker parsed
/// them.
enum QueryLineOwner {
    private static let key = Array(#""account_id""#.utf8)
    private static let keyAnchor = 8

    /// The worker (in `0..<owners`) that parses `line`.
    static func owner(of line: ArraySlice<UInt8>, among owners: Int) -> Int {
        line.withSpan { owner(of: $0, among: owners) }
    }

    /// `owner(of:among:)` over a span.
    @inline(__always)
    static func owner(of bytes: Span<UInt8>, among owners: Int) -> Int {
        guard owners > 1 else { return 0 }
        guard let value = accountValue(in: bytes) else { return 0 }
        return Int(ByteHash.mix(ByteHash.hash(bytes.extracting(value))) % UInt64(owners))
    }

    /// The raw bytes between the quotes of the first `"account_id"` key's string value, or nil.
    static func accountValue(in line: Span<UInt8>) -> Range<Int>? {
        // Found by its underscore: a line's quotes are many, its underscores few.
        let found = key.withSpan { ByteSearch.firstOffset(of: $0, in: line, anchor: keyAnchor) }
        guard let found else { return nil }
        var index = found + key.count
        let end = line.count
        func skipSpaces() { while index < end, line[index] == 0x20 || line[index] == 0x09 { index += 1 } }
        skipSpaces()
        guard index < end, line[index] == 0x3A else { return nil }
        index += 1
        skipSpaces()
        guard index < end, line[index] == 0x22 else { return nil }
        let start = index + 1
        index = start
        while index < end {
            switch line[index] {
            case 0x22: return start..<index
            case 0x5C: index += 2
            default: index += 1
            }
        }
        return nil
    }
}

extension ArraySlice where Element == UInt8 {
    /// Calls `body` with the slice's bytes as a span.
    func withSpan<Result>(_ body: (Span<UInt8>) -> Result) -> Result { body(span) }
}

extension Array where Element == UInt8 {
    /// Calls `body` with the array's bytes as a span.
    fileprivate func withSpan<Result>(_ body: (Span<UInt8>) -> Result) -> Result { body(span) }
}
