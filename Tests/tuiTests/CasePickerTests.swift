import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// The `c` picker against a real case store: the backend lists cases newest first.
@Suite struct CasePickerTests {
    @Test func storeBackendListsCasesNewestFirst() throws {
        let folder = URL(fileURLWithPath: TestScratch.root).appendingPathComponent("picker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CaseStore(path: folder.appendingPathComponent("cases.sqlite").path)
        let backend = StoreCaseBackend(store: store, defaultTitle: "console test")
        #expect(try backend.listCases().isEmpty)
        _ = try backend.apply(.newCase(title: "first"))
        _ = try backend.apply(.newCase(title: "second"))
        let listed = try backend.listCases()
        #expect(listed.map(\.id) == ["case-0002", "case-0001"])
        #expect(listed.map(\.title) == ["second", "first"])
        #expect(listed.allSatisfy { $0.status == "open" })
        let opened = try backend.apply(.openCase(id: "case-0001"))
        #expect(opened.title == "first")
    }
}
