import Foundation
import ZIPFoundation

/// A bundle in a zip archive: the directory and local headers are parsed and checked here
/// (`ZipDirectory`, `ZipLayout`); ZIPFoundation only inflates, fed one bounded chunk at a time.
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

    /// Inflates through ZIPFoundation. Its zlib loop tells zlib that every chunk the provider
    /// returns is a full buffer long, so the provider always returns exactly that many bytes:
    /// the entry's compressed bytes, then zeros past its end. A stream that has not ended when
    /// the compressed bytes are used up asks for more, which is refused (ZIPFoundation itself
    /// would read the next entry, or loop forever at the end of the file).
    func streamDeflated(_ zip: ZipEntry, into consume: (Data) throws -> Void) throws -> CRC32 {
        var served: UInt64 = 0
        var consumerFailure: Error?
        do {
            return try Data.decompress(
                size: Int64(clamping: zip.compressedSize), bufferSize: BundleSourceLimits.chunk, skipCRC32: false,
                provider: { _, size in
                    guard served < zip.compressedSize else {
                        throw EntryReadError("the deflate stream does not end within its \(zip.compressedSize) compressed bytes")
                    }
                    let count = Int(min(UInt64(size), zip.compressedSize - served))
                    var chunk = Data(try self.readData(zip, at: served, count: count))
                    served += UInt64(count)
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { chunk in
                    do { try consume(chunk) } catch {
                        consumerFailure = error
                        throw error
                    }
                })
        } catch {
            if let consumerFailure { throw consumerFailure }
            if error is EntryReadError { throw error }
            throw EntryReadError("the deflate stream is corrupt (\(error))")
        }
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
