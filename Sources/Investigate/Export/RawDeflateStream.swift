import CSystemZlib
import Foundation

/// A raw deflate stream (a zip entry's data) inflated through the system zlib, one bounded
/// chunk of input at a time. Unlike a general-purpose reader it says exactly how much input the
/// stream used, so a verifier can require that the stream ends where the entry's compressed
/// bytes end: bytes after the end of the stream, inside the declared size, are read by no
/// inflater and would hide content (a second local entry that a streaming reader finds).
final class RawDeflateStream {
    private var stream = z_stream()
    /// True once the deflate stream has ended.
    private(set) var ended = false
    /// Input bytes handed in after the stream ended (never inflated).
    private(set) var bytesAfterEnd = 0

    /// - Throws: `EntryReadError` when zlib cannot start.
    init() throws {
        let status = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw EntryReadError("cannot start the deflate decoder (\(status))") }
    }

    deinit { inflateEnd(&stream) }

    /// Inflates `input` whole, handing each produced chunk (at most `outputChunk` bytes) to
    /// `consume`. Input left once the stream has ended is counted in `bytesAfterEnd`.
    /// - Throws: `EntryReadError` for corrupt data; whatever `consume` throws.
    func inflate(_ input: [UInt8], outputChunk: Int, into consume: (Data) throws -> Void) throws {
        guard !ended else {
            bytesAfterEnd += input.count
            return
        }
        var output = [UInt8](repeating: 0, count: max(1, outputChunk))
        var inputLeft = input.count
        var inputUsed = 0
        while inputLeft > 0 || !ended {
            let (status, used, produced) = input.withUnsafeBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress.map { $0 + inputUsed })
                    stream.avail_in = UInt32(inputLeft)
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    let status = CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                    let used = inputLeft - Int(stream.avail_in)
                    let produced = outBuffer.count - Int(stream.avail_out)
                    stream.next_in = nil
                    stream.next_out = nil
                    return (status, used, produced)
                }
            }
            inputUsed += used
            inputLeft -= used
            if produced > 0 { try consume(Data(output[0..<produced])) }
            switch status {
            case Z_STREAM_END:
                ended = true
                bytesAfterEnd += inputLeft
                return
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress is possible: all input used and the output not full.
                return
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                throw EntryReadError("the deflate stream is corrupt (\(message))")
            }
        }
    }
}
