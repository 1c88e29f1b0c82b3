import ArgumentParser

/// Every subcommand of `investigate`, in help order. Add new commands here.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = []
}
