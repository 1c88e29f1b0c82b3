import Foundation

/// One entry as the zip's central directory declares it; `dataOffset` is filled in once its
/// local header has been read and checked (`ZipLayout`).
struct ZipEntry: Equatable {
    /// The name's exact bytes (compared byte for byte, never through a Unicode normal form).
    var name: [UInt8]
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64
    /// True when a zip64 extra field gave any of the sizes or the offset.
    var zip64: Bool
    /// Where the entry's compressed bytes start (after the local header).
    var dataOffset: UInt64 = 0
    /// Attributes, comment and extra fields, held to the exporter's by `ZipMetadataCheck`.
    var metadata = ZipEntryMetadata()

    var isEncrypted: Bool { flags & 0x0041 != 0 }
    var hasDataDescriptor: Bool { flags & 0x0008 != 0 }
}

/// The central directory of a zip archive, read from its end records in safe Swift, with the
/// checks a verifier needs and a general-purpose reader skips: the directory must sit exactly
/// where the end record says (so bytes prepended to the archive are named as such), its size
/// and entry count must agree, it is bounded in size, and only single-disk archives are read.
struct ZipDirectory {
    /// Every entry in central-directory order (duplicates kept: the caller rejects them).
    var entries: [ZipEntry]
    /// Where the central directory starts: the entries' local data must tile `0..<centralDirectoryOffset`.
    var centralDirectoryOffset: UInt64
    /// The end record's archive comment (`unzip -l` prints it raw; the exporter writes none).
    var archiveComment: [UInt8] = []

    /// A bundle's directory is a few KiB; anything over this is refused before it is read.
    static let maxCentralDirectoryBytes = 16 << 20
    /// A bundle holds a dozen entries; anything over this is refused.
    static let maxEntries = 10_000

    static let endSignature: UInt32 = 0x0605_4b50
    static let zip64EndSignature: UInt32 = 0x0606_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let localSignature: UInt32 = 0x0403_4b50

    /// The declared layout at the end of the archive.
    struct EndRecord {
        var entryCount: UInt64
        var directorySize: UInt64
        var directoryOffset: UInt64
        /// Where the directory must end: the zip64 end record, else the end record.
        var directoryEnd: UInt64
        /// The end record's comment.
        var comment: [UInt8] = []
    }

    /// Reads and checks the end records and the central directory of `file`.
    /// - Throws: `MalformedZip` naming the first structural problem; `BundleError` on an I/O error.
    static func read(_ file: RandomAccessFile) throws -> ZipDirectory {
        let end = try endRecord(file)
        guard end.directorySize <= UInt64(maxCentralDirectoryBytes) else {
            throw MalformedZip("the central directory declares \(end.directorySize) bytes (limit \(maxCentralDirectoryBytes))")
        }
        guard end.entryCount <= UInt64(maxEntries) else {
            throw MalformedZip("the archive declares \(end.entryCount) entries (limit \(maxEntries))")
        }
        guard end.directorySize <= end.directoryEnd else {
            throw MalformedZip("the central directory (\(end.directorySize) bytes) is larger than what precedes the end record")
        }
        let actualStart = end.directoryEnd - end.directorySize
        if actualStart != end.directoryOffset { throw try misplaced(file, declared: end.directoryOffset, actual: actualStart) }
        let bytes = try file.read(at: actualStart, count: Int(end.directorySize), what: "the central directory")
        var reader = LittleEndianReader(bytes, what: "the central directory")
        var entries: [ZipEntry] = []
        while reader.remaining > 0 {
            guard entries.count < maxEntries else { throw MalformedZip("more than \(maxEntries) central directory entries") }
            entries.append(try centralEntry(&reader, index: entries.count + 1))
        }
        guard UInt64(entries.count) == end.entryCount else {
            throw MalformedZip("the central directory holds \(entries.count) entries, the end record declares \(end.entryCount)")
        }
        return ZipDirectory(entries: entries, centralDirectoryOffset: actualStart, archiveComment: end.comment)
    }

    /// Names bytes before the first entry (data prepended to the archive) or a misplaced directory.
    static func misplaced(_ file: RandomAccessFile, declared: UInt64, actual: UInt64) throws -> MalformedZip {
        if actual > declared {
            let shift = actual - declared
            if let head = try? file.read(at: shift, count: 4, what: "the first local header"),
                LittleEndianReader(head, what: "").readU32() == localSignature
            {
                return MalformedZip("\(shift) bytes before the first entry (data prepended to the archive)")
            }
        }
        return MalformedZip("the central directory starts at offset \(actual), but the end record declares offset \(declared)")
    }

    /// Finds the end-of-central-directory record (and the zip64 one when present).
    static func endRecord(_ file: RandomAccessFile) throws -> EndRecord {
        let tailSize = Int(min(file.size, 22 + 0xFFFF))
        let tail = try file.read(at: file.size - UInt64(tailSize), count: tailSize, what: "the end of the archive")
        var found: Int?
        var fitting: Int?
        var i = tail.count - 22
        while i >= 0, found == nil {
            if tail[i] == 0x50, tail[i + 1] == 0x4b, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                let commentLength = Int(tail[i + 20]) | Int(tail[i + 21]) << 8
                if i + 22 + commentLength == tail.count {
                    found = i
                } else if fitting == nil, i + 22 + commentLength < tail.count {
                    fitting = i
                }
            }
            i -= 1
        }
        guard let at = found else {
            if let at = fitting {
                let commentLength = Int(tail[at + 20]) | Int(tail[at + 21]) << 8
                let extra = tail.count - at - 22 - commentLength
                throw MalformedZip("\(extra) \(extra == 1 ? "byte" : "bytes") after the end-of-central-directory record")
            }
            throw MalformedZip("no end-of-central-directory record (not a zip archive)")
        }
        let recordOffset = file.size - UInt64(tailSize) + UInt64(at)
        var r = LittleEndianReader(tail, at: at + 4, what: "the end-of-central-directory record")
        let disk = try r.u16(), directoryDisk = try r.u16(), entriesHere = try r.u16(), entries = try r.u16()
        let size = try r.u32(), offset = try r.u32(), commentLength = Int(try r.u16())
        let comment = try r.take(commentLength)
        guard disk == 0, directoryDisk == 0, entriesHere == entries else { throw MalformedZip("a multi-disk archive") }
        if recordOffset >= 20,
            let locator = try? file.read(at: recordOffset - 20, count: 20, what: "the zip64 locator"),
            LittleEndianReader(locator, what: "").readU32() == zip64LocatorSignature
        {
            var record = try zip64EndRecord(file, locator: locator, locatorOffset: recordOffset - 20)
            record.comment = comment
            // The classic record must say the same, or say "see zip64" (all ones): a reader that
            // trusts it (`unzip -p`) would otherwise read another directory than the one checked.
            let agrees =
                (entries == 0xFFFF || UInt64(entries) == record.entryCount)
                && (size == 0xFFFF_FFFF || UInt64(size) == record.directorySize)
                && (offset == 0xFFFF_FFFF || UInt64(offset) == record.directoryOffset)
            guard agrees else {
                throw MalformedZip(
                    "the end-of-central-directory record (\(entries) entries, \(size) bytes at offset \(offset)) disagrees "
                        + "with the zip64 one (\(record.entryCount) entries, \(record.directorySize) bytes at offset "
                        + "\(record.directoryOffset))")
            }
            return record
        }
        return EndRecord(
            entryCount: UInt64(entries), directorySize: UInt64(size), directoryOffset: UInt64(offset), directoryEnd: recordOffset,
            comment: comment)
    }

    /// The zip64 end record, which must sit right before its locator (56 bytes, no extensible data).
    static func zip64EndRecord(_ file: RandomAccessFile, locator: [UInt8], locatorOffset: UInt64) throws -> EndRecord {
        var l = LittleEndianReader(locator, at: 4, what: "the zip64 locator")
        let disk = try l.u32(), declaredOffset = try l.u64(), disks = try l.u32()
        guard disk == 0, disks <= 1 else { throw MalformedZip("a multi-disk archive (zip64 locator)") }
        guard locatorOffset >= 56 else { throw MalformedZip("the zip64 locator points before the start of the file") }
        let actual = locatorOffset - 56
        let record = try file.read(at: actual, count: 56, what: "the zip64 end-of-central-directory record")
        var r = LittleEndianReader(record, what: "the zip64 end-of-central-directory record")
        guard try r.u32() == zip64EndSignature, try r.u64() == 44 else {
            throw MalformedZip("no zip64 end-of-central-directory record right before its locator")
        }
        try r.skip(4)
        let recordDisk = try r.u32(), directoryDisk = try r.u32(), entriesHere = try r.u64(), entries = try r.u64()
        let size = try r.u64(), offset = try r.u64()
        guard recordDisk == 0, directoryDisk == 0, entriesHere == entries else { throw MalformedZip("a multi-disk archive (zip64)") }
        // Bytes prepended to the archive shift this offset and the directory's alike: the
        // directory check below names them; any other disagreement is reported here.
        let shiftedAlike = declaredOffset < actual && offset &+ size == declaredOffset
        if declaredOffset != actual, !shiftedAlike {
            throw MalformedZip("the zip64 end record is at offset \(actual), but its locator declares offset \(declaredOffset)")
        }
        return EndRecord(entryCount: entries, directorySize: size, directoryOffset: offset, directoryEnd: actual)
    }

    /// One central directory entry, zip64 extra field applied.
    static func centralEntry(_ r: inout LittleEndianReader, index: Int) throws -> ZipEntry {
        guard try r.u32() == centralSignature else { throw MalformedZip("central directory entry \(index) has no valid signature") }
        let madeBy = try r.u16(), needed = try r.u16()
        let flags = try r.u16(), method = try r.u16()
        let time = try r.u16(), date = try r.u16()
        let crc = try r.u32(), compressed = try r.u32(), uncompressed = try r.u32()
        let nameLength = Int(try r.u16()), extraLength = Int(try r.u16()), commentLength = Int(try r.u16())
        let disk = try r.u16()
        let internalAttributes = try r.u16(), externalAttributes = try r.u32()
        let offset = try r.u32()
        let name = try r.take(nameLength)
        let extra = try r.take(extraLength)
        let comment = try r.take(commentLength)
        var entry = ZipEntry(
            name: name, flags: flags, method: method, crc32: crc, compressedSize: UInt64(compressed),
            uncompressedSize: UInt64(uncompressed), localHeaderOffset: UInt64(offset), zip64: false)
        let shown = TextEscaping.visible(name, limit: 200)
        let zip64 = try zip64Field(extra, what: "the extra field of \(shown)")
        entry.metadata = ZipEntryMetadata(
            versionMadeBy: madeBy, versionNeeded: needed, modified: ZipDOSTime(date: date, time: time),
            externalAttributes: externalAttributes, internalAttributes: internalAttributes, commentBytes: comment.count,
            commentStart: Array(comment.prefix(ZipEntryMetadata.shownBytes)),
            centralExtra: ZipEntryMetadata.foreignFields(
                extra, zip64Bytes: ZipEntryMetadata.zip64Bytes([uncompressed, compressed, offset], disk: disk)))
        if let field = zip64 {
            var z = LittleEndianReader(field, what: "the zip64 field of \(shown)")
            if uncompressed == 0xFFFF_FFFF { entry.uncompressedSize = try z.u64() }
            if compressed == 0xFFFF_FFFF { entry.compressedSize = try z.u64() }
            if offset == 0xFFFF_FFFF { entry.localHeaderOffset = try z.u64() }
            if disk == 0xFFFF, try z.u32() != 0 { throw MalformedZip("\(shown) is on another disk") }
            entry.zip64 = true
        } else if disk != 0 {
            throw MalformedZip("\(shown) is on another disk")
        }
        return entry
    }

    /// The data of the zip64 extra field (id 1) in an extra area, which must parse whole.
    static func zip64Field(_ extra: [UInt8], what: String) throws -> [UInt8]? {
        var r = LittleEndianReader(extra, what: what)
        var found: [UInt8]?
        while r.remaining > 0 {
            let id = try r.u16(), size = Int(try r.u16())
            let data = try r.take(size)
            if id == 0x0001 {
                guard found == nil else { throw MalformedZip("\(what) holds two zip64 fields") }
                found = data
            }
        }
        return found
    }
}

extension LittleEndianReader {
    /// The first four bytes as a little-endian value, or nil when shorter.
    func readU32() -> UInt32? {
        var copy = self
        return try? copy.u32()
    }
}
