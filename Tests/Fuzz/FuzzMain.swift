import Foundation

#if FUZZING
    import CFuzzerDriver

    /// libFuzzer's per-input hook (its own `main`, when the linker keeps that one, calls it).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzEntry.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    /// The executable's entry point under `-sanitize=fuzzer -DFUZZING`: hands the command line to
    /// libFuzzer's driver with the target `FUZZ_TARGET` names (`jsonl`, `csv`, `gzip`,
    /// `timestamp`). (SwiftPM links an executable's `main` to this symbol.)
    @_cdecl("investigate_fuzz_main")
    public func investigateFuzzMain(
        _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> Int32 {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector) { data, size in
            FuzzEntry.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
    }
#else
    /// Without libFuzzer: replays corpus files through a target, so a plain build checks the
    /// committed seed corpus. `investigate-fuzz TARGET FILE_OR_FOLDER...`.
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTargets.all[name] else {
                FileHandle.standardError.write(
                    Data("usage: investigate-fuzz \(FuzzTargets.all.keys.sorted().joined(separator: "|")) FILE_OR_FOLDER...\n".utf8))
                exit(2)
            }
            var count = 0
            for path in arguments.dropFirst() {
                for file in FuzzEntry.files(at: path) {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    target(Array(data))
                    count += 1
                }
            }
            print("\(name): \(count) inputs replayed")
        }
    }
#endif

/// Picks the target for a libFuzzer run and lists corpus files.
enum FuzzEntry {
    static let target: @Sendable ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "jsonl"
        guard let target = FuzzTargets.all[name] else { fatalError("FUZZ_TARGET \(name) is not a target") }
        return target
    }()

    static func run(_ input: [UInt8]) { target(input) }

    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }
    }
}
