import CSystemZlib

/// Streams the decompressed bytes of a gzip file (multi-member files included).
///
/// A truncated or corrupt stream raises `SourceFileError` naming the file; nothing traps. The
/// bytes decoded before the damage are handed out first (the error comes with the next read), so
/// every complete line before it is kept. A member that is damaged (or fails its check) when
/// another member header follows it is passed over instead: the next read raises
/// `StreamDamage`, and the reads after it go on with the next member (`GzipResync`).
///
/// A member cut short with another after it often shows no damage until the file ends: zlib
/// reads the next members' bytes as the rest of the cut one (inside a Huffman block nearly any
/// bits decode), and hands out garbage lines (some parse as rows) in place of a whole member. So
/// zlib is handed input only up to the next plausible member header in the buffer
/// (`GzipResync.headerOffset`, confirmed by decoding a little from it). A member that has not
/// ended there is decoded on from that point in a copy of the stream (`inflateCopy`), its output
/// thrown away: if the copy fails or the file ends inside the member before it ends or gives
/// `lookAhead` bytes, the member was cut short at the header and reading goes on from the header,
/// with nothing of the garbage handed out; if it ends whole, or goes on cleanly that far, the
/// header's bytes were its data (a stored block can hold a row's bytes as they are, a gzip member
/// among them) and it is decoded on. A file that ends inside a member whose cut was not seen
/// that way is still searched for a member header after its start.
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
    /// The file offset of the input buffer's first byte.
    private var bufferOffset = 0
    /// The file offset of the next input byte zlib would read.
    private var inputOffset: Int {
        guard let next = stream.next_in, let base = input.baseAddress else { return file.bytesConsumed }
        return bufferOffset + (UnsafeRawPointer(next) - UnsafeRawPointer(base))
    }
    /// How much of a member's output past a header inside it must decode cleanly for the
    /// header's bytes to be taken for its data (garbage decoded from another member's bytes
    /// fails long before: a new block's header read from it is refused most of the time).
    static let lookAhead = 8 << 20

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
                if !memberEnded, try !memberGoesOn(from: held.index, to: held.end) { throw try cutShort(at: offset) }
                // The member ended where the header is (the next member's), or goes on past it
                // (its data): go on with the bytes from there.
                feed(from: held.index, to: held.end, bufferOffset: held.bufferOffset, fresh: false)
            }
            if stream.avail_in == 0 {
                var inputSpan = MutableRawSpan(_unsafeBytes: input)
                let n = try file.read(into: &inputSpan)
                if n == 0 {
                    if memberEnded || !sawAnyMember && stream.total_in == 0 {
                        finished = true
                        return
                    }
                    let end = file.bytesConsumed
                    if let next = try GzipResync.nextMember(in: file, after: memberStart ?? 0) {
                        try throwCutShort(before: next, fileEnd: end)
                    }
                    throw damaged(at: end, "truncated gzip stream: the file ends inside a member")
                }
                feed(from: 0, to: n, bufferOffset: file.bytesConsumed - n, fresh: true)
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
                } else if memberStart == nil, stream.total_out == 0, message == "incorrect header check" {
                    // A plain file named `.gz` (a trial's read "incorrect header check").
                    damage = damaged(at: 0, "not gzip data: the file does not start with a gzip header (named .gz but not compressed?)")
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

    /// The file ended inside a member that started before the member header at `next`: that
    /// member was cut short, and what was decoded from the bytes from `next` on as its rest was
    /// another member's bytes read as its own. Reading goes on from `next`.
    private func throwCutShort(before next: Int, fileEnd: Int) throws -> Never {
        dropInput()
        resumeAt = next
        let damage = damaged(
            at: fileEnd, "a gzip member cut short: the file ends inside it, and another member begins at byte \(next), inside what was read as its data")
        throw StreamDamage(
            reason: damage.reason + "; read on from that member", partStart: partStart, skippedBytes: nil, lostTail: true)
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
    /// member being decoded began (the rest is held back until zlib has read up to it). A header
    /// where the input resumes is not one: it is the member's own, or the one just judged.
    private func feed(from start: Int, to end: Int, bufferOffset: Int, fresh: Bool) {
        self.bufferOffset = bufferOffset
        var stop = end
        var search = start
        while search < end {
            let window = UnsafeBufferPointer<UInt8>(
                start: (input.baseAddress! + search).assumingMemoryBound(to: UInt8.self), count: end - search)
            guard let found = GzipResync.headerOffset(in: Span(_unsafeElements: window)) else { break }
            let index = search + found
            let resumesHere = index == start && !(fresh && !memberEnded)
            if !resumesHere && bufferOffset + index > (memberStart ?? 0) && decodes(from: index, to: end) {
                stop = index
                heldInput = (index, end, bufferOffset)
                break
            }
            search = index + 1
        }
        stream.next_in = (input.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(stop - start)
    }

    /// Whether the buffered bytes from `start` begin a gzip member: one that decodes without
    /// error (up to 16 KiB of output, or as far as the buffer goes), or gives 256 bytes before
    /// failing (a member cut short itself; header-like bytes in other data fail at once).
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
            return status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR || out.count - Int(trial.avail_out) >= 256
        }
    }

    /// Whether the member being decoded, its input read up to the header at buffer index
    /// `start`, goes on cleanly past it: a copy of the stream decodes on (the buffer from
    /// `start`, then the file), its output thrown away, until the member ends whole or gives
    /// `lookAhead` bytes (true), or fails or the file ends first (false: it was cut short there).
    private func memberGoesOn(from start: Int, to end: Int) throws -> Bool {
        var trial = z_stream()
        guard inflateCopy(&trial, &stream) == Z_OK else { return true }
        defer { inflateEnd(&trial) }
        var scratch = [UInt8](repeating: 0, count: 64 << 10)
        var more = [UInt8](repeating: 0, count: 64 << 10)
        var nextRead = bufferOffset + end
        var produced = 0
        trial.next_in = (input.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
        trial.avail_in = uInt(end - start)
        return try scratch.withUnsafeMutableBytes { out in
            try more.withUnsafeMutableBytes { next in
                while produced < Self.lookAhead {
                    if trial.avail_in == 0 {
                        var span = MutableRawSpan(_unsafeBytes: next)
                        let n = try file.read(at: nextRead, into: &span)
                        if n == 0 { return false }
                        nextRead += n
                        trial.next_in = next.baseAddress!.assumingMemoryBound(to: Bytef.self)
                        trial.avail_in = uInt(n)
                    }
                    trial.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    trial.avail_out = uInt(out.count)
                    let status = inflate(&trial, Z_NO_FLUSH)
                    produced += out.count - Int(trial.avail_out)
                    switch status {
                    case Z_STREAM_END: return true
                    case Z_OK, Z_BUF_ERROR: continue
                    default: return false
                    }
                }
                return true
            }
        }
    }

    /// The damage of a member cut short where another member's header begins at `offset`:
    /// reading goes on from that header; what was handed out before it is sound.
    private func cutShort(at offset: Int) throws -> StreamDamage {
        dropInput()
        try file.seek(to: offset)
        resumeAt = offset
        let damage = damaged(at: offset, "a gzip member cut short: another member's header begins at byte \(offset), before it ended")
        return StreamDamage(
            reason: damage.reason + "; read on from that member", partStart: partStart, skippedBytes: nil, lostTail: true,
            partSuspect: false)
    }

    /// The error for damage found `offset` bytes into the file.
    private func damaged(at offset: Int, _ what: String) -> SourceFileError {
        SourceFileError(path: path, reason: "gzip stream damaged after \(offset) bytes (\(what))")
    }
}
