#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Investigate

/// Output formats of the scripting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// Options shared by commands that read a case source.
struct SourceOptions: ParsableArguments {
    @Argument(help: "The case source folder.")
    var directory: String

    @Flag(help: "Stop at the first bad row (file:line: reason on stderr, exit 3).")
    var strict = false

    /// Loads and builds the investigation, turning load failures into a clean exit.
    func open() throws -> Investigation {
        Investigation(data: try loadData())
    }

    /// Loads the data only.
    func loadData() throws -> CaseData {
        do {
            return try CaseLoader(options: LoadOptions(strict: strict)).load(directory)
        } catch let failure as LoadFailure {
            throw CLIFailure(message: failure.description, code: 3)
        }
    }
}

/// A failure printed as `investigate: message` on stderr with an exit status below 128.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

/// Writes to standard error.
func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

/// A TextOutputStream over stderr.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var copy = string
        copy.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

/// Runs a command body, mapping engine failures to clean exits.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CLIFailure {
        printError("investigate: " + failure.message)
        throw ExitCode(failure.code)
    } catch let failure as LoadFailure {
        printError("investigate: " + failure.description)
        throw ExitCode(3)
    }
}
