import Crypto
import Foundation
import Testing

@testable import Investigate
import TestScratch

#if canImport(Glibc)
    import Glibc
#endif

/// A generated source with its own snapshot folder, opened once (which writes the snapshot).
struct SnapshotFixture {
    let directory: String
    let store: SnapshotStore
    let built: Investigation

    init(accounts: Int = 400, seed: UInt64 = 11) throws {
        let root = TestScratch.root + "inv-snap-" + UUID().uuidString
        directory = root + "/src"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try SyntheticSource(accounts: accounts, seed: seed).write(to: directory)
        store = SnapshotStore(folder: root + "/snapshots")
        let (built, outcome) = try Investigation.open(directory, snapshots: store)
        #expect(!outcome.used && outcome.writeSeconds != nil, "the first open builds and writes")
        self.built = built
    }

    private init(directory: String, store: SnapshotStore, built: Investigation) {
        (self.directory, self.store, self.built) = (directory, store, built)
    }

    /// One source and snapshot shared by the tests that only damage and read a copy.
    static let shared = try! SnapshotFixture(accounts: 300, seed: 4)

    /// The same source with a copy of the snapshot folder (damage it freely).
    func isolated() throws -> SnapshotFixture {
        let folder = TestScratch.root + "inv-snap-copy-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: store.folder, toPath: folder)
        return SnapshotFixture(directory: directory, store: SnapshotStore(folder: folder), built: built)
    }

    var key: SnapshotKey { SnapshotKey(files: try! SourceFiles(directory: directory), clustering: .evidence)! }
    var path: String { store.path(for: key) }
    var bytes: [UInt8] { Array(FileManager.default.contents(atPath: path)!) }

    func open(fresh: Bool = false) throws -> (Investigation, SnapshotOutcome) {
        try Investigation.open(directory, snapshots: store, fresh: fresh)
    }

    /// Reads the snapshot file as it is now, through every check.
    func read() throws -> Investigation? {
        try store.read(key: key, directory: directory, files: try SourceFiles(directory: directory), clustering: .evidence)
    }

    func replace(with bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The file's table, and a copy of the file with section `name`'s bytes changed by `edit`,
    /// its digest updated and the table signed again with the folder's key: damage that only
    /// the invariant checks can find.
    func resigned(_ name: String, _ edit: (inout [UInt8]) -> Void) throws -> [UInt8] {
        var file = bytes
        let size = file.count
        var trailer = ByteReader(Array(file[(size - SnapshotFormat.trailerSize)...]))
        let tableOffset = Int(trailer.u64()!), tableLength = Int(trailer.u64()!)
        var sections = SnapshotFormat.parseTable(Array(file[tableOffset..<tableOffset + tableLength]), dataRange: 64..<tableOffset)!
        let section = try #require(sections[name])
        var content = Array(file[section.offset..<section.offset + section.length])
        edit(&content)
        #expect(content.count == section.length)
        file.replaceSubrange(section.offset..<section.offset + section.length, with: content)
        sections[name]!.digest = Array(SHA256.hash(data: content))
        let ordered = sections.values.sorted { $0.offset < $1.offset || ($0.offset == $1.offset && $0.name < $1.name) }
        let table = SnapshotFormat.table(ordered)
        #expect(table.count == tableLength)
        let header = Array(file[0..<SnapshotFormat.headerSize])
        let mac = Array(HMAC<SHA256>.authenticationCode(for: header + table, using: try store.macKey(create: false)!))
        file.replaceSubrange(tableOffset..<tableOffset + tableLength, with: table)
        file.replaceSubrange((size - 40)..<(size - 8), with: mac)
        return file
    }

    /// Section `name` of the current file.
    func section(_ name: String) throws -> SnapshotFormat.Section {
        let reader = try SnapshotFileReader(path: path, key: key.digest, macKey: try store.macKey(create: false)!)
        return try #require(reader.sections[name])
    }
}

/// Everything an investigator sees of an investigation, as comparable text.
func snapshotDigest(_ inv: Investigation) -> [String] {
    var out: [String] = []
    let data = inv.data
    out.append("accounts \(data.accountCount) queries \(data.queries.count) report \(data.report.skippedCount) \(data.report.warningCount)")
    for a in 0..<data.accountCount {
        out.append(
            "a \(data.accountExactID(a).bytes) \(data.queries.rows(of: a)) c\(inv.clusterOfAccount[a]) r\(inv.accountRisk[a]) "
                + "\(data.accounts.createdAt[a]) \(data.accounts.signupIP[a]) \(inv.features.hourEntropy[a]) \(inv.features.inputTokens[a])")
        for kind in LinkKind.allCases { out.append("v \(kind) \(Array(inv.index.values(of: a, kind: kind)))") }
    }
    for row in 0..<data.queries.count {
        let q = data.queries
        out.append("q \(q.timestamp(row)) \(q.context[row]) \(q.category(row)) \(q.inputTokens(row)) \(q.outputTokens(row)) \(q.line[row]) \(q.promptFlags(row))")
    }
    for cluster in inv.clusters {
        out.append("c \(cluster.id) \(cluster.members) \(cluster.risk) \(cluster.linkCounts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
        for signal in cluster.signals { out.append("s \(signal.name) \(signal.value) \(signal.contribution) \(signal.explanation)") }
    }
    for op in inv.operations { out.append("o \(op.id) \(op.clusters) \(op.accounts) \(op.ties.map { "\($0.kind)\($0.value)" })") }
    out.append("w \(inv.weights.sharingShare) \(inv.weights.threshold) \(inv.coActivity.totalBursts)")
    let pairs = [(0, 1), (2, 3), (5, 8)].filter { $0.1 < data.accountCount }
    for (a, b) in pairs { out.append("why \(inv.explainPair(a, b))") }
    for kind in LinkKind.allCases {
        for value in 0..<min(50, inv.index.valueCount(kind)) {
            out.append("k \(kind) \(inv.index.valueString(kind, Int32(value))) \(Array(inv.index.accounts(sharing: kind, value: Int32(value))))")
        }
    }
    return out
}

@Suite struct SnapshotRoundTripTests {
    @Test func secondOpenUsesTheSnapshotAndEqualsAFreshBuild() throws {
        let fixture = try SnapshotFixture.shared.isolated()
        let (restored, outcome) = try fixture.open()
        #expect(outcome.used && outcome.problems.isEmpty)
        #expect(outcome.writeSeconds == nil)
        #expect(restored.clusters.count > 1)
        #expect(snapshotDigest(restored) == snapshotDigest(fixture.built))
        // Pools answer lookups after a restore (their tables are rebuilt on first use).
        let id = fixture.built.data.accountExactID(3)
        #expect(restored.data.accountIndex(exact: id) == 3)
    }

    @Test func theSnapshotFileIsPrivateAndAlone() throws {
        let fixture = try SnapshotFixture(accounts: 120)
        var info = stat()
        #expect(stat(fixture.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(stat(fixture.store.keyPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.store.folder)
        #expect(names.sorted() == [fixture.key.hex + ".snap", "snapshot.key"].sorted())
    }

    @Test func freshSkipsTheSnapshotAndWritesANewOne() throws {
        let fixture = try SnapshotFixture(accounts: 120)
        let (inv, outcome) = try fixture.open(fresh: true)
        #expect(!outcome.used)
        #expect(outcome.writeSeconds != nil)
        #expect(snapshotDigest(inv) == snapshotDigest(fixture.built))
    }

    @Test func aStrictOpenDoesNotUseASnapshotOfASourceWithBadRows() throws {
        let fixture = try SnapshotFixture(accounts: 120)
        let path = fixture.directory + "/accounts.csv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "not,a,valid,row,with,too,few\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        _ = try fixture.open()  // writes the snapshot of the damaged source
        #expect(try fixture.open().1.used)
        #expect(throws: LoadFailure.self) { try Investigation.open(fixture.directory, options: LoadOptions(strict: true), snapshots: fixture.store) }
    }

    @Test func onlyTheMostRecentlyUsedSnapshotsAreKept() throws {
        let fixture = try SnapshotFixture(accounts: 60)
        var store = fixture.store
        store.keep = 1
        let other = TestScratch.root + "inv-snap-other-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        _ = try SyntheticSource(accounts: 60, seed: 99).write(to: other)
        _ = try Investigation.open(other, snapshots: store)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder).filter { $0.hasSuffix(".snap") }
        #expect(names.count == 1)
        #expect(!names.contains(fixture.key.hex + ".snap"))
    }
}

@Suite struct SnapshotKeyTests {
    func setTime(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func aChangedSizeTimeHeadOrTailMisses() throws {
        let fixture = try SnapshotFixture(accounts: 200)
        let original = fixture.key
        let path = fixture.directory + "/queries.jsonl"
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        #expect(bytes.count > 3 * SnapshotKey.edgeBytes)
        setTime(path, 1_700_000_000)
        let timed = fixture.key
        #expect(timed != original, "the modification time is part of the key")
        #expect(try !fixture.open().1.used)
        #expect(try fixture.open().1.used)

        // Same size, same time; one byte changed in the first, then the last 64 KiB.
        for offset in [10, bytes.count - 10] {
            var changed = bytes
            changed[offset] = changed[offset] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            try Data(changed).write(to: URL(fileURLWithPath: path))
            setTime(path, 1_700_000_000)
            #expect(fixture.key != timed, "a changed byte at \(offset) changes the key")
            #expect(try !fixture.open().1.used)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            setTime(path, 1_700_000_000)
            // The same bytes and time written back: still a miss, since the file's change time
            // (and, written by a rename, its inode) moved, which no one can set back.
            #expect(fixture.key != timed)
        }
        // A changed size.
        try Data(bytes + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        setTime(path, 1_700_000_000)
        #expect(fixture.key != timed)
        // Another clustering mode or a removed file.
        let files = try SourceFiles(directory: fixture.directory)
        #expect(SnapshotKey(files: files, clustering: .legacy) != SnapshotKey(files: files, clustering: .evidence))
        var fewer = files
        fewer.queries = Array(files.queries.dropLast())
        #expect(SnapshotKey(files: fewer, clustering: .evidence) != SnapshotKey(files: files, clustering: .evidence))
    }
}

@Suite struct SnapshotDamageTests {
    /// Opens through a damaged snapshot: it must be reported, removed, rebuilt, and the result
    /// must equal the build.
    func expectRebuilt(_ fixture: SnapshotFixture, _ label: String) throws {
        let (inv, outcome) = try fixture.open()
        #expect(!outcome.used, "\(label): not trusted")
        #expect(!outcome.problems.isEmpty, "\(label): reported")
        #expect(outcome.writeSeconds != nil, "\(label): rebuilt")
        #expect(inv.clusters.count == fixture.built.clusters.count)
        #expect(try fixture.open().1.used, "\(label): the rebuilt snapshot is used")
    }

    @Test func truncatedFilesAreRebuilt() throws {
        let fixture = try SnapshotFixture.shared.isolated()
        let good = fixture.bytes
        for length in [0, 10, 64, 120, good.count / 2, good.count - 57, good.count - 1] {
            try fixture.replace(with: Array(good.prefix(length)))
            #expect(throws: SnapshotDamage.self) { try fixture.read() }
        }
        try fixture.replace(with: Array(good.prefix(good.count / 3)))
        try expectRebuilt(fixture, "truncated")
    }

    @Test func aFlippedByteInAnySectionHeaderOrTableIsDetected() throws {
        let fixture = try SnapshotFixture.shared.isolated()
        let good = fixture.bytes
        let reader = try SnapshotFileReader(path: fixture.path, key: fixture.key.digest, macKey: try fixture.store.macKey(create: false)!)
        let sections = reader.sections.values.filter { $0.length > 0 }
        #expect(sections.count > 100)
        // Every section's checksum catches a flipped byte; a full restore (slow in a debug
        // build) is run for every eighth section and for the header, table and trailer.
        for (i, section) in sections.enumerated() {
            var bad = good
            bad[section.offset + section.length / 2] ^= 0x40
            try fixture.replace(with: bad)
            let damaged = try SnapshotFileReader(path: fixture.path, key: fixture.key.digest, macKey: try fixture.store.macKey(create: false)!)
            #expect(throws: SnapshotDamage.self, "section \(section.name)") { try damaged.verify(section: section.name) }
            if i % 8 == 0 { #expect(throws: SnapshotDamage.self, "section \(section.name)") { try fixture.read() } }
        }
        for offset in [0, 20, SnapshotFormat.headerSize - 1, good.count - 1, good.count - 30, good.count - 60, good.count - 100] {
            var bad = good
            bad[offset] ^= 0x40
            try fixture.replace(with: bad)
            #expect(throws: SnapshotDamage.self, "byte \(offset)") { try fixture.read() }
        }
        var bad = good
        bad[sections[0].offset] ^= 1
        try fixture.replace(with: bad)
        try expectRebuilt(fixture, "flipped byte")
    }

    @Test func aMissingOrForeignKeyIsNotTrusted() throws {
        let fixture = try SnapshotFixture.shared.isolated()
        try Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).write(to: URL(fileURLWithPath: fixture.store.keyPath))
        #expect(throws: SnapshotDamage.self) { try fixture.read() }
        unlink(fixture.store.keyPath)
        #expect(throws: SnapshotDamage.self) { try fixture.read() }
    }

    @Test func aWrongSectionLengthIsDetectedEvenWhenSigned() throws {
        let fixture = try SnapshotFixture.shared.isolated()
        let good = fixture.bytes
        // q.context holds 4-byte ids: a length that is not a multiple of 4, signed with the key.
        let context = try fixture.section("q.context")
        var file = good
        let size = file.count
        var trailer = ByteReader(Array(file[(size - SnapshotFormat.trailerSize)...]))
        let tableOffset = Int(trailer.u64()!), tableLength = Int(trailer.u64()!)
        var sections = SnapshotFormat.parseTable(Array(file[tableOffset..<tableOffset + tableLength]), dataRange: 64..<tableOffset)!
        sections["q.context"]!.length = context.length - 2
        let table = SnapshotFormat.table(sections.values.sorted { $0.offset < $1.offset || ($0.offset == $1.offset && $0.name < $1.name) })
        let mac = Array(
            HMAC<SHA256>.authenticationCode(for: Array(file[0..<64]) + table, using: try fixture.store.macKey(create: false)!))
        file.replaceSubrange(tableOffset..<tableOffset + tableLength, with: table)
        file.replaceSubrange((size - 40)..<(size - 8), with: mac)
        try fixture.replace(with: file)
        #expect(throws: SnapshotDamage.self) { try fixture.read() }
    }

    /// Little-endian Int32 `value` at index `i` of a section's bytes.
    static func put(_ value: Int32, at i: Int, in bytes: inout [UInt8]) {
        for b in 0..<4 { bytes[i * 4 + b] = UInt8(truncatingIfNeeded: UInt32(bitPattern: value) >> (8 * b)) }
    }

    @Test(arguments: [
        "q.context", "rank.members", "rank.offsets", "payments.account", "accounts.signup_ip", "link.ip.by_value.row_items",
        "link.ip.by_account.head", "q.ctx.ip", "ip_subnet", "tf.pair_families", "accounts.extra_start", "signals.starts",
        "ops.cluster_start",
    ])
    func anIdOutOfRangeIsDetectedEvenWhenSigned(_ name: String) throws {
        let fixture = try SnapshotFixture.shared.isolated()
        let section = try fixture.section(name)
        try #require(section.length >= 4, "section \(name) has values to damage")
        let bad = try fixture.resigned(name) { bytes in
            SnapshotDamageTests.put(Int32.max - 3, at: bytes.count / 4 / 2, in: &bytes)
        }
        try fixture.replace(with: bad)
        #expect(throws: SnapshotDamage.self) { try fixture.read() }
        if name == "q.context" { try expectRebuilt(fixture, name) }
    }

    @Test func aRepeatedMemberIsDetectedEvenWhenSigned() throws {
        let fixture = try SnapshotFixture(accounts: 200)
        let bad = try fixture.resigned("rank.members") { bytes in
            for b in 0..<4 { bytes[4 + b] = bytes[b] }
        }
        try fixture.replace(with: bad)
        #expect(throws: SnapshotDamage.self) { try fixture.read() }
    }
}
