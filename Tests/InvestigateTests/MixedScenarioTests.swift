import Foundation
import Testing
@testable import Investigate
import TestScratch

/// The fourth scenario (`generate --scenario mixed`), written apart from the others: it plants
/// what it promises, loads without a skipped row (offsets, epoch times, redacted prompts), repeats
/// by seed, and the rings that share behaviour the engine reads are found without a decoy.
@Suite struct MixedScenarioTests {
    static func write(seed: UInt64, accounts: Int = 2000, order: SyntheticSource.QueryOrder = .time) throws -> (String, SyntheticSource.Truth) {
        let dir = TestScratch.root + "inv-mixed-\(seed)-" + UUID().uuidString
        var generator = SyntheticSource(accounts: accounts, seed: seed)
        generator.scenario = .mixed
        generator.order = order
        return (dir, try generator.write(to: dir))
    }

    @Test func plantsWhatItPromisesAndLoadsEveryRow() throws {
        let (dir, truth) = try Self.write(seed: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(truth.rings.map(\.name) == ["rotation-ring", "burst-ring", "office-ring"])
        #expect(truth.rings.map(\.accounts.count) == [100, 90, 70])
        #expect(truth.decoys.map(\.name) == ["ci-company", "translation-agency", "benchmark-lab", "carrier-nat"])
        #expect(truth.decoys.map(\.accounts.count) == [40, 30, 12, 200])
        let data = try CaseLoader().load(dir)
        #expect(data.accountCount == 2000 && truth.accountCount == 2000)
        #expect(data.report.skippedCount == 0, "\(data.report.skipped.prefix(3))")
        #expect(data.report.queries == truth.queryCount)
        let lines = try String(contentsOfFile: dir + "/queries.jsonl", encoding: .utf8).split(separator: "\n")
        let times = lines.prefix(2000).map { line -> Int64 in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            if let millis = object["ts"] as? NSNumber { return millis.int64Value }
            return Timestamp.parseMillis(object["ts"] as! String)!
        }
        #expect(times == times.sorted(), "rows are in time order, as API logs are")
    }

    @Test func sameSeedSameBytesAndBothOrdersHoldTheSameRows() throws {
        let (first, _) = try Self.write(seed: 8, accounts: 600)
        let (second, _) = try Self.write(seed: 8, accounts: 600)
        let (byAccount, _) = try Self.write(seed: 8, accounts: 600, order: .account)
        defer { for dir in [first, second, byAccount] { try? FileManager.default.removeItem(atPath: dir) } }
        for file in ["accounts.csv", "payments.csv", "queries.jsonl"] {
            #expect(FileManager.default.contentsEqual(atPath: first + "/" + file, andPath: second + "/" + file), "\(file)")
        }
        let timeOrdered = try String(contentsOfFile: first + "/queries.jsonl", encoding: .utf8).split(separator: "\n").sorted()
        let accountOrdered = try String(contentsOfFile: byAccount + "/queries.jsonl", encoding: .utf8).split(separator: "\n").sorted()
        #expect(timeOrdered == accountOrdered)
    }

    @Test func ringsSharingCardsOrWordingAreFoundAndNoDecoyIsFlagged() throws {
        let (dir, truth) = try Self.write(seed: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = Evaluation(
            investigation: Investigation(data: try CaseLoader().load(dir)), truth: try JSONTruth(jsonText: truth.json.pretty()), top: 12)
        #expect(result.decoysFlagged.isEmpty, "\(result.decoysFlagged)")
        for ring in result.ringCoverage where ring.name != "rotation-ring" {
            // The burst ring's three dataset templates each make a MinHash family and a frame
            // family: counted as six values, the spread discount split it into pods (72%); a
            // template's two families count as one (`LinkIndex.heldCount`), and it is whole.
            #expect(ring.coverage >= 0.9, "\(ring.name) \(ring.coverage)")
        }
    }
}
