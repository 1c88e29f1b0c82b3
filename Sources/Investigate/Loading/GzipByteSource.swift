import CSystemZlib

/// Streams the decompressed bytes of a gzip file (multi-member files included).
///
/// A truncated or corrupt stream raises `SourceFileError` naming the file; nothing traps. The
/// bytes decoded before the damage are handed out first (the error comes with the next read), so
/// every complete line before it is kept. A member that is damaged (or fails its check) when
/// another member header follows it is passed over instead: the next read raises
/// `StreamDamage`, and the reads after it go on with the next member (`GzipResync`).
///
/// A member cut short and followed by another is found where the next one begins: zlib would
/// read the next member's bytes as the rest of the cut one (inside a Huffman block nearly any
/// bits decode) and turn a whole intact member into garbage lines. So the input is handed to
/// zlib only up to the next plausible member header in it (`GzipResync.headerOffset`, confirmed
/// by decoding a little from there); a member that has not ended when its input reaches that
/// header was cut short there, and reading goes on from the header.
public final class GzipByteSource: ByteSource {
    let file: FileByteSource
    private let path: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputAvailable = 0
    private var finished = false
    private var memberEnded = false
    private var sawAnyMember = false
    /// Where the member being decoded starts in the file, once a member has ended before it.
    private var memberStart: Int?
    /// The damage found while filling the last buffer, raised by the next read.
    private var pendingError: Error?
    /// Decompressed bytes of the members before the current one.
    private var outputBeforeMember = 0
    /// Where the current member's decompressed bytes begin in the stream.
    public private(set) var partStart = 0
    /// The member found after damage, started once the damage is raised (until then the
    /// bytes handed out are the damaged member's).
    private var resumeAt: Int?
    /// Input held back at a member header in the buffer: its index, the buffer's end, and the
    /// file offset of the buffer's first byte.
    private var heldInput: (index: Int, end: Int, bufferOffset: Int)?
    /// Where the member being decoded starts in the file.
    private var currentMemberOffset: Int { memberStart ?? 0 }
    /// The file offset of the input buffer's first byte.
    private var bufferOffset = 0
    /// The file offset of the next input byte zlib would read.
    private var inputOffset: Int {
        guard let next = stream.next_in, let base = input.baseAddress else { return file.bytesConsumed }
        return bufferOffset + (UnsafeRawPointer(next) - UnsafeRawPointer(base))
    }

    public var bytesConsumed: Int { file.bytesConsumed }

    /// Wraps an open file whose content is gzip.
    public init(file: FileByteSource, path: String) throws {
        self.file = file
        self.path = path
        // Sized by the file (a small file gets a small buffer), at most 1 MiB.
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: min(1 << 20, max(4 << 10, file.bytesLeft)), alignment: 16)
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw SourceFileError(path: path, reason: "cannot start gzip decoder (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    public func read(into buffer: inout MutableRawSpan) throws -> Int {
        if let pendingError {
            // Damage passed over is raised once; reading then goes on with the next member.
            if pendingError is StreamDamage { self.pendingError = nil }
            try raise(pendingError)
        }
        if finished { return 0 }
        let capacity = buffer.byteCount
        // The C boundary: zlib writes into the span's memory, for this call only.
        let failure: Error? = try buffer.withUnsafeMutableBytes { output in
            stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(output.count)
            defer { stream.next_out = nil }
            do {
                try inflateMore()
            } catch let damage as SourceFileError {
                return damage
            } catch let damage as StreamDamage {
                return damage
            }
            return nil
        }
        let produced = capacity - Int(stream.avail_out)
        if let failure {
            guard produced > 0 else { try raise(failure) }
            pendingError = failure
        }
        return produced
    }

    /// Inflates into the output window until it is full or the stream ends.
    private func inflateMore() throws {
        while stream.avail_out > 0 {
            if stream.avail_in == 0, let held = heldInput {
                heldInput = nil
                let offset = held.bufferOffset + held.index
                guard memberEnded else { throw try cutShort(at: offset) }
                // The member ended where the next header is: go on with the bytes from there.
                feed(from: held.index, to: held.end, bufferOffset: held.bufferOffset)
            }
            if stream.avail_in == 0 {
                var inputSpan = MutableRawSpan(_unsafeBytes: input)
                let n = try file.read(into: &inputSpan)
                if n == 0 {
                    if memberEnded || !sawAnyMember && stream.total_in == 0 {
                        finished = true
                        return
                    }
                    throw damaged(at: file.bytesConsumed, "truncated gzip stream: the file ends inside a member")
                }
                feed(from: 0, to: n, bufferOffset: file.bytesConsumed - n)
            }
            if memberEnded {
                // Another gzip member follows; start decoding it.
                memberEnded = false
                startMember(at: inputOffset)
            }
            sawAnyMember = true
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                let at = inputOffset
                var damage: SourceFileError
                if let memberStart, stream.total_out == 0 {
                    damage = damaged(at: memberStart, "not gzip data after the last complete member: \(message)")
                } else {
                    damage = damaged(at: at, "corrupt gzip data: \(message)")
                    damage.partDamaged = true
                }
                // A member decoded whole that failed its check lost nothing; another lost the rest of it.
                let checkOnly = message.hasPrefix("incorrect data check") || message.hasPrefix("incorrect length check")
                guard let next = try GzipResync.nextMember(in: file, after: memberStart ?? 0) else { throw damage }
                dropInput()
                let damagedPart = partStart
                resumeAt = next
                // The header found may lie before the point where zlib noticed the damage (it
                // read on through a member that had been cut short): then nothing was passed over,
                // and the bytes from that header on are read again as a member of their own.
                let passedOver = !checkOnly && next > at
                throw StreamDamage(
                    reason: damage.reason + (passedOver ? "; bytes \(at)-\(next) of the file passed over" : "")
                        + "; read on from the next member at byte \(next)",
                    partStart: damagedPart, skippedBytes: passedOver ? at..<next : nil, lostTail: !checkOnly)
            }
        }
    }

    /// Throws `error`; damage passed over first starts the member found after it.
    private func raise(_ error: Error) throws -> Never {
        if error is StreamDamage, let next = resumeAt {
            resumeAt = nil
            startMember(at: next)
        }
        throw error
    }

    /// Starts decoding a member at `offset` of the file (its bytes are next in the input, or,
    /// after a resync, next read from the file).
    private func startMember(at offset: Int) {
        outputBeforeMember += Int(stream.total_out)
        partStart = outputBeforeMember
        inflateReset(&stream)
        memberStart = offset
    }

    /// Drops the input buffered (the file was moved to the next member).
    func dropInput() {
        stream.avail_in = 0
        stream.next_in = nil
        heldInput = nil
    }

    /// Hands zlib the buffered input `from..<end`, up to the first member header after the
    /// member being decoded (the rest is held back until that member has ended).
    private func feed(from start: Int, to end: Int, bufferOffset: Int) {
        self.bufferOffset = bufferOffset
        var stop = end
        var search = start
        while search < end {
            let window = UnsafeBufferPointer<UInt8>(start: (input.baseAddress! + search).assumingMemoryBound(to: UInt8.self), count: end - search)
            guard let found = GzipResync.headerOffset(in: Span(_unsafeElements: window)) else { break }
            let index = search + found
            // Not the header where decoding resumes (the current member's own, or the next
            // one's when the current has just ended), and one that decodes.
            if bufferOffset + index > currentMemberOffset && !(memberEnded && index == start) && decodes(from: index, to: end) {
                stop = index
                heldInput = (index, end, bufferOffset)
                break
            }
            search = index + 1
        }
        stream.next_in = (input.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(stop - start)
    }

    /// Whether the buffered bytes from `start` begin a gzip member that decodes without error
    /// (up to 16 KiB of output, or as far as the buffer goes).
    private func decodes(from start: Int, to end: Int) -> Bool {
        var trial = z_stream()
        guard inflateInit2_(&trial, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
        defer { inflateEnd(&trial) }
        var scratch = [UInt8](repeating: 0, count: 16 << 10)
        trial.next_in = (input.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
        trial.avail_in = uInt(end - start)
        return scratch.withUnsafeMutableBytes { out in
            trial.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            trial.avail_out = uInt(out.count)
            let status = inflate(&trial, Z_NO_FLUSH)
            return status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR
        }
    }

    /// The damage of a member whose input reached the next member's header at `offset` before
    /// it ended: it was cut short there; reading goes on from that header.
    private func cutShort(at offset: Int) throws -> StreamDamage {
        dropInput()
        try file.seek(to: offset)
        resumeAt = offset
        let damage = damaged(at: offset, "a gzip member cut short: the next member's header begins at byte \(offset) before it ended")
        return StreamDamage(
            reason: damage.reason + "; read on from the next member at byte \(offset)", partStart: partStart, skippedBytes: nil,
            lostTail: true, partSuspect: false)
    }

    /// The error for damage found `offset` bytes into the file.
    private func damaged(at offset: Int, _ what: String) -> SourceFileError {
        SourceFileError(path: path, reason: "gzip stream damaged after \(offset) bytes (\(what))")
    }
}
