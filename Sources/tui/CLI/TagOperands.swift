import Investigate

/// The account ids of `case tag` and `case untag`, read from the raw command line rather than
/// through ArgumentParser.
///
/// ArgumentParser (1.x) takes time quadratic in the number of values one argument collects:
/// each value it stores re-records the input positions of every value before it. `case tag`
/// of 45,000 ids took 71 s in release (median of 3, loaded machine), nine tenths of it in the
/// parser; the one transaction that writes the tags takes well under a second.
/// So `InvestigateCommand.main` hands ArgumentParser the command line without all but the
/// first id (`argumentsForParser`: it still checks the command's shape, options and case id),
/// and `TagTargetOptions.resolve` takes every id from the raw command line (`ids`), as the
/// exact bytes the shell passed. Both read the operands one way (`RawArguments.positionals`
/// with the command's valued options), so what is hidden from the parser is exactly what is
/// read here.
enum TagOperands {
    /// The subcommands of `case` whose operands after CASE and TAG are account ids.
    static let commands: Set<[UInt8]> = [Array("tag".utf8), Array("untag".utf8)]

    /// How many operands come before the ids: `case`, `tag`, CASE, TAG.
    static let leading = 4

    /// Where the account ids are in `raw`, in order; nil when `raw` is not a `case tag` or
    /// `case untag` command line.
    static func indices(_ raw: [[UInt8]]) -> [Int]? {
        guard raw.count > 2, raw[0] == Array("case".utf8), commands.contains(raw[1]) else { return nil }
        return Array(RawArguments.positionalIndices(raw, valued: TagTargetOptions.valued).dropFirst(leading))
    }

    /// The account ids, exact bytes in command-line order; nil when `raw` is not a `case tag`
    /// or `case untag` command line.
    static func ids(_ raw: [[UInt8]]) -> [ExactText]? {
        indices(raw).map { $0.map { ExactText(bytes: raw[$0]) } }
    }

    /// `arguments` (the command line as Swift decoded it, one entry per `raw` entry) without the
    /// ids after the first. ArgumentParser reads each of them as a plain value (a word after
    /// `--`; before it, a word not starting with `-`, or `-` alone: `positionals` never counts
    /// `-5` as an operand), so taking them away changes nothing else it reads.
    static func argumentsForParser(_ arguments: [String], raw: [[UInt8]]) -> [String] {
        guard arguments.count == raw.count, let indices = indices(raw), indices.count > 1 else { return arguments }
        let hidden = Set(indices.dropFirst())
        return arguments.indices.filter { !hidden.contains($0) }.map { arguments[$0] }
    }
}
