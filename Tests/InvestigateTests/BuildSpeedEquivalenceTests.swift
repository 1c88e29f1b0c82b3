import Foundation
import Testing
@testable import Investigate
import TestScratch

/// The build's fast paths (pairs scored a first account at a time, parts built side by side)
/// give exactly what the plain pair-by-pair and step-by-step computations give.
@Suite struct BuildSpeedEquivalenceTests {
    /// One generated source with rings, decoys and background accounts.
    static let generated: (Investigation, String) = {
        let dir = TestScratch.root + "inv-speed-" + UUID().uuidString
        _ = try! SyntheticSource(accounts: 1200, seed: 11).write(to: dir)
        return (try! Investigation.open(dir), dir)
    }()

    /// Scans `pairs` (sorted) with `PairScan` and checks each verdict against the pair-by-pair
    /// computation; returns how many pairs linked, nearly linked, and had co-firing evidence.
    static func checkScan(_ inv: Investigation, _ pairs: [UInt64]) -> (linked: Int, near: Int, timed: Int) {
        let (index, weights, coActivity) = (inv.index, inv.weights, inv.coActivity)
        var scan = PairScan(index: index, weights: weights, coActivity: coActivity)
        var linked = 0, near = 0, timed = 0
        for key in pairs {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let shared = PairEvidence.staticBits(a, b, index: index, weights: weights, use: ContextUse(index: index))
            var bits = shared
            if bits < weights.threshold {
                // Timing counts at most half a link (`EvidenceWeights.countedTiming`).
                let firing = coActivity.coFiring(a, b).bits
                bits += weights.countedTiming(bits: firing)
                if firing > 0 { timed += 1 }
            }
            switch scan.verdict(a, b) {
            case .linked:
                #expect(bits >= weights.threshold, "pair \(a) \(b)")
                linked += 1
            case .near(let bitsSeen):
                #expect(bits < weights.threshold && shared >= weights.threshold / 2 - PairScan.rounding && bitsSeen == shared, "pair \(a) \(b)")
                near += 1
            case .apart:
                #expect(bits < weights.threshold && shared < weights.threshold / 2 - PairScan.rounding, "pair \(a) \(b)")
            }
        }
        return (linked, near, timed)
    }

    @Test func pairScanGivesThePairByPairVerdicts() {
        let (inv, _) = Self.generated
        let pairs = EvidenceClusterer().candidates(index: inv.index, weights: inv.weights).keys
        #expect(pairs.count > 1000)
        let seen = Self.checkScan(inv, pairs)
        // The source exercises both kinds of verdict that count.
        #expect(seen.linked > 0 && seen.near > 0)
    }

    @Test func pairScanGivesThePairByPairTimingEvidence() throws {
        // Two accounts firing two seconds apart again and again, a third hours later, among strangers.
        var s = SignalTestSource()
        s.addBackground(count: 20)
        var rng = SeededRandom(seed: 2)
        for id in ["a", "b", "c"] {
            s.account(.init(id: id, created: "2025-06-01T00:00:00Z", email: "\(id)@gmail.com", payment: "pf-\(id)"))
        }
        for k in 0..<12 {
            let tick = SignalTestSource.base + Int64(k) * 2 * SignalTestSource.day + Int64(rng.int(0...80_000)) * 1000
            s.query("a", at: tick, prompt: PromptMaker.human(&rng))
            s.query("b", at: tick + 2000, prompt: PromptMaker.human(&rng))
            s.query("c", at: tick + 7 * 3_600_000, prompt: PromptMaker.human(&rng))
        }
        let inv = try s.investigate()
        let n = inv.data.accountCount
        var pairs: [UInt64] = []
        for a in 0..<n { for b in (a + 1)..<n { pairs.append(UInt64(a) << 32 | UInt64(b)) } }
        let seen = Self.checkScan(inv, pairs)
        #expect(seen.timed > 0 && seen.linked > 0)
    }

    @Test func coFiringFromBurstBuffersMatchesThePairCall() {
        let (inv, _) = Self.generated
        let activity = inv.coActivity
        var x: [UInt32] = [], y: [UInt32] = []
        for a in stride(from: 0, to: inv.data.accountCount, by: 37) {
            for b in stride(from: 1, to: inv.data.accountCount, by: 53) where b != a {
                // The pair scan reads the smaller account's bursts against the larger's.
                activity.seconds(of: min(a, b), into: &x)
                activity.seconds(of: max(a, b), into: &y)
                #expect(activity.coFiring(seconds: x[...], y[...]) == activity.coFiring(a, b))
                #expect(activity.coFiring(a, b) == activity.coFiring(b, a))
            }
        }
    }

    /// Each account's values of a kind as a plain scan finds them: the context kinds from its
    /// queries (and signup IP), the others from `LinkPairs` kind by kind.
    static func plainValues(_ kind: LinkKind, data: CaseData, families: TemplateFamilies) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: data.accountCount)
        guard LinkPairs.contextKinds.contains(kind) else {
            let pairs = kind == .template ? families.pairs() : LinkPairs(data: data).pairs(for: kind, families: families)
            for (account, value) in zip(pairs.accounts, pairs.values) { out[Int(account)].append(value) }
            // The index lists an account's values ascending; light accounts' family uses are
            // appended after the families' own pairs.
            return out.map { $0.sorted() }
        }
        let q = data.queries, contexts = q.contexts
        for account in 0..<data.accountCount {
            var values = Set<Int32>()
            var ips = [data.accounts.signupIP[account]]
            for row in q.rows(of: account) {
                let context = Int(q.context[row])
                switch kind {
                case .ip, .subnet: ips.append(contexts.ip[context])
                case .asn: values.insert(contexts.asn[context])
                case .userAgent: values.insert(contexts.userAgent[context])
                default: values.insert(contexts.apiKey[context])
                }
            }
            if kind == .ip { values.formUnion(ips) }
            if kind == .subnet { values.formUnion(ips.map { $0 >= 0 ? data.ipSubnet[Int($0)] : -1 }) }
            out[account] = values.filter { $0 >= 0 }.sorted()
        }
        return out
    }

    @Test func partsBuiltSideBySideEqualPlainScans() throws {
        let (inv, dir) = Self.generated
        let data = try CaseLoader().load(dir)
        let families = data.templateFamilies
        let index = inv.index
        #expect(index.families.count == families.count)
        for kind in LinkKind.allCases {
            let plain = Self.plainValues(kind, data: data, families: families)
            var holders = [[Int32]](repeating: [], count: index.valueCount(kind))
            for account in 0..<data.accountCount {
                #expect(Array(index.values(of: account, kind: kind)) == plain[account], "\(kind) \(account)")
                for value in plain[account] { holders[Int(value)].append(Int32(account)) }
            }
            for value in holders.indices {
                #expect(Array(index.accounts(sharing: kind, value: Int32(value))) == holders[value], "\(kind) value \(value)")
            }
        }
        let features = AccountFeatures(data: data)
        #expect(inv.features.hourEntropy == features.hourEntropy)
        #expect(inv.features.gapVariation == features.gapVariation)
        #expect(inv.features.categoryEntropy == features.categoryEntropy)
        #expect(inv.features.prompted == features.prompted)
        #expect(inv.coActivity.cumulative == CoActivity(queries: data.queries).cumulative)
    }
}
