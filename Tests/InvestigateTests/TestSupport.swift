import Foundation
@testable import Investigate

/// Writes small case sources into a fresh temporary folder for tests.
struct TempSource {
    let directory: String

    init(_ files: [String: String]) throws {
        directory = NSTemporaryDirectory() + "inv-test-" + UUID().uuidString
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
