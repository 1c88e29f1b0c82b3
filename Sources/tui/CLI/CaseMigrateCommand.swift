import ArgumentParser
import Foundation
import Investigate
import InvestigatePostgres

/// `investigate case migrate --from PATH|URL --to URL|PATH`: moves every case, with its chain
/// intact, from one store to another (a SQLite file to a team's PostgreSQL, or back).
struct CaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy every case, with its audit chain, from one case store to another (SQLite <-> PostgreSQL).")

    @Option(help: "The store to copy from: a SQLite file, or postgresql://...") var from: String
    @Option(help: "The store to copy into: postgresql://..., or a SQLite file.") var to: String

    func run() throws {
        try runReporting {
            guard from != to else { throw CLIFailure(message: "--from and --to name the same store", code: 2) }
            if !PostgresTarget.isURL(from) && !FileManager.default.fileExists(atPath: from) {
                throw CLIFailure(message: "--from \(inert(from)): no such case store", code: 2)
            }
            let source = try storeCall { try CaseStores.open(from) }
            let destination = try storeCall { try CaseStores.open(to) }
            let outcomes = try storeCall {
                try CaseStoreMigration.copy(from: source, to: destination) { outcome in
                    let what = outcome.alreadyThere ? "already there" : "copied"
                    print("\(outcome.caseID): \(what), \(outcome.entries) audit entries, verified")
                }
            }
            let copied = outcomes.filter { !$0.alreadyThere }.count
            print("\(copied) of \(outcomes.count) cases copied from \(inert(source.location)) to \(inert(destination.location))")
        }
    }
}
