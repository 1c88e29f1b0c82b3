import Foundation
import Investigate

/// The loaded model plus a cache of the tables built from it, shared by `update`, the views and
/// the background jobs. Immutable apart from the memo cache, which is lock-protected.
final class ConsoleData: @unchecked Sendable {
    let model: any ConsoleModel
    private let lock = NSLock()
    private var tables: [SheetKind: SheetTable] = [:]
    /// The last `TagSummary`, with the tags it was counted from (every frame of triage reads it).
    private var tagSummaryMemo: (tags: [String: [String]], summary: TagSummary)?

    init(model: any ConsoleModel) { self.model = model }

    /// The table for a sheet if it is cached, or cheap enough to build now; nil while an
    /// expensive one (query history, a huge cluster) is still being built in the background.
    func tableIfReady(_ kind: SheetKind) -> SheetTable? {
        lock.lock()
        let hit = tables[kind]
        lock.unlock()
        if let hit { return hit }
        return model.isExpensive(kind) ? nil : table(kind)
    }

    /// The table for a sheet (built once, then cached). May take long: see `tableIfReady`.
    func table(_ kind: SheetKind) -> SheetTable {
        lock.lock()
        if let hit = tables[kind] { lock.unlock(); return hit }
        lock.unlock()
        let built = SheetTables.build(kind, model: model)
        lock.lock()
        tables[kind] = built
        if tables.count > 64 { tables = [kind: built] }
        lock.unlock()
        return built
    }
}

extension ConsoleData {
    /// Drops a cached table (after the model grew its page), so the next read rebuilds it.
    func forget(_ kind: SheetKind) {
        lock.lock()
        tables[kind] = nil
        lock.unlock()
    }
}

extension ConsoleData {
    /// What the case's tags come to for the tags columns; counted again only when they changed
    /// (unchanged tags share their storage, so the comparison is immediate).
    func tagSummary(_ tags: [String: [String]]) -> TagSummary {
        lock.lock()
        if let memo = tagSummaryMemo, memo.tags == tags { lock.unlock(); return memo.summary }
        lock.unlock()
        let summary = TagSummary.of(tags, model: model)
        lock.lock()
        tagSummaryMemo = (tags, summary)
        lock.unlock()
        return summary
    }
}

extension ConsoleData: Hashable {
    static func == (a: ConsoleData, b: ConsoleData) -> Bool { a === b }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
