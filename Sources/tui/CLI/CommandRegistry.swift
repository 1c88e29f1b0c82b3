import ArgumentParser

/// Every subcommand of `investigate`, in help order. Add new commands here.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        ConsoleCommand.self, LoadCommand.self, ClustersCommand.self, AccountCommand.self, PivotCommand.self,
        QueriesCommand.self, CaseCommand.self, ExportCommand.self, VerifyCommand.self, GenerateCommand.self,
        EvaluateCommand.self, BenchCommand.self, ReplayCommand.self, WhyCommand.self,
    ]
}
