import Foundation
import Testing
@testable import Investigate

/// Deterministic fuzzing of the loading engine: seeded mutations of small valid case sources
/// (byte flips, truncations, stray quotes / newlines / backslashes / ESC / 0xFF / NUL bytes,
/// JSON fragments, gzip container damage) loaded in lenient and strict mode. Nothing may trap
/// or hang; lenient reports must add up; every issue must name a file and a line and be inert.
@Suite struct LoaderFuzzTests {
    // MARK: Seeded randomness

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    // MARK: Base sources

    static let accountsCSV = #"""
        account_id,created_at,email,org_id,country,plan,status,payment_fingerprint,signup_ip,nick
        a1,2026-01-02T03:04:05Z,x@example.com,o1,US,payg,active,pf1,10.0.0.1,"hi, ""you"""
        a2,1767225600,y@example.com,o1,de,team,active,pf1,10.0.0.2,"multi
        line"
        a3,2026-01-02T03:04:05.250+02:00,z@gmail.com,,fr,payg,banned,pf2,2001:db8::1,
        a4,,w@corp.io,o2,gb,ent,suspended,,10.0.1.7,x

        """#
    static let accountsJSONL = #"""
        {"account_id":"a1","created_at":"2026-01-02T03:04:05Z","email":"x@example.com","org_id":"o1","payment_fingerprint":"pf1","signup_ip":"10.0.0.1","nick":"hi \"you\""}
        {"account_id":"a2","created_at":1767225600,"email":"y@example.com","org_id":"o1","payment_fingerprint":"pf1","signup_ip":"10.0.0.2","tags":["x",{"y":null}]}
        {"account_id":"a3","created_at":"2026-01-02T03:04:05.250+02:00","email":"z@gmail.com","country":"fr","status":"banned","signup_ip":"2001:db8::1"}
        {"account_id":"a4","email":"w@corp.io","org_id":"o2","plan":null,"status":"suspended","signup_ip":"10.0.1.7","vip":true}

        """#
    static let paymentsCSV = #"""
        account_id,payment_fingerprint,kind,bin_country,added_at
        a1,pf9,card,US,2026-01-01T00:00:00Z
        a3,pf9,crypto,,1767225600000

        """#
    static let paymentsJSONL = #"""
        {"account_id":"a1","payment_fingerprint":"pf9","kind":"card","bin_country":"US","added_at":"2026-01-01T00:00:00Z"}
        {"account_id":"a3","payment_fingerprint":"pf9","kind":"crypto","added_at":1767225600000}

        """#
    static let linksCSV = #"""
        account_a,account_b,kind,weight,note
        a1,a2,referral,0.5,"note, with comma"
        a3,a4,manual,,

        """#
    static let linksJSONL = #"""
        {"account_a":"a1","account_b":"a2","kind":"referral","weight":0.5,"note":"n"}
        {"account_a":"a3","account_b":"a4","kind":"manual"}

        """#
    static let queriesJSONL = #"""
        {"ts":"2026-03-01T00:00:00Z","account_id":"a1","api_key":"sk-1","ip":"10.0.0.1","asn":"AS16509","user_agent":"py/1.0","model":"m1","input_tokens":12,"output_tokens":30,"prompt":"Think step by step about item 42"}
        {"ts":"2026-03-01T00:00:01.5Z","account_id":"a2","ip":"10.0.0.2","asn":"16509","user_agent":"py/1.0","prompt":"Think step by step about item 43","x":{"k":[1,2,"]"]}}
        {"ts":1772323202000,"account_id":"a3","ip":"2001:db8::5","prompt_fingerprint":"abc123","input_tokens":"7","category":"code"}
        {"ts":"2026-03-01 00:00:03+01:00","account_id":"a4","prompt":"tab\there \u00e9 \ud83d\ude00 \u001b[2J"}
        {"ts":"2026-03-01T00:00:04Z","account_id":"a1","prompt":"Think step by step about item 44","output_tokens":5.0}
        {"ts":"2026-03-01T00:00:05Z","account_id":"a2","api_key":"sk-1","prompt":"“quoted” and `code` spans"}

        """#
    static let queriesCSV = #"""
        ts,account_id,api_key,ip,asn,user_agent,model,input_tokens,output_tokens,prompt,extra
        2026-03-01T00:00:00Z,a1,sk-1,10.0.0.1,AS16509,py/1.0,m1,12,30,"Think step by step, item 42",e
        2026-03-01T00:00:01Z,a2,,10.0.0.2,16509,py/1.0,m1,,,"multi
        line ""prompt""",
        1772323202,a3,sk-2,2001:db8::5,,curl,m2,7,8,plain,x
        2026-03-01T00:00:04Z,a4,,,,,,,,,

        """#

    /// The file sets fuzzed: name -> content.
    static func baseSources(_ variant: Int) -> [String: [UInt8]] {
        func b(_ s: String) -> [UInt8] { Array(s.utf8) }
        switch variant % 3 {
        case 0:
            return [
                "accounts.csv": b(accountsCSV), "payments.csv": b(paymentsCSV), "links.csv": b(linksCSV),
                "queries.jsonl": b(queriesJSONL),
            ]
        case 1:
            return [
                "accounts.jsonl": b(accountsJSONL), "payments.jsonl": b(paymentsJSONL), "links.jsonl": b(linksJSONL),
                "queries.jsonl": b(queriesJSONL),
            ]
        default:
            return [
                "accounts.csv": b(accountsCSV), "payments.jsonl": b(paymentsJSONL), "links.csv": b(linksCSV),
                "queries/part-1.csv": b(queriesCSV), "queries/part-2.jsonl": b(queriesJSONL),
            ]
        }
    }

    // MARK: Mutations

    static let specialBytes: [UInt8] = [
        0x22, 0x0A, 0x0D, 0x5C, 0x1B, 0xFF, 0x00, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0xC3, 0xED, 0x80, 0x09, 0x20,
    ]

    static let fragments: [String] = [
        #""\u0000""#, #""\ud800""#, #""\udc00\ud800x""#, #""\ud83d\u0041""#, #""\u12""#, #""\x""#, "\\", "\"",
        #","account_id":"a1","account_id":"zz""#, #","ts":"99999999999999999999""#, #","ts":12345678901234567"#,
        #","ts":"2026-03-01T00:00:00.99999999999999999999999999Z""#, #","ts":"1772323202.99999999999999999999""#,
        #","ts":"-9999999999999999""#, #","ts":"9999-12-31T23:59:60-23:59""#, #","ts":"0000-02-29T00:00:00Z""#,
        #","input_tokens":-5"#, #","output_tokens":"99999999999999999999999""#, #","input_tokens":1e309"#,
        #","input_tokens":"4294967296.000""#, #","weight":"nan""#, #","weight":-0.0"#, #","created_at":"-""#,
        String(repeating: "[", count: 700), String(repeating: "{\"a\":", count: 300), "]]]}}}", "null", "nul", "tru",
        "-", "1e", "\u{1B}]0;pwn\u{07}", "\u{202E}evil", "=HYPERLINK(\"x\")", "\"\"\"", ",,,,,,,,,,,,",
        "\r\n", "\n\n", "\u{FEFF}", "\"multi\nline", "{}", "{\"\":\"\"}", #","ip":"::ffff:1.2.3.4""#, #","ip":"1:2:3:4:5:6:7:8:9""#,
        #","ip":"+1.2.3.4""#, #","asn":"as""#, #","email":"@""#, #","email":"x@""#,
    ]

    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix) {
        let count = bytes.count
        switch rng.below(9) {
        case 0 where count > 0:  // flip bits
            let i = rng.below(count)
            bytes[i] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8))
        case 1:  // truncate
            bytes.removeLast(rng.below(count + 1) / (rng.chance(50) ? 1 : 8))
        case 2:  // insert a special byte (sometimes a run)
            let run = rng.chance(20) ? 1 + rng.below(40) : 1
            bytes.insert(contentsOf: [UInt8](repeating: rng.pick(specialBytes), count: run), at: rng.below(count + 1))
        case 3:  // replace a byte
            if count > 0 { bytes[rng.below(count)] = rng.pick(specialBytes) }
        case 4, 5:  // insert a JSON fragment
            bytes.insert(contentsOf: Array(rng.pick(fragments).utf8), at: rng.below(count + 1))
        case 6 where count > 1:  // delete a range
            let start = rng.below(count)
            bytes.removeSubrange(start..<min(count, start + 1 + rng.below(30)))
        case 7 where count > 1:  // duplicate a range (lines, keys)
            let start = rng.below(count)
            let slice = bytes[start..<min(count, start + 1 + rng.below(120))]
            bytes.insert(contentsOf: slice, at: rng.below(count + 1))
        default:  // a random byte anywhere
            bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(count + 1))
        }
    }

    // MARK: Gzip (stored blocks, no zlib needed)

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let n = min(65_535, data.count - offset)
            let last: UInt8 = offset + n == data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[offset..<(offset + n)]
            offset += n
        } while offset < data.count
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        crc ^= 0xFFFF_FFFF
        let size = UInt32(truncatingIfNeeded: data.count)
        for value in [crc, size] { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) } }
        return out
    }

    // MARK: Checks

    static func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !TextEscaping.isUnsafe($0) }
    }

    /// The byte the line reader ends these lines with: `\n`, or `\r` in a file with no `\n` but a
    /// `\r` (the fuzzed files are far shorter than `LineReader.lineEndSample`).
    static func lineEnd(_ bytes: [UInt8]) -> UInt8 {
        !bytes.contains(0x0A) && bytes.contains(0x0D) ? 0x0D : 0x0A
    }

    /// Non-blank lines, as the JSONL reader counts them (one trailing `\r` dropped).
    static func jsonlDataLines(_ bytes: [UInt8]) -> Int {
        let end = lineEnd(bytes)
        var lines = bytes.split(separator: end, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.filter { line in
            var line = line
            if end == 0x0A && line.last == 0x0D { line.removeLast() }
            return !line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }.count
    }

    static func physicalLines(_ bytes: [UInt8]) -> Int {
        var lines = bytes.split(separator: lineEnd(bytes), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.count
    }

    static func loadedRows(_ data: CaseData, file: String) -> Int {
        data.report.files.first { $0.name == file }?.rows ?? 0
    }

    static func write(_ files: [String: [UInt8]]) throws -> String {
        let source = try TempSource([:])
        for (name, bytes) in files {
            if name.contains("/") {
                try FileManager.default.createDirectory(
                    atPath: source.directory + "/" + (name as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
            }
            try source.write(name, bytes: bytes)
        }
        return source.directory
    }

    static func load(_ directory: String, strict: Bool) -> Result<CaseData, Error> {
        var options = LoadOptions(strict: strict)
        options.listLimit = 100_000
        return Result { try CaseLoader(options: options).load(directory) }
    }

    /// Checks one report; returns a description of the first problem, if any.
    static func checkReport(_ data: CaseData, files: [String: [UInt8]]) -> String? {
        let report = data.report
        for issue in report.skipped + report.warnings {
            if issue.file.isEmpty || issue.line < 1 { return "bad location \(issue.file):\(issue.line)" }
            if !isInert(issue.reason) { return "reason not inert: \(TextEscaping.visible(issue.reason))" }
        }
        if report.skippedCount < report.skipped.count || report.warningCount < report.warnings.count {
            return "counts below lists"
        }
        for (name, bytes) in files where !name.hasSuffix(".gz") {
            let issues = report.skipped.filter { $0.file == name }.count
            let rows = loadedRows(data, file: name)
            if name.hasSuffix(".jsonl") {
                if rows + issues != jsonlDataLines(bytes) {
                    return "\(name): \(rows) loaded + \(issues) skipped != \(jsonlDataLines(bytes)) data lines"
                }
            } else if issues == 1, report.skipped.contains(where: { $0.file == name && $0.line == 1 }) {
                continue  // the whole file was skipped (missing column, empty file, bad header)
            } else if rows + issues > max(0, physicalLines(bytes) - 1) {
                return "\(name): \(rows) loaded + \(issues) skipped > \(physicalLines(bytes) - 1) lines"
            }
        }
        return nil
    }

    // MARK: The fuzz run

    @Test func seededMutationsNeverTrapAndReportsAddUp() throws {
        var rng = SplitMix(state: 0x1EAF_F00D)
        var failures: [String] = []
        var loadedLenient = 0, stoppedStrict = 0
        let iterations = 900
        for iteration in 0..<iterations {
            var files = Self.baseSources(iteration)
            let names = files.keys.sorted()
            // Mutate one file (sometimes two).
            let targets = rng.chance(20) ? [rng.pick(names), rng.pick(names)] : [rng.pick(names)]
            for name in targets {
                var bytes = files[name]!
                for _ in 0..<(1 + rng.below(4)) { Self.mutate(&bytes, &rng) }
                files[name] = bytes
            }
            // Sometimes gzip one file, sometimes damaging the container too.
            if rng.chance(15) {
                let name = rng.pick(names)
                var gz = Self.gzip(files.removeValue(forKey: name)!)
                switch rng.below(5) {
                case 0: gz.removeLast(1 + rng.below(gz.count - 1))  // truncated
                case 1: gz += [0, 0, 0, 0]  // trailing padding
                case 2: gz += Self.gzip(Array("{\"ts\":1,\"account_id\":\"a1\"}\n".utf8))  // concatenated member
                case 3: gz[rng.below(gz.count)] ^= 0x40  // corrupt
                default: break
                }
                files[name + ".gz"] = gz
            }
            let directory = try Self.write(files)
            defer { try? FileManager.default.removeItem(atPath: directory) }

            let lenient = Self.load(directory, strict: false)
            let strict = Self.load(directory, strict: true)
            let tag = "iteration \(iteration) [\(targets.joined(separator: ","))]"
            switch lenient {
            case .success(let data):
                loadedLenient += 1
                if let problem = Self.checkReport(data, files: files) { failures.append("\(tag): \(problem)") }
                let issues = data.report.skippedCount + data.report.warningCount
                switch strict {
                case .success(let strictData):
                    if issues > 0 { failures.append("\(tag): strict load passed despite \(issues) lenient issues") }
                    if strictData.queries.count != data.queries.count || strictData.accountCount != data.accountCount {
                        failures.append("\(tag): strict and lenient loads differ")
                    }
                case .failure(let error):
                    stoppedStrict += 1
                    if issues == 0 { failures.append("\(tag): strict failed on a clean source: \(error)") }
                }
                if iteration % 24 == 0 {
                    // The graph and clustering must take whatever the loader let through.
                    let index = LinkIndex(data: data)
                    _ = Clusterer().components(index: index)
                }
            case .failure(let error):
                if case .success = strict { failures.append("\(tag): strict passed where lenient failed: \(error)") }
            }
            for result in [lenient, strict] {
                guard case .failure(let error) = result else { continue }
                guard let failure = error as? LoadFailure else {
                    failures.append("\(tag): non-LoadFailure error \(error)")
                    continue
                }
                if case .strictRow(let file, let line, let reason) = failure {
                    if file.isEmpty || line < 1 || !Self.isInert(reason) { failures.append("\(tag): bad strict stop \(failure)") }
                }
                if !Self.isInert(failure.description) {
                    failures.append("\(tag): failure not inert: \(TextEscaping.visible(failure.description))")
                }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) problems:\n" + failures.prefix(20).joined(separator: "\n")))
        #expect(loadedLenient > iterations / 2)
        #expect(stoppedStrict > 0)
    }

    // MARK: Targeted edge cases

    static let oneQuery = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"#

    static func loadBytes(_ files: [String: [UInt8]], strict: Bool = false) throws -> CaseData {
        let directory = try write(files)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try load(directory, strict: strict).get()
    }
}
