import Foundation
@testable import Investigate

/// Writes zip archives byte by byte, well formed or not, so tests can build exactly the archive
/// an attacker would: duplicate names, lying sizes, zip64 records, data descriptors, bombs.
struct TestZip {
    /// One entry as it will be written.
    struct Entry {
        var name: [UInt8]
        /// 0 stored, 8 deflate.
        var method: UInt16
        /// The bytes written after the local header (compressed when `method` is 8).
        var payload: [UInt8]
        /// The uncompressed size the headers declare.
        var size: UInt64
        var crc: UInt32
        /// Extra fields written after the zip64 one (raw: id, length, data), local and central.
        var localExtra: [UInt8] = []
        var centralExtra: [UInt8] = []
        /// The entry comment (central directory).
        var comment: [UInt8] = []
        /// The central directory's external attributes (the exporter's: a regular file, mode 0600).
        var externalAttributes: UInt32 = 0o100600 << 16
        /// Header fields the exporter's writer sets; nil writes the writer's value (flags 0x0800,
        /// or 0x0808 with `descriptors`; version needed 20, or 45 with `zip64`; the archive's
        /// `modified`), so a test changes only the one it forges.
        var versionMadeBy: UInt16 = 789
        var versionNeeded: UInt16? = nil
        var localVersionNeeded: UInt16? = nil
        var flags: UInt16? = nil
        var localFlags: UInt16? = nil
        var modified: ZipDOSTime? = nil
        var localModified: ZipDOSTime? = nil
    }

    var entries: [Entry] = []
    /// Write sizes and offsets in zip64 extra fields and add the zip64 end records.
    var zip64 = false
    /// Flag each entry as having a data descriptor (zeros in the local header, values after the data).
    var descriptors = false
    /// The archive comment (end record).
    var comment: [UInt8] = []
    /// Every entry's date and time unless it gives its own (`init(files:)`: the manifest's
    /// `exported_at`, as the exporter writes it).
    var modified = ZipDOSTime(date: 0x0021, time: 0)

    /// Adds an entry as the exporter does: deflate (here in stored blocks, which any inflater reads).
    mutating func add(_ name: String, _ bytes: [UInt8]) {
        entries.append(
            Entry(name: Array(name.utf8), method: 8, payload: StoredDeflate.stream(bytes), size: UInt64(bytes.count), crc: TestCRC32.of(bytes)))
    }

    /// Adds a stored (method 0) entry, which the exporter never writes.
    mutating func addStored(_ name: String, _ bytes: [UInt8]) {
        entries.append(Entry(name: Array(name.utf8), method: 0, payload: bytes, size: UInt64(bytes.count), crc: TestCRC32.of(bytes)))
    }

    /// Every file of a bundle, sorted by name, with the headers the exporter writes.
    init(files: [String: [UInt8]]) {
        for name in files.keys.sorted() { add(name, files[name]!) }
        if let manifest = files["manifest.json"], let exportedAt = (try? JSONValue.parse(manifest))?["exported_at"]?.stringValue {
            modified = ZipDOSTime.exporter(exportedAt: exportedAt)
        }
    }

    init() {}

    /// The archive bytes.
    func bytes() -> [UInt8] {
        var out = ByteWriter()
        var central = ByteWriter()
        for entry in entries {
            let offset = UInt64(out.bytes.count)
            let flags: UInt16 = entry.flags ?? (descriptors ? 0x0808 : 0x0800)
            let needed = entry.versionNeeded ?? (zip64 ? 45 : 20)
            let time = entry.modified ?? modified
            let localTime = entry.localModified ?? time
            out.u32(0x0403_4b50)
            out.u16(entry.localVersionNeeded ?? needed)
            out.u16(entry.localFlags ?? flags)
            out.u16(entry.method)
            out.u16(localTime.time)
            out.u16(localTime.date)
            let localExtra: [UInt8] = (zip64 ? extra([entry.size, UInt64(entry.payload.count)]) : []) + entry.localExtra
            if descriptors {
                out.u32(0)
                out.u32(zip64 ? 0xFFFF_FFFF : 0)
                out.u32(zip64 ? 0xFFFF_FFFF : 0)
            } else {
                out.u32(entry.crc)
                out.u32(zip64 ? 0xFFFF_FFFF : UInt32(entry.payload.count))
                out.u32(zip64 ? 0xFFFF_FFFF : UInt32(truncatingIfNeeded: entry.size))
            }
            out.u16(UInt16(entry.name.count))
            out.u16(UInt16(localExtra.count))
            out.bytes += entry.name + localExtra + entry.payload
            if descriptors {
                out.u32(0x0807_4b50)
                out.u32(entry.crc)
                if zip64 {
                    out.u64(UInt64(entry.payload.count))
                    out.u64(entry.size)
                } else {
                    out.u32(UInt32(entry.payload.count))
                    out.u32(UInt32(truncatingIfNeeded: entry.size))
                }
            }
            let centralExtra: [UInt8] = (zip64 ? extra([entry.size, UInt64(entry.payload.count), offset]) : []) + entry.centralExtra
            central.u32(0x0201_4b50)
            central.u16(entry.versionMadeBy)
            central.u16(needed)
            central.u16(flags)
            central.u16(entry.method)
            central.u16(time.time)
            central.u16(time.date)
            central.u32(entry.crc)
            central.u32(zip64 ? 0xFFFF_FFFF : UInt32(entry.payload.count))
            central.u32(zip64 ? 0xFFFF_FFFF : UInt32(truncatingIfNeeded: entry.size))
            central.u16(UInt16(entry.name.count))
            central.u16(UInt16(centralExtra.count))
            central.u16(UInt16(entry.comment.count))
            central.u16(0)  // disk
            central.u16(0)  // internal attributes
            central.u32(entry.externalAttributes)
            central.u32(zip64 ? 0xFFFF_FFFF : UInt32(offset))
            central.bytes += entry.name + centralExtra + entry.comment
        }
        let directoryOffset = UInt64(out.bytes.count)
        out.bytes += central.bytes
        let directorySize = UInt64(central.bytes.count)
        if zip64 {
            let recordOffset = UInt64(out.bytes.count)
            out.u32(0x0606_4b50)
            out.u64(44)
            out.u16(45)
            out.u16(45)
            out.u32(0)
            out.u32(0)
            out.u64(UInt64(entries.count))
            out.u64(UInt64(entries.count))
            out.u64(directorySize)
            out.u64(directoryOffset)
            out.u32(0x0706_4b50)
            out.u32(0)
            out.u64(recordOffset)
            out.u32(1)
        }
        out.u32(0x0605_4b50)
        out.u32(0)  // disks
        out.u16(zip64 ? 0xFFFF : UInt16(entries.count))
        out.u16(zip64 ? 0xFFFF : UInt16(entries.count))
        out.u32(zip64 ? 0xFFFF_FFFF : UInt32(directorySize))
        out.u32(zip64 ? 0xFFFF_FFFF : UInt32(directoryOffset))
        out.u16(UInt16(comment.count))
        return out.bytes + comment
    }

    /// A zip64 extra field holding `values`.
    func extra(_ values: [UInt64]) -> [UInt8] {
        var w = ByteWriter()
        w.u16(1)
        w.u16(UInt16(8 * values.count))
        values.forEach { w.u64($0) }
        return w.bytes
    }
}

/// Little-endian field writer.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
}

/// A raw deflate stream of stored blocks (type 00, at most 65,535 bytes each): what a deflate
/// entry holds when a writer does not compress, readable by any inflater.
enum StoredDeflate {
    static func stream(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = min(start + 0xFFFF, bytes.count)
            let length = UInt16(end - start)
            out.append(end == bytes.count ? 1 : 0)  // BFINAL on the last block; BTYPE 00
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        return out
    }
}

/// The zip CRC-32 (reflected polynomial 0xEDB88320).
enum TestCRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func of(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// A raw deflate stream that inflates to `count` zero bytes (count >= 259), built directly in
/// fixed-Huffman codes: a literal 0, then <length 258, distance 1> copies, in milliseconds even
/// for 4 GiB (about 6.3 MB of stream per GiB).
enum DeflatedZeros {
    static func stream(count: UInt64) -> [UInt8] {
        precondition(count >= 259)
        let copies = (count - 1) / 258
        let literals = (count - 1) % 258
        var bits = BitWriter()
        bits.bits(1, 1)  // BFINAL
        bits.bits(1, 2)  // BTYPE 01: fixed Huffman
        bits.code(0x30, 8)  // literal 0
        bits.code(0xC5, 8)  // length 258 (symbol 285)
        bits.code(0, 5)  // distance 1
        precondition(bits.used == 0)  // 24 bits: the copies that follow are byte aligned
        var group = BitWriter()
        for _ in 0..<8 {
            group.code(0xC5, 8)
            group.code(0, 5)
        }
        let groups = Int((copies - 1) / 8)
        let bodyBytes = groups * group.bytes.count
        var body = groups == 0 ? [] : group.bytes
        body.reserveCapacity(bodyBytes)
        while !body.isEmpty, body.count * 2 <= bodyBytes { body += body }  // doubling: a few dozen appends
        body += body.prefix(bodyBytes - body.count)
        let out = bits.bytes + body
        var tail = BitWriter()
        for _ in 0..<((copies - 1) % 8) {
            tail.code(0xC5, 8)
            tail.code(0, 5)
        }
        for _ in 0..<literals { tail.code(0x30, 8) }
        tail.code(0, 7)  // end of block
        tail.flush()
        return out + tail.bytes
    }

    /// Deflate packs bits from the least significant end; Huffman codes go most significant bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var current: UInt8 = 0
        var used = 0

        mutating func bits(_ value: UInt32, _ count: Int) {
            for i in 0..<count {
                if (value >> UInt32(i)) & 1 == 1 { current |= 1 << UInt8(used) }
                used += 1
                if used == 8 { flush() }
            }
        }

        mutating func code(_ value: UInt32, _ count: Int) {
            var reversed: UInt32 = 0
            for i in 0..<count where (value >> UInt32(i)) & 1 == 1 { reversed |= 1 << UInt32(count - 1 - i) }
            bits(reversed, count)
        }

        mutating func flush() {
            guard used > 0 else { return }
            bytes.append(current)
            current = 0
            used = 0
        }
    }
}
