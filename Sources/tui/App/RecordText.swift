import Investigate

/// How much of one field a record shows: its first `byteLimit` bytes and `lineLimit` lines, and
/// then a line saying how much more there is and where to read it whole. A 20 MB prompt opened
/// as a record took 8-11 s per j/k (every key wrapped the whole value again): with the cut, the
/// record's cost on the input path is the same for any size of value.
enum RecordText {
    /// Most bytes of one value shown (some 650 lines of a plain prompt at 100 columns).
    static let byteLimit = 64 * 1024
    /// Most lines of one value shown (a value of newlines alone stays bounded too).
    static let lineLimit = 2_000
    /// Most fields of one record shown (a row of 200,000 extra keys stays bounded).
    static let fieldLimit = 500
    /// Most bytes of all a record's values shown together.
    static let totalByteLimit = 4 * byteLimit
    /// Where a query's row is read whole, said after a cut prompt (the console reads no more).
    static let queryWhole = "`investigate queries DIR --account ID --format jsonl` gives the row whole"

    /// The end of the shown part of `bytes`: at most `byteLimit` bytes and `lineLimit` lines,
    /// never inside a UTF-8 sequence; nil when the whole value is shown.
    static func cut(_ bytes: some Collection<UInt8>) -> Int? { cut(bytes, byteLimit: byteLimit, lineLimit: lineLimit) }

    static func cut(_ bytes: some Collection<UInt8>, byteLimit: Int, lineLimit: Int) -> Int? {
        let head = Array(bytes.prefix(byteLimit + 1))
        var lines = 1
        for (index, byte) in head.enumerated() {
            if index == byteLimit {
                // Back to the start of the character the limit splits (never a continuation byte).
                var end = index
                while end > 0 && head[end] & 0xC0 == 0x80 { end -= 1 }
                return end
            }
            if byte == 0x0A {
                lines += 1
                if lines > lineLimit { return index }
            }
        }
        return nil
    }

    /// The line put after a cut value: `... 20,799,000 more bytes; <where>` (where: how to read it
    /// whole, or nil).
    static func moreLine(_ more: Int, whole: String?) -> String {
        "... \(Format.plural(more, "more byte")) not shown" + (whole.map { "; " + $0 } ?? "")
    }

    /// The line put after the last field shown of a record cut short: `199,500 more keys not
    /// shown; <where>`.
    static func moreKeysLine(_ more: Int, whole: String?) -> String {
        "\(Format.plural(more, "more key")) not shown" + (whole.map { "; " + $0 } ?? "")
    }

    /// A value's exact bytes as display text, each line escaped (`TextEscaping.visible`) and its
    /// line breaks kept, cut at the value's own bytes so that the escaped text and its `moreLine`
    /// fit the limits `shown` applies: the record draws it as it is, and the line counts the
    /// bytes of the value left out. (Session 36: a value escaped after its cut, one of control
    /// bytes at four characters each, was cut a second time by `shown`, whose line counted
    /// escaped characters and the first line's own text.)
    static func escaped(_ value: [UInt8], whole: String?) -> String {
        func text(_ end: Int) -> String {
            let lines = value[..<end].split(separator: 0x0A, omittingEmptySubsequences: false)
            let head = lines.map { TextEscaping.visible($0) }.joined(separator: "\n")
            return end == value.count ? head : head + "\n" + moreLine(value.count - end, whole: whole)
        }
        // One line is kept for the note; each pass escapes at most `byteLimit` bytes.
        var end = cut(value, byteLimit: byteLimit, lineLimit: lineLimit - 1) ?? value.count
        while true {
            let candidate = text(end)
            let size = candidate.utf8.count
            if end == 0 || cut(candidate.utf8) == nil { return candidate }
            // Shrink in proportion to the overflow (escaping is roughly linear), back to a character start.
            var next = min(end - 1, Int(Double(end) * Double(byteLimit - 1024) / Double(max(size, 1))))
            while next > 0 && value[next] & 0xC0 == 0x80 { next -= 1 }
            end = max(0, next)
        }
    }

    /// A display value cut as `cut` says, with its `moreLine` (the value itself when it is shown
    /// whole). Cheap for any size: only the shown part is walked.
    static func shown(_ value: String, whole: String?) -> String {
        let utf8 = value.utf8
        guard let end = cut(utf8) else { return value }
        let head = String(decoding: utf8.prefix(end), as: UTF8.self)
        return head + "\n" + moreLine(utf8.count - end, whole: whole)
    }
}
