import Foundation
import ArgumentParser
import Investigate

/// `investigate export CASE_ID --source DIR --out PATH [--redact] [--fresh]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a signed case bundle (a .zip archive, else a folder).")

    @Argument(help: "The case id.") var caseID: String
    @Option(help: "The case source folder.") var source: String
    @Option(help: "Output path: ends in .zip for an archive, else a folder.") var out: String
    @Flag(help: "Replace prompts, emails, payment fingerprints and every value and key name of every extra (unknown) field with keyed-hash pseudonyms.") var redact = false
    @Flag(help: "Load the source from its files, not from the snapshot of an earlier open (after an export refused because the source changed since it was loaded).")
    var fresh = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReporting {
            guard !out.isEmpty else { throw CLIFailure(message: "--out needs a path (case.zip, or a folder)", code: 2) }
            let store = try store.open()
            let snapshot = try storeCall { try store.snapshot(caseID: caseID) }
            let investigation = try SourceOptions.parse([source] + (fresh ? ["--fresh"] : [])).open()
            if let warning = ExportSourceCheck.warning(
                caseID: caseID, recorded: snapshot.source, current: CaseSource(files: investigation.data.files))
            {
                printError(warning)
            }
            do {
                // A first export creates the signing key: say so, and where (partners trust it by its id).
                let keyPath = InvestigatePaths.signingKey()
                let existed = FileManager.default.fileExists(atPath: keyPath)
                let key = try BundleKeys.signingKey(path: keyPath)
                if !existed {
                    printError(
                        "investigate: created a signing key at \(inert(keyPath)) (mode 0600); bundles name its key id, "
                            + "which partners confirm with you before trusting it")
                }
                let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey()) : nil
                let result = try storeCall {
                    try CaseExporter(store: store, signingKey: key, redactor: redactor)
                        .export(caseID: caseID, investigation: investigation, to: out)
                }
                for warning in result.warnings { printError("investigate: warning: " + warning) }
                print("wrote \(inert(out)): \(result.files.count) files, manifest sha256 \(result.manifestSHA256)")
                if redact { print("redacted: " + BundleManifest.redactedText) }
            } catch let error as BundleError {
                throw CLIFailure(message: error.message, code: 4)
            } catch let error as AtomicFile.WriteError {
                throw CLIFailure(message: error.description, code: 4)
            }
        }
    }
}
