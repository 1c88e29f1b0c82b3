import ArgumentParser
import Foundation
import Investigate

/// The `investigate` command: the console, and the scripting commands that share its engine.
@main
struct InvestigateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigate",
        abstract: "Hunt distillation rings in account and API-log exports.",
        version: InvestigateVersion.string,
        subcommands: CommandRegistry.all,
        defaultSubcommand: ConsoleCommand.self)

    func run() throws {}

    /// Runs the command line. A bad argument (an unknown option, a missing value, a failed
    /// validation) exits 2 as the README says, not ArgumentParser's 64; everything else exits
    /// as ArgumentParser decides (help and version 0, `ExitCode` as thrown).
    static func main() {
        if let dashed = RawArguments.shortOptionCluster() {
            FileHandle.standardError.write(
                Data(("investigate: \(TextEscaping.visible(dashed)) would be read as short options (-dash as -d -a -s -h, and -h is help), not as an id or value; "
                    + "put an id or value that starts with - after --, as in: investigate account DIR -- -dash\n").utf8))
            Foundation.exit(2)
        }
        do {
            // `case tag` and `case untag` ids are read from the raw line, not by the parser (`TagOperands`).
            var command = try parseAsRoot(
                TagOperands.argumentsForParser(Array(CommandLine.arguments.dropFirst()), raw: RawArguments.current))
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((inertLines(fullMessage(for: error)) + "\n").utf8))
                if let hint = RawArguments.usageHint() { FileHandle.standardError.write(Data((hint + "\n").utf8)) }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
