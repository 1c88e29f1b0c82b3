import Foundation
@testable import Investigate
import TestScratch

/// Writes small case sources into a fresh temporary folder for tests.
struct TempSource {
    let directory: String

    init(_ files: [String: String]) throws {
        directory = TestScratch.root + "inv-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = directory + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
    }

    func load(strict: Bool = false) throws -> CaseData {
        try CaseLoader(options: LoadOptions(strict: strict)).load(directory)
    }
}

/// `bytes` compressed by the system's gzip (no name or time stored, so the output is stable).
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let dir = TestScratch.root + "gz-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(bytes).write(to: URL(fileURLWithPath: dir + "/x"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-n", dir + "/x"]
    try process.run()
    process.waitUntilExit()
    return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/x.gz")))
}
