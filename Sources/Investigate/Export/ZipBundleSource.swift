import Foundation
import ZIPFoundation

/// A bundle in a zip archive: the directory and local headers are parsed and checked here
/// (`ZipDirectory`, `ZipLayout`) and inflated through the system zlib (`RawDeflateStream`), one
/// bounded chunk at a time; ZIPFoundation gives only its CRC-32.
final class ZipBundleSource: BundleSource {
    let file: RandomAccessFile
    let zipEntries: [ZipEntry]
    let entries: [BundleEntry]
    /// What the archive's comments, extra fields and attributes carry that the exporter never writes.
    let containerProblems: [String]

    /// Opens and checks the archive at `path`.
    /// - Throws: `MalformedZip` when its structure is wrong, `BundleError` when it cannot be read.
    init(path: String) throws {
        file = try RandomAccessFile(path: path)
        let directory = try ZipDirectory.read(file)
        zipEntries = try ZipLayout.check(directory, in: file)
        containerProblems = ZipMetadataCheck.problems(directory, entries: zipEntries, path: path)
        entries = zipEntries.enumerated().map { i, entry in
            var unreadable: String?
            if entry.isEncrypted {
                unreadable = "encrypted entry"
            } else if entry.method != 0, entry.method != 8 {
                unreadable = "compression method \(entry.method) is not supported (only stored and deflate)"
            } else if entry.method == 0, entry.compressedSize != entry.uncompressedSize {
                unreadable = "stored entry of \(entry.uncompressedSize) bytes holds \(entry.compressedSize)"
            }
            return BundleEntry(
                name: entry.name, declaredSize: entry.uncompressedSize, sizeSource: "zip directory", unreadable: unreadable, index: i)
        }
    }

    func timeProblems(exportedAt: String) -> [String] { ZipMetadataCheck.timeProblems(zipEntries, exportedAt: exportedAt) }

    func stream(_ entry: BundleEntry, into consume: (Data) throws -> Void) throws {
        let zip = zipEntries[entry.index]
        let crc: CRC32
        if zip.method == 0 {
            crc = try streamStored(zip, into: consume)
        } else {
            crc = try streamDeflated(zip, into: consume)
        }
        guard crc == zip.crc32 else {
            throw EntryReadError("crc32 \(hex(crc)) differs from the zip directory's \(hex(zip.crc32))")
        }
    }

    func streamStored(_ zip: ZipEntry, into consume: (Data) throws -> Void) throws -> CRC32 {
        var crc: CRC32 = 0
        var done: UInt64 = 0
        while done < zip.compressedSize {
            let count = Int(min(UInt64(BundleSourceLimits.chunk), zip.compressedSize - done))
            let chunk = Data(try readData(zip, at: done, count: count))
            crc = chunk.crc32(checksum: crc)
            try consume(chunk)
            done += UInt64(count)
        }
        return crc
    }

    /// Inflates through the system zlib (`RawDeflateStream`), one bounded chunk at a time. The
    /// stream must end exactly where the entry's compressed bytes end: a stream that has not ended
    /// there is refused (ZIPFoundation would read on into the next entry), and so are bytes after
    /// its end inside the declared size, which no inflater reads and a streaming reader can take
    /// for another entry (a trial hid a forged `enforcement.csv` there).
    func streamDeflated(_ zip: ZipEntry, into consume: (Data) throws -> Void) throws -> CRC32 {
        let inflater = try RawDeflateStream()
        var crc: CRC32 = 0
        var served: UInt64 = 0
        while served < zip.compressedSize, !inflater.ended {
            let count = Int(min(UInt64(BundleSourceLimits.chunk), zip.compressedSize - served))
            let chunk = try readData(zip, at: served, count: count)
            served += UInt64(count)
            try inflater.inflate(chunk, outputChunk: BundleSourceLimits.chunk) { data in
                crc = data.crc32(checksum: crc)
                try consume(data)
            }
        }
        guard inflater.ended else {
            throw EntryReadError("the deflate stream does not end within its \(zip.compressedSize) compressed bytes")
        }
        let after = UInt64(inflater.bytesAfterEnd) + (zip.compressedSize - served)
        guard after == 0 else {
            throw EntryReadError(
                "\(after) \(after == 1 ? "byte" : "bytes") after the end of the deflate stream, inside the entry's "
                    + "\(zip.compressedSize) compressed bytes (no reader inflates them)")
        }
        return crc
    }

    func readData(_ zip: ZipEntry, at position: UInt64, count: Int) throws -> [UInt8] {
        do {
            return try file.read(at: zip.dataOffset + position, count: count, what: "compressed data")
        } catch let error as MalformedZip {
            throw EntryReadError(error.reason)
        } catch let error as BundleError {
            throw EntryReadError(error.message)
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
