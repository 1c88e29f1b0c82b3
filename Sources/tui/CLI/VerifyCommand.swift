import ArgumentParser
import Investigate

/// `investigate verify BUNDLE`: exit 0 only when the bundle is well formed, every hash and the
/// audit chain hold, and its signer is trusted; 1 when it does not verify (including a valid
/// signature by an untrusted key); 2 for an unreadable path, a bad `--key` or trusted-keys file.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a case bundle's structure, signer, file hashes and audit chain.",
        discussion: """
            Trusted signers: your own signing key and the keys in the trusted-keys file under the \
            config folder (one base64 Ed25519 public key per line, then an optional comment). With \
            --key, only the keys given are accepted. Exit status: 0 verified, 1 the bundle does not \
            verify or its signer is not trusted, 2 unreadable path or bad --key / trusted-keys file.
            """)

    @Argument(help: "The bundle: a .zip archive or a folder.") var bundle: String
    @Flag(help: "Also list what held.") var verbose = false
    @Option(
        name: .customLong("key"),
        help: "Accept only this signer: a key id (16 hex digits) or a base64 Ed25519 public key. Repeatable.")
    var keys: [String] = []

    func run() throws {
        try runReporting {
            let report: BundleVerifier.Report
            do {
                let trust = try BundleTrust.standard(pinned: keys)
                trust.warnings.forEach { printError("investigate: warning: " + inertMessage($0)) }
                report = try BundleVerifier.verify(path: bundle, trust: trust)
            } catch let error as BundleError {
                throw CLIFailure(message: inertMessage(error.message), code: 2)
            }
            if verbose { report.passed.forEach { print("ok  " + inertMessage($0)) } }
            for problem in report.problems { print("BAD " + inertMessage(problem)) }
            let signer = report.keyID.map { "signed by key \($0)" } ?? "no signature verified"
            if !report.ok {
                let count = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
                throw CLIFailure(message: "\(inert(bundle)): \(count) (\(signer)); the bundle does not verify", code: 1)
            }
            print(
                "\(inert(bundle)): verified (signature key \(report.keyID ?? "?"), trusted as \(inert(report.trustedAs ?? "?")), \(report.passed.count) checks)"
            )
            // What was verified, for people: a trial's new user could not tell which case it was.
            if let summary = report.caseSummary { print("  " + inert(summary)) }
            // What the source's load lost when the bundle was made (signed): its rows are not in it.
            if let load = report.sourceLoad { print("  " + inertMessage(load)) }
        }
    }
}
