import Foundation
import Investigate

/// The command line as the exact bytes the shell passed. Swift's `CommandLine.arguments` (and
/// so ArgumentParser) repairs invalid UTF-8 to U+FFFD; an account id from a hostile source
/// need not be valid UTF-8, so tag targets are mapped back to the bytes they came from.
enum RawArguments {
    /// Every argument after the program name, copied into Swift arrays at the C boundary.
    static let current: [[UInt8]] = (1..<max(1, Int(CommandLine.argc))).map { index in
        guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// The values ArgumentParser parsed, mapped back to their exact bytes: matched against the
    /// raw arguments from the end of the command line, in order, by their repaired decoding.
    /// - Parameters:
    ///   - parsed: the parsed values, in command-line order.
    ///   - raw: the raw arguments (default: this process's).
    ///   - option: `--value` to match the values given to that option (`--value X`,
    ///     `--value=X`); nil to match positional arguments.
    ///   - valued: the options that take a value (their values are not positional).
    /// - Returns: one entry per parsed value; nil when its bytes cannot be found.
    static func exact(
        _ parsed: [String], in raw: [[UInt8]] = current, option: String? = nil, valued: Set<String> = []
    ) -> [ExactText?] {
        let candidates = option.map { optionValues(raw, $0) } ?? positionals(raw, valued: valued)
        var position = candidates.count - 1
        var found: [ExactText?] = Array(repeating: nil, count: parsed.count)
        for index in parsed.indices.reversed() {
            while position >= 0, String(decoding: candidates[position], as: UTF8.self) != parsed[index] { position -= 1 }
            guard position >= 0 else { break }
            found[index] = ExactText(bytes: candidates[position])
            position -= 1
        }
        return found
    }

    /// The first argument before `--` that ArgumentParser would read as a cluster of short
    /// options (`-dash` is `-d -a -s -h`, and `-h` prints help and exits 0, so a script passing
    /// an id that starts with `-` would take help for success), or nil. No command has a short
    /// option but `-h`, so a dash and two or more characters is always such a mistake.
    static func shortOptionCluster(_ raw: [[UInt8]] = current) -> [UInt8]? {
        for arg in raw {
            if arg == Array("--".utf8) { return nil }
            if arg.count >= 3, arg[0] == UInt8(ascii: "-"), arg[1] != UInt8(ascii: "-") { return arg }
        }
        return nil
    }

    /// The first argument before `--` of a dash and one character other than `h` (`-5`, `-x`),
    /// with the argument before it, or nil: ArgumentParser reads it as a short option, so
    /// `account DIR -5` says the id is missing and `--top -1` that the value is (`usageHint`
    /// says what to type instead).
    static func shortDashedWord(_ raw: [[UInt8]] = current) -> (word: [UInt8], before: [UInt8]?)? {
        for (i, arg) in raw.enumerated() {
            if arg == Array("--".utf8) { return nil }
            if arg.count == 2, arg[0] == UInt8(ascii: "-"), arg[1] != UInt8(ascii: "-"), arg[1] != UInt8(ascii: "h") {
                return (arg, i > 0 ? raw[i - 1] : nil)
            }
        }
        return nil
    }

    /// The line added to a usage error caused by `shortDashedWord`, or nil: after an option
    /// (`--top -1`), to give the value with `=`; else, to put the word after `--`.
    static func usageHint(_ raw: [[UInt8]] = current) -> String? {
        guard let (word, before) = shortDashedWord(raw) else { return nil }
        let shown = TextEscaping.visible(word)
        if let before, before.count > 2, before.starts(with: Array("--".utf8)), !before.contains(UInt8(ascii: "=")) {
            let option = TextEscaping.visible(before)
            return "investigate: \(shown) starts with -, so it is read as an option, not as the value of \(option): "
                + "write \(option)=\(shown)"
        }
        return "investigate: \(shown) starts with -, so it is read as an option, not as an id or a value: put an id that "
            + "starts with - after -- (for example: investigate account DIR -- \(shown))"
    }

    /// The first word after `--` that names one of `options` (`--reason`, or `--reason=why`), or
    /// nil. After `--` every word is an operand (POSIX), so `untag CASE TAG -- -5 --reason r`
    /// would take `--reason` and `r` for account ids and retract with no reason: a command whose
    /// operands are ids refuses that rather than guess which was meant.
    static func optionAfterDoubleDash(_ raw: [[UInt8]] = current, options: Set<String>) -> [UInt8]? {
        guard let dash = raw.firstIndex(of: Array("--".utf8)) else { return nil }
        return raw[(dash + 1)...].first { word in
            let text = String(decoding: word, as: UTF8.self)
            return options.contains(text) || options.contains { text.hasPrefix($0 + "=") }
        }
    }

    /// The arguments given to `option`, in order.
    static func optionValues(_ raw: [[UInt8]], _ option: String) -> [[UInt8]] {
        let name = Array(option.utf8), joined = Array((option + "=").utf8)
        var values: [[UInt8]] = []
        var index = 0
        while index < raw.count {
            let arg = raw[index]
            if arg == Array("--".utf8) { break }
            if arg == name, index + 1 < raw.count {
                values.append(raw[index + 1])
                index += 2
                continue
            }
            if arg.starts(with: joined) { values.append(Array(arg.dropFirst(joined.count))) }
            index += 1
        }
        return values
    }

    /// The positional arguments: not an option, not an option's value; all after `--`.
    static func positionals(_ raw: [[UInt8]], valued: Set<String>) -> [[UInt8]] {
        positionalIndices(raw, valued: valued).map { raw[$0] }
    }

    /// Where the positional arguments are in `raw`, in order (as `positionals` reads them).
    static func positionalIndices(_ raw: [[UInt8]], valued: Set<String>) -> [Int] {
        var out: [Int] = []
        var index = 0
        while index < raw.count {
            let arg = raw[index]
            index += 1
            if arg == Array("--".utf8) {
                out += index..<raw.count
                break
            }
            guard arg.first == UInt8(ascii: "-"), arg.count > 1 else {
                out.append(index - 1)
                continue
            }
            if valued.contains(String(decoding: arg, as: UTF8.self)) { index += 1 }
        }
        return out
    }

    /// `exact` for values that must all be found: a value without U+FFFD is its own UTF-8
    /// (nothing was repaired); one with U+FFFD whose bytes cannot be found is refused, naming
    /// the option that takes it as base64 (`instead`).
    /// - Throws: `CLIFailure` naming the argument.
    static func require(
        _ parsed: [String], option: String? = nil, valued: Set<String>, what: String, instead: String = "--account-b64"
    ) throws -> [ExactText] {
        let found = exact(parsed, option: option, valued: valued)
        return try parsed.indices.map { index in
            if let exact = found[index] { return exact }
            guard !parsed[index].unicodeScalars.contains("\u{FFFD}") else {
                throw CLIFailure(
                    message: "cannot recover the exact bytes of \(what) \(TextEscaping.visible(parsed[index])); "
                        + "pass it with \(instead)", code: 2)
            }
            return ExactText(parsed[index])
        }
    }
}
