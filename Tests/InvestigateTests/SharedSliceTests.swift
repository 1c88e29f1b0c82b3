import Foundation
import Testing
@testable import Investigate

/// A slice shared by owner (`QueryLineOwner`): every worker reads every line and parses those
/// whose account id hashes to it. Each line must be parsed, and each bad line reported, exactly
/// once, and the table, ids and report must be those of a one-thread load, whatever the lines
/// hold.
@Suite struct SharedSliceTests {
    static func value(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        return bytes[...].withSpan { QueryLineOwner.accountValue(in: $0) }.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func theScanTakesTheFirstAccountKeysRawStringValue() {
        #expect(Self.value(#"{"ts":1,"account_id":"a1","ip":"x"}"#) == "a1")
        #expect(Self.value("{\"ts\":1, \"account_id\" :\t \"a 1\" }") == "a 1")
        // Escapes are kept as they are; an escaped quote does not end the value.
        #expect(Self.value(#"{"account_id":"a\"b\\","ts":1}"#) == #"a\"b\\"#)
        #expect(Self.value(#"{"account_id":"\u0061\u0031"}"#) == #"\u0061\u0031"#)
        // Duplicated keys: the first one.
        #expect(Self.value(#"{"account_id":"first","account_id":"second"}"#) == "first")
        // The key's text inside another value ends that value there, so it is found first.
        #expect(Self.value(#"{"prompt":"say \"account_id":"x","account_id":"real"}"#) == "x")
        // No string value to take.
        #expect(Self.value(#"{"ts":1,"ip":"x"}"#) == nil)
        #expect(Self.value(#"{"account_id":17}"#) == nil)
        #expect(Self.value(#"{"account_id":{"id":"a"}}"#) == nil)
        #expect(Self.value(#"{"account_id":"unterminated"#) == nil)
        #expect(Self.value(#"{"account_id""#) == nil)
        #expect(Self.value(#"{"Account_ID":"a1"}"#) == nil)
        #expect(Self.value("") == nil)
    }

    @Test func everyLineHasOneOwnerInRange() {
        var seen = Set<Int>()
        for a in 0..<200 {
            let line = Array(#"{"ts":1,"account_id":"acct\#(a)"}"#.utf8)[...]
            let owner = QueryLineOwner.owner(of: line, among: 3)
            #expect((0..<3).contains(owner))
            #expect(QueryLineOwner.owner(of: line, among: 3) == owner)
            #expect(QueryLineOwner.owner(of: line, among: 1) == 0)
            seen.insert(owner)
        }
        #expect(seen == [0, 1, 2])
        #expect(QueryLineOwner.owner(of: Array(#"{"ts":1}"#.utf8)[...], among: 3) == 0)
    }

    /// Interleaved accounts (time order) with hostile lines: odd or missing account fields,
    /// duplicated keys, escaped and padded spellings of one account, the key's text inside a
    /// prompt, garbage, bad times, unknown accounts and wide token counts.
    static func source() throws -> TempSource {
        var accounts = "account_id,created_at\n"
        for a in 0..<24 { accounts += "a\(a),2026-01-01T00:00:00Z\n" }
        accounts += "\"a\"\"q\",2026-01-01T00:00:00Z\n"
        var lines: [String] = []
        for i in 0..<1_200 {
            let a = (i * 5) % 25
            let ts = 1_772_323_200 + i / 3
            let rest = #""api_key":"k\#(a % 6)","ip":"10.0.\#(a % 3).\#(i % 4)","user_agent":"ua\#(i % 3)","category":"c\#(i % 5)","prompt":"step \#(i)""#
            switch i % 97 {
            case 3: lines.append(#"{"ts":\#(ts),"account_id":17,\#(rest)}"#)
            case 11: lines.append(#"{"ts":\#(ts),\#(rest)}"#)
            case 19: lines.append(#"{"ts":\#(ts),"account_id":"a\#(a)","account_id":"a\#((a + 1) % 24)",\#(rest)}"#)
            case 23: lines.append(#"{"ts":\#(ts),"account_id":"\u0061\#(a % 10)",\#(rest)}"#)
            case 29: lines.append(#"{"ts":\#(ts),"account_id":"  a\#(a % 24)  ",\#(rest)}"#)
            case 31: lines.append(#"{"prompt":"x \"account_id":"a5","ts":\#(ts),"account_id":"a\#(a % 24)","ip":"10.9.9.9"}"#)
            case 37: lines.append(#"{"ts":\#(ts),"account_id":"a\"q",\#(rest)}"#)
            case 41: lines.append("\u{1}garbage \"account_id\":\"a3\"")
            case 43: lines.append(#"{"ts":"soon","account_id":"a\#(a % 24)"}"#)
            case 47: lines.append(#"{"ts":\#(ts),"account_id":"ghost\#(i % 3)",\#(rest)}"#)
            case 53: lines.append(#"{"ts":\#(ts),"account_id":"a\#(a % 24)","input_tokens":99999999999,\#(rest)}"#)
            case 59: lines.append(#"{"ts":\#(ts),"Account_ID":"a\#(a % 24)",\#(rest)}"#)
            case 61: lines.append("")
            default: lines.append(#"{"ts":\#(ts),"account_id":"a\#(a % 24)",\#(rest)}"#)
            }
        }
        return try TempSource(["accounts.csv": accounts, "queries/part-1.jsonl": lines.joined(separator: "\n") + "\n"])
    }

    static func load(_ source: TempSource, slice: Int, workers: Int, shared: Bool?, strict: Bool = false, listLimit: Int = 100) throws -> CaseData {
        var options = LoadOptions(strict: strict)
        options.sliceBytes = slice
        options.workers = workers
        options.sharesSlices = shared
        options.listLimit = listLimit
        return try CaseLoader(options: options).load(source.directory)
    }

    @Test func sharedSlicesLoadExactlyAsOneThread() throws {
        let source = try Self.source()
        for listLimit in [100, 3] {
            let whole = try Self.load(source, slice: 1 << 30, workers: 1, shared: false, listLimit: listLimit)
            #expect(whole.queries.count > 1_000)
            #expect(whole.report.skippedCount > 30)
            #expect(whole.report.warningCount > 0)
            for (slice, workers) in [(3_000, 2), (10_000, 2), (2_500, 3), (1 << 30, 2)] {
                for shared in [true, nil] {
                    let data = try Self.load(source, slice: slice, workers: workers, shared: shared, listLimit: listLimit)
                    #expect(WorkerValuesTests.pools(data) == WorkerValuesTests.pools(whole))
                    #expect(WorkerValuesTests.ids(data) == WorkerValuesTests.ids(whole))
                    #expect(ParallelLoadTests.rows(data) == ParallelLoadTests.rows(whole))
                    #expect(data.report.skipped == whole.report.skipped)
                    #expect(data.report.skippedCount == whole.report.skippedCount)
                    #expect(data.report.warnings == whole.report.warnings)
                    #expect(data.report.warningCount == whole.report.warningCount)
                    #expect(data.report.files == whole.report.files)
                    #expect(data.queries.fileLineStart == whole.queries.fileLineStart)
                }
            }
        }
    }

    @Test func strictStopsAtTheSameLineWhenShared() throws {
        let source = try Self.source()
        var expected = ""
        do { _ = try Self.load(source, slice: 1 << 30, workers: 1, shared: false, strict: true) } catch {
            expected = "\(error)"
        }
        #expect(expected.contains("part-1.jsonl"))
        for (slice, workers) in [(3_000, 2), (2_500, 3)] {
            var got = ""
            do { _ = try Self.load(source, slice: slice, workers: workers, shared: true, strict: true) } catch { got = "\(error)" }
            #expect(got == expected)
        }
    }

    /// A part holding rows of the given lines, kept as a line bitmap.
    static func part(lines: [UInt32], worker: Int) -> ParallelQueryLoad.Part {
        let part = ParallelQueryLoad.Part(options: LoadOptions())
        part.worker = worker
        part.rows.keepLinesAsBitmap()
        for line in lines {
            part.rows.append(
                timestamp: 0, account: 0, context: 0, category: -1, inputTokens: 0, outputTokens: 0, sketch: 0, flags: 0,
                line: line)
        }
        return part
    }

    @Test func sharesAreInterleavedByLineAndEveryRowIsVisitedOnce() {
        let group = [Self.part(lines: [1, 3, 64, 65, 200], worker: 0), Self.part(lines: [2, 63, 66, 130], worker: 1)]
        var visited: [String] = []
        QueryRowInterleave.forEachRow(of: group) { visited.append("\($0):\($1)") }
        #expect(visited == ["0:0", "1:0", "0:1", "1:1", "0:2", "0:3", "1:2", "1:3", "0:4"])
        #expect(group[1].rows.line(ofRow: 2) == 66)
        var lines: [Int] = []
        group[0].rows.forEachLine { _, line in lines.append(line) }
        #expect(lines == [1, 3, 64, 65, 200])
        // Two parts claiming one line (the file changed between the workers' reads): each of
        // their rows is still visited exactly once.
        let clash = [Self.part(lines: [1, 4], worker: 0), Self.part(lines: [2, 4, 5], worker: 1)]
        visited = []
        QueryRowInterleave.forEachRow(of: clash) { visited.append("\($0):\($1)") }
        #expect(visited == ["0:0", "1:0", "0:1", "1:1", "1:2"])
    }

    @Test func timeOrderIsSharedAndAccountOrderIsNot() throws {
        let interleaved = (0..<400).map { #"{"ts":1,"account_id":"a\#($0 % 37)"}"# }.joined(separator: "\n")
        let runs = (0..<400).map { #"{"ts":1,"account_id":"a\#($0 / 20)"}"# }.joined(separator: "\n")
        let source = try TempSource(["t.jsonl": interleaved + "\n", "a.jsonl": runs + "\n"])
        #expect(ParallelQueryLoad.accountsInterleave(in: source.directory + "/t.jsonl", at: 0))
        #expect(!ParallelQueryLoad.accountsInterleave(in: source.directory + "/a.jsonl", at: 0))
    }
}
