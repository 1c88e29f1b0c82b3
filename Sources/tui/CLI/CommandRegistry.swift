import ArgumentParser

/// Every subcommand of `investigate`, in help order. Add new commands here.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        LoadCommand.self, ClustersCommand.self, AccountCommand.self, PivotCommand.self, QueriesCommand.self,
        GenerateCommand.self, EvaluateCommand.self, BenchCommand.self, CaseCommand.self, ExportCommand.self, VerifyCommand.self,
    ]
}
