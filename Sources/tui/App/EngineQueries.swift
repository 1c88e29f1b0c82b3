import Foundation
import Investigate

/// Query-history rows for an account or a cluster, newest first, with prompts re-read from the
/// source files for the rows shown (at most `limit`).
enum EngineQueries {
    static func detail(_ scope: QueryScope, model: EngineModel, limit: Int = 2_000) -> QueryDetail {
        let data = model.data
        var rows: [Int] = []
        var total = 0
        switch scope {
        case .account(let a):
            rows = Array(data.queries.rows(of: a))
            total = rows.count
        case .cluster(let c):
            guard c >= 1, c <= model.investigation.clusters.count else { break }
            for member in model.investigation.clusters[c - 1].members {
                let own = data.queries.rows(of: Int(member))
                total += own.count
                if rows.count <= 200_000 + limit { rows += own }
            }
        }
        var perHour = [Int](repeating: 0, count: 24)
        for row in rows {
            let ts = data.queries.timestamp(row)
            perHour[Int(((ts / 3_600_000) % 24 + 24) % 24)] += 1
        }
        rows.sort { data.queries.timestamp($0) > data.queries.timestamp($1) }
        let shown = Array(rows.prefix(limit))
        let prompts = prompts(for: shown, data: data)
        let contexts = data.queries.contexts
        let out: [QueryRow] = shown.enumerated().map { offset, row in
            let context = Int(data.queries.context[row])
            func text(_ kind: LinkKind, _ id: Int32) -> String { id < 0 ? "-" : model.valueText(kind, id) }
            let modelID = contexts.model[context]
            return QueryRow(
                time: timeText(data.queries.timestamp(row)),
                account: model.accountID(data.queries.account(ofRow: row)),
                key: text(.apiKey, contexts.apiKey[context]), ip: text(.ip, contexts.ip[context]),
                model: modelID < 0 ? "-" : data.pools.models.string(modelID),
                tokens: Int(data.queries.outputTokens(row)),
                category: data.queries.category(row) < 0 ? "-" : data.pools.categories.string(data.queries.category(row)),
                prompt: prompts[offset], source: row)
        }
        return QueryDetail(rows: out, perHour: perHour, total: total)
    }

    /// Every field of one query row re-read from its file, in file order (schema columns, then
    /// extra keys), each value's exact bytes escaped for display with its newlines kept as line
    /// breaks; the row's own fields when the line can no longer be read.
    static func record(_ row: QueryRow, data: CaseData) -> [RecordField] {
        guard let source = row.source,
              let pairs = try? QueryRowFetcher(data: data).exactRows([source]).first, !pairs.isEmpty
        else {
            return RecordBuilder.query(row) + [RecordField("note", "the full row could not be re-read from its file")]
        }
        // A huge value (a 20 MB prompt) is cut at its source bytes, so that its escaped form fits
        // the record: the record holds and draws a bounded text, and says how many of the
        // value's bytes it leaves out. A row of very many keys is cut too (200,000 keys took
        // 1.1-1.45 s a key), after `fieldLimit` fields or `totalByteLimit` bytes of values, with a
        // line saying how many keys are left out.
        var fields: [RecordField] = []
        var shownBytes = 0
        for (index, pair) in pairs.enumerated() {
            if index == RecordText.fieldLimit || shownBytes >= RecordText.totalByteLimit {
                fields.append(RecordField("...", RecordText.moreKeysLine(pairs.count - index, whole: RecordText.queryWhole)))
                break
            }
            shownBytes += min(pair.value.count, RecordText.byteLimit) + pair.key.utf8.count
            fields.append(RecordField(pair.key, RecordText.escaped(pair.value, whole: RecordText.queryWhole)))
        }
        return fields
    }

    private static func prompts(for rows: [Int], data: CaseData) -> [String] {
        guard let fetched = try? QueryRowFetcher(data: data).rows(rows) else { return rows.map { _ in "" } }
        // A row with no prompt shows its fingerprint, marked as one (a zero-retention account).
        return fetched.map(QueryPromptText.of)
    }

    /// `2026-06-01 14:03` (UTC).
    static func timeText(_ ms: Int64) -> String {
        guard ms != Int64.min else { return "-" }
        var t = time_t(ms / 1000)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
