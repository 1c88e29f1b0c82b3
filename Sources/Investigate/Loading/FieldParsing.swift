/// Small byte-level value parsers shared by the table loaders.
enum FieldParsing {
    /// A non-negative integer (digits only, at most 18 of them).
    @inline(__always)
    static func unsignedInteger(_ bytes: Span<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: UInt64 = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }

    /// A token count: a non-negative integer (or one written as `12.0`); one of more than 18
    /// digits is `UInt64.max`. The caller clamps it to the UInt32 the table stores, and says so
    /// when it must.
    @inline(__always)
    static func tokenCount(_ bytes: Span<UInt8>) -> UInt64? {
        if let value = unsignedInteger(bytes) { return value }
        if bytes.count > 18 {
            var digits = true
            for i in 0..<bytes.count where bytes[i] < 0x30 || bytes[i] > 0x39 { digits = false }
            if digits { return UInt64.max }
        }
        var dot = 0
        while dot < bytes.count && bytes[dot] != 0x2E { dot += 1 }
        guard dot < bytes.count else { return nil }
        for i in (dot + 1)..<bytes.count where bytes[i] != 0x30 { return nil }
        return unsignedInteger(bytes.extracting(0..<dot))
    }

    /// A weight in 0...1.
    static func weight(_ bytes: Span<UInt8>) -> Double? {
        guard let value = Double(text(bytes)), value >= 0, value <= 1 else { return nil }
        return value
    }

    /// The bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    static func text(_ bytes: Span<UInt8>) -> String {
        ByteCompare.decoded(bytes)
    }

    /// A short, inert rendering of a value for messages.
    static func quote(_ bytes: Span<UInt8>) -> String {
        "'" + TextEscaping.visible(ByteCompare.array(bytes), limit: 60) + "'"
    }

    /// Where an account id lies in a field's bytes: all of them, exactly as written, or none when
    /// nothing but spaces and tabs is written (a missing id). Ids are compared byte for byte, so
    /// ` acct_1` is another account than `acct_1`: a trial's ring account `acct_X ` used to be
    /// read as the innocent `acct_X`, whose row came first, and a bundle proposed `acct_X`'s
    /// suspension for the ring's queries.
    @inline(__always)
    static func accountIDRange(_ bytes: Span<UInt8>) -> Range<Int> {
        ByteCompare.trimmedRange(bytes).isEmpty ? 0..<0 : 0..<bytes.count
    }

    /// A record's account id in `slot` (`accountIDRange`), copied into `array`.
    static func copyAccountID(_ row: RecordFields, _ slot: Int, into array: inout [UInt8]) {
        row.copyBytes(slot, into: &array)
        if ByteCompare.trimmedRange(array.span).isEmpty { array.removeAll(keepingCapacity: true) }
    }

    /// Whether `bytes`, as a source row gives them, load as account `id` (`accountIDRange`).
    static func loadsAccountID(_ bytes: Span<UInt8>, as id: Int32, in pool: StringPool) -> Bool {
        let range = accountIDRange(bytes)
        return range.isEmpty ? id == -1 : pool.hasValue(id, equalTo: bytes)
    }

    /// Interns a value with leading/trailing spaces removed; -1 when empty.
    @inline(__always)
    static func intern(_ bytes: Span<UInt8>, in pool: StringPool) -> Int32 {
        let trimmed = ByteCompare.trimmedRange(bytes)
        return trimmed.isEmpty ? -1 : pool.intern(bytes.extracting(trimmed))
    }

    /// Interns a value lowercased (ASCII) and trimmed; -1 when empty.
    static func internLowercased(_ bytes: Span<UInt8>, in pool: StringPool, scratch: inout [UInt8]) -> Int32 {
        let range = ByteCompare.trimmedRange(bytes)
        if range.isEmpty { return -1 }
        let trimmed = bytes.extracting(range)
        // Usually lowercase already: interned as it is, without a copy.
        var hasUpper = false
        for i in 0..<trimmed.count where trimmed[i] &- 0x41 < 26 {
            hasUpper = true
            break
        }
        if !hasUpper { return pool.intern(trimmed) }
        scratch.removeAll(keepingCapacity: true)
        for i in 0..<trimmed.count {
            let byte = trimmed[i]
            scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return pool.intern(scratch.span)
    }

    /// Interns an ASN as `AS<number>` whether given as `AS16509`, `as16509`, `16509`, `AS 16509` or
    /// `ASN16509` (other text is kept, upper-cased, after `AS`).
    @inline(__always)
    static func internASN(_ bytes: Span<UInt8>, in pool: StringPool, scratch: inout [UInt8]) -> Int32 {
        let range = ByteCompare.trimmedRange(bytes)
        if range.isEmpty { return -1 }
        let trimmed = bytes.extracting(range)
        if isKeptAsWritten(asn: trimmed) { return pool.intern(trimmed) }
        writeASN(trimmed, into: &scratch)
        return pool.intern(scratch.span)
    }

    /// Whether trimmed ASN bytes are kept as they are (`AS` then a digit), not rewritten by
    /// `writeASN`.
    @inline(__always)
    static func isKeptAsWritten(asn trimmed: Span<UInt8>) -> Bool {
        trimmed.count > 2 && trimmed[0] == 0x41 && trimmed[1] == 0x53 && trimmed[2] &- 0x30 <= 9
    }

    /// Whether `bytes`, as a source row gives them, load as value `id` of `pool` (`intern`:
    /// trimmed; nothing left is -1). Compares bytes: no copy.
    static func loads(_ bytes: Span<UInt8>, as id: Int32, in pool: StringPool) -> Bool {
        let range = ByteCompare.trimmedRange(bytes)
        return range.isEmpty ? id == -1 : pool.hasValue(id, equalTo: bytes.extracting(range))
    }

    /// `loads(_:as:in:)` for an ASN, kept as `internASN` keeps it (`as 16509` is `AS16509`);
    /// `scratch` is used only for a spelling `internASN` rewrites.
    static func loadsASN(_ bytes: Span<UInt8>, as id: Int32, in pool: StringPool, scratch: inout [UInt8]) -> Bool {
        let range = ByteCompare.trimmedRange(bytes)
        if range.isEmpty { return id == -1 }
        let trimmed = bytes.extracting(range)
        if isKeptAsWritten(asn: trimmed) { return pool.hasValue(id, equalTo: trimmed) }
        writeASN(trimmed, into: &scratch)
        return pool.hasValue(id, equalTo: scratch.span)
    }

    /// An ASN written as `AS<number>` (`AS16509` from `as16509`, `16509`, `AS 16509`, `ASN16509`;
    /// other text upper-cased after `AS`), from trimmed bytes, into `scratch` (emptied first).
    @inline(__always)
    static func writeASN(_ trimmed: Span<UInt8>, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(0x41)
        scratch.append(0x53)
        var start = 0
        if trimmed.count >= 2, trimmed[0] | 0x20 == 0x61, trimmed[1] | 0x20 == 0x73 {
            start = 2
            // `AS 16509`, `ASN16509`, `ASN 16509`: the number is the ASN, whatever comes between.
            var digits = start
            if digits < trimmed.count, trimmed[digits] | 0x20 == 0x6E { digits += 1 }
            while digits < trimmed.count, trimmed[digits] == 0x20 || trimmed[digits] == 0x09 { digits += 1 }
            if digits < trimmed.count, trimmed[digits] &- 0x30 <= 9 { start = digits }
        }
        for i in start..<trimmed.count {
            let byte = trimmed[i]
            scratch.append(byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte)
        }
    }

    /// How the loader keeps a value of a link kind given as `bytes`: trimmed of spaces and tabs,
    /// an email domain lower-cased, an ASN as `AS<number>`; nil when that is the bytes as given.
    /// A value typed as the source spelled it (`pivot user_agent 'ua/1 '`) is found as kept.
    static func loadedSpelling(_ bytes: [UInt8], kind: LinkKind) -> [UInt8]? {
        var out = trimmed(bytes.span)
        if kind == .emailDomain { out = out.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        if kind == .asn, !out.isEmpty {
            var scratch: [UInt8] = []
            writeASN(out.span, into: &scratch)
            out = scratch
        }
        return out == bytes || out.isEmpty ? nil : out
    }

    /// The bytes without leading and trailing ASCII spaces and tabs (a copy).
    static func trimmed(_ bytes: Span<UInt8>) -> [UInt8] {
        ByteCompare.array(bytes.extracting(ByteCompare.trimmedRange(bytes)))
    }
}

extension FieldParsing {
    /// The id of a value already trimmed (an empty one: -1): `guess` (the id the same account
    /// used last) when the bytes are exactly that value, found without hashing; else the
    /// column's remembered value (`RepeatCache`); else interned, and remembered.
    ///
    /// Written out, not through closures: a closure capturing the pool and the cache cost a
    /// reference count on each of a row's values.
    @inline(__always)
    static func intern(trimmed bytes: Span<UInt8>, in pool: StringPool, guess: Int32, cache: RepeatCache) -> Int32 {
        if bytes.isEmpty { return -1 }
        if guess >= 0 && pool.hasValue(guess, equalTo: bytes) { return guess }
        if let known = cache.id(for: bytes) { return known }
        let fresh = pool.intern(bytes)
        cache.remember(bytes, as: fresh)
        return fresh
    }

    /// `intern(trimmed:in:guess:cache:)` for an ASN (`internASN`): `guess` also when the bytes
    /// are the digits alone that `internASN` writes `AS` before.
    @inline(__always)
    static func internASN(
        trimmed bytes: Span<UInt8>, in pool: StringPool, guess: Int32, cache: RepeatCache, scratch: inout [UInt8]
    ) -> Int32 {
        if bytes.isEmpty { return -1 }
        if guess >= 0 && names(bytes, asn: guess, in: pool) { return guess }
        if let known = cache.id(for: bytes) { return known }
        let fresh = internASN(bytes, in: pool, scratch: &scratch)
        cache.remember(bytes, as: fresh)
        return fresh
    }

    /// Whether trimmed bytes name ASN `id` of `pool`: as it is (`AS16509`), or as its digits.
    @inline(__always)
    static func names(_ bytes: Span<UInt8>, asn id: Int32, in pool: StringPool) -> Bool {
        if pool.hasValue(id, equalTo: bytes) { return true }
        return !bytes.isEmpty && allDigits(bytes) && pool.contains(id)
            && pool.withSpan(id) { value in
                value.count == bytes.count + 2 && value[0] == 0x41 && value[1] == 0x53
                    && ByteCompare.same(value.extracting(2..<value.count), bytes)
            }
    }

    @inline(__always)
    private static func allDigits(_ bytes: Span<UInt8>) -> Bool {
        for i in 0..<bytes.count where bytes[i] &- 0x30 > 9 { return false }
        return true
    }
}
