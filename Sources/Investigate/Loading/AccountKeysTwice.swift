import Foundation

/// Account rows of one file that give an extra key twice: the same bytes (`note,note` in a CSV
/// header, `{"x":1,"x":2}`), or two names that read as one (`café` written precomposed and
/// decomposed, which are canonically equivalent, so the console and the bundle, which key
/// extras by text, show one of them). The last value is kept. A lenient load keeps the rows and
/// says so once per file, with the count and the first line (a CSV header gives it on every
/// row); a strict load stops at the first.
struct AccountKeysTwice: FileTally, Equatable {
    /// How many rows of the file.
    var count = 0
    /// The line of the first one.
    var firstLine = Int.max
    /// What the first one gives twice, as shown in messages (`key 'note' given twice`).
    var example = ""

    /// The warning's reason for `count` rows, the first giving `example`.
    static func reason(count: Int, example: String) -> String {
        count == 1
            ? "\(example); the last value is kept"
            : "\(count) rows give a key twice, the first here (\(example)); the last value is kept"
    }

    /// What the row's extra keys `keys[from...]` give twice, as shown in messages, or nil: a key id
    /// given twice, else two different names that read as one text (canonically equivalent).
    static func twice(_ keys: [Int32], from: Int, names: StringPool) -> String? {
        if let twice = AccountLoader.keyGivenTwice(keys, from: from) {
            return "key \(FieldParsing.quote(names.bytes(twice).span)) given twice"
        }
        // Only a name not in normal form C can read like another one, and only one holding a byte
        // at or past 0xCC (U+0300 on) can be that: checked in place, so the rows of an ordinary
        // source copy no key's bytes.
        guard keys.count - from >= 2,
            keys[from...].contains(where: { key in
                names.withSpan(key) { name in (0..<name.count).contains { name[$0] >= 0xCC } }
                    && !TextEscaping.isComposed(names.bytes(key))
            })
        else { return nil }
        var byText: [String: Int32] = [:]
        for key in keys[from...] {
            let bytes = names.bytes(key)
            let text = String(decoding: bytes, as: UTF8.self)
            if let other = byText[text], other != key {
                return "keys \(FieldParsing.quote(names.bytes(other).span)) and \(FieldParsing.quote(bytes.span)) "
                    + "read as one name (Unicode canonical equivalence) and are shown and exported as one"
            }
            byText[text] = key
        }
        return nil
    }
}

extension IssueLog {
    /// Notes an account row at `file:line` that gives a key twice (`shown`) in `tally`, the
    /// reader's own count for the file. Strict mode stops at it (false); lenient mode counts it
    /// for the file's one warning.
    func noteKeyTwice(_ file: String, _ line: Int, into tally: inout AccountKeysTwice, _ shown: () -> String) -> Bool {
        if options.strict { return warn(file, line, AccountKeysTwice.reason(count: 1, example: shown())) }
        tally.note(line: line, shown)
        return true
    }

    /// Reports the counted rows: one warning per file, in `files` order, each row counted once.
    func reportAccountKeysTwice(inOrderOf files: [String]) {
        sayOncePerFile(\.accountKeysTwice, inOrderOf: files) { AccountKeysTwice.reason(count: $0.count, example: $0.example) }
    }
}
