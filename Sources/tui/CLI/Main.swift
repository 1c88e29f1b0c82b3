import ArgumentParser
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
}
