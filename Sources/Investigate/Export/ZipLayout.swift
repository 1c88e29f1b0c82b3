import Foundation

/// Checks each entry's local header against the central directory and that the entries tile
/// the archive: the first starts at offset 0, each starts where the one before ends, the last
/// ends where the central directory starts. So no bytes hide before, between or after the
/// entries, and no two entries share data (the overlapping-entry zip bomb).
enum ZipLayout {
    /// The entries with `dataOffset` filled in, in central-directory order.
    /// - Throws: `MalformedZip` naming the first entry whose local header or place is wrong.
    static func check(_ directory: ZipDirectory, in file: RandomAccessFile) throws -> [ZipEntry] {
        var entries = directory.entries
        var spans: [(start: UInt64, end: UInt64, index: Int)] = []
        for i in entries.indices {
            let end = try readLocalHeader(&entries[i], in: file)
            spans.append((entries[i].localHeaderOffset, end, i))
        }
        spans.sort { $0.start < $1.start }
        var position: UInt64 = 0
        var previous: String?
        for span in spans {
            let name = TextEscaping.visible(entries[span.index].name, limit: 200)
            if span.start > position {
                throw MalformedZip(
                    previous.map { "\(span.start - position) unaccounted bytes between \($0) and \(name)" }
                        ?? "\(span.start) bytes before the first entry")
            }
            if span.start < position { throw MalformedZip("\(name) overlaps \(previous ?? "the start of the archive")") }
            position = span.end
            previous = name
        }
        if position != directory.centralDirectoryOffset {
            throw MalformedZip(
                position < directory.centralDirectoryOffset
                    ? "\(directory.centralDirectoryOffset - position) unaccounted bytes before the central directory"
                    : "\(previous ?? "an entry") runs into the central directory")
        }
        return entries
    }

    /// Reads and checks one local header; returns where the entry ends (data and descriptor included).
    static func readLocalHeader(_ entry: inout ZipEntry, in file: RandomAccessFile) throws -> UInt64 {
        let name = TextEscaping.visible(entry.name, limit: 200)
        let fixed = try file.read(at: entry.localHeaderOffset, count: 30, what: "the local header of \(name)")
        var r = LittleEndianReader(fixed, what: "the local header of \(name)")
        guard try r.u32() == ZipDirectory.localSignature else {
            throw MalformedZip("no local header at offset \(entry.localHeaderOffset) where the directory puts \(name)")
        }
        let needed = try r.u16()
        let flags = try r.u16(), method = try r.u16()
        let time = try r.u16(), date = try r.u16()
        let crc = try r.u32(), compressed = try r.u32(), uncompressed = try r.u32()
        let nameLength = try r.u16(), extraLength = try r.u16()
        let variable = try file.read(
            at: entry.localHeaderOffset + 30, count: Int(nameLength) + Int(extraLength), what: "the local header of \(name)")
        guard Array(variable.prefix(Int(nameLength))) == entry.name else {
            let local = TextEscaping.visible(variable.prefix(Int(nameLength)), limit: 200)
            throw MalformedZip("the local header of \(name) names it \(local)")
        }
        guard method == entry.method, flags & 0x0049 == entry.flags & 0x0049 else {
            throw MalformedZip("the local header of \(name) disagrees with the central directory on compression or flags")
        }
        entry.dataOffset = entry.localHeaderOffset + 30 + UInt64(nameLength) + UInt64(extraLength)
        let extra = Array(variable.dropFirst(Int(nameLength)))
        var localSizes = (compressed: UInt64(compressed), uncompressed: UInt64(uncompressed))
        let zip64 = try ZipDirectory.zip64Field(extra, what: "the local extra field of \(name)")
        // A local zip64 field holds both sizes when either is 0xFFFFFFFF (as ZIPFoundation writes it).
        let bothSizes = compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF
        entry.metadata.localExtra = ZipEntryMetadata.foreignFields(extra, zip64Bytes: bothSizes ? 16 : 0)
        entry.metadata.localVersionNeeded = needed
        entry.metadata.localSizesInZip64 = bothSizes
        entry.metadata.localFlags = flags
        entry.metadata.localModified = ZipDOSTime(date: date, time: time)
        if let field = zip64 {
            entry.zip64 = true
            var z = LittleEndianReader(field, what: "the local zip64 field of \(name)")
            if uncompressed == 0xFFFF_FFFF { localSizes.uncompressed = try z.u64() }
            if compressed == 0xFFFF_FFFF { localSizes.compressed = try z.u64() }
        }
        let (dataEnd, overflow) = entry.dataOffset.addingReportingOverflow(entry.compressedSize)
        guard !overflow, dataEnd <= file.size else { throw MalformedZip("the data of \(name) runs past the end of the file") }
        guard entry.hasDataDescriptor else {
            guard crc == entry.crc32, localSizes.compressed == entry.compressedSize, localSizes.uncompressed == entry.uncompressedSize
            else {
                throw MalformedZip(
                    "the local header of \(name) declares \(localSizes.uncompressed) bytes (\(localSizes.compressed) compressed), "
                        + "the central directory \(entry.uncompressedSize) (\(entry.compressedSize) compressed)")
            }
            return dataEnd
        }
        return dataEnd + (try descriptorLength(entry, at: dataEnd, in: file, name: name))
    }

    /// The length of the data descriptor after an entry's data, whose values must match the directory.
    static func descriptorLength(_ entry: ZipEntry, at offset: UInt64, in file: RandomAccessFile, name: String) throws -> UInt64 {
        let sizeWidth = entry.zip64 ? 8 : 4
        let available = Int(min(UInt64(4 + 4 + 2 * sizeWidth), file.size - offset))
        let bytes = try file.read(at: offset, count: available, what: "the data descriptor of \(name)")
        var r = LittleEndianReader(bytes, what: "the data descriptor of \(name)")
        var length = 4 + 2 * sizeWidth
        if r.readU32() == 0x0807_4b50 {
            try r.skip(4)
            length += 4
        }
        let crc = try r.u32()
        let compressed = sizeWidth == 8 ? try r.u64() : UInt64(try r.u32())
        let uncompressed = sizeWidth == 8 ? try r.u64() : UInt64(try r.u32())
        guard crc == entry.crc32, compressed == entry.compressedSize, uncompressed == entry.uncompressedSize else {
            throw MalformedZip("the data descriptor of \(name) disagrees with the central directory")
        }
        return UInt64(length)
    }
}
