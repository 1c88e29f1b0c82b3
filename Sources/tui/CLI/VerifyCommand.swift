import ArgumentParser
import Investigate

/// `investigate verify BUNDLE`: exit 0 only when the signature, every hash and the audit chain hold.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a case bundle's signature, file hashes and audit chain.")

    @Argument(help: "The bundle: a .zip archive or a folder.") var bundle: String
    @Flag(help: "Also list what held.") var verbose = false
    @Option(help: "Require this signer key id (16 hex digits; `investigate verify` prints it).") var key: String?

    func run() throws {
        try runReporting {
            let report: BundleVerifier.Report
            do { report = try BundleVerifier.verify(path: bundle, expectedKeyID: key?.lowercased()) } catch let error as BundleError {
                throw CLIFailure(message: error.message, code: 2)
            }
            if verbose { report.passed.forEach { print("ok  " + $0) } }
            for problem in report.problems { print("BAD " + inert(problem)) }
            if !report.ok {
                throw CLIFailure(message: "\(bundle): \(report.problems.count) problems; the bundle does not verify", code: 1)
            }
            print("\(bundle): verified (signature key \(report.keyID ?? "?"), \(report.passed.count) checks)")
        }
    }
}
