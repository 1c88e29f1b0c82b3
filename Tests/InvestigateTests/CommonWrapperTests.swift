import Foundation
import Testing
@testable import Investigate

/// A guard for one detection risk: a common public reasoning wrapper (`Please explain step by
/// step: {question}`, `Answer with reasoning: {question}`) is one frame family (`PromptDigest`)
/// held by many unrelated people, who also share the weak values strangers share (an ISP, a
/// free-mail domain, a browser build). The family must not glue them into clusters, nor rate them
/// as a ring; a real ring with a rare wrapper of its own is still found. The same risk at full
/// scale is `Tests/sources/common_wrapper.py` (run by `Tests/sources/eval.sh`).
@Suite struct CommonWrapperTests {
    typealias S = SignalTestSource

    static let asns = (0..<16).map { "AS\(61_000 + $0)" }
    static let domains = ["gmail.com", "gmail.com", "outlook.com", "wp.pl", "onet.pl", "interia.pl"]
    static let browsers = (0..<6).map { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.\(6300 + $0).0" }

    /// An ordinary account: its own card and home IP, the population's ISPs, mail domains and
    /// browsers, `prompts` prompts of varied chat, or, with a wrapper, mostly wrapped questions.
    static func person(_ s: inout S, id: String, number: Int, wrappers: [String], prompts: Int, rng: inout SeededRandom) {
        let domain = rng.pick(domains)
        s.account(.init(id: id, created: "2025-0\(1 + number % 9)-1\(number % 10)T08:00:00Z", email: "\(id)@\(domain)", payment: "card-\(id)"))
        let (asn, agent) = (rng.pick(asns), rng.pick(browsers))
        let ip = "82.\(number / 250).\(number % 250).\(1 + number % 7)"
        for _ in 0..<prompts {
            let question = [PromptMaker.human(&rng), PromptMaker.human(&rng)].joined(separator: " ")
            let wrapped = !wrappers.isEmpty && rng.chance(0.75)
            s.query(
                id, at: S.base + Int64(rng.int(0...2_400_000)) * 1000, prompt: wrapped ? rng.pick(wrappers) + question : question,
                input: rng.int(40...200), output: wrapped ? rng.int(400...900) : rng.int(100...500), ip: ip, asn: asn, agent: agent)
        }
    }

    @Test func aCommonWrapperDoesNotGlueStrangersNorFlagThem() throws {
        var s = S()
        var rng = SeededRandom(seed: 35)
        // 1,400 people; 160 of them (about one in ten) paste one of two common wrappers.
        for i in 0..<1_240 { Self.person(&s, id: "bg\(i)", number: i, wrappers: [], prompts: 8, rng: &rng) }
        let common = ["Please explain step by step: ", "Answer with reasoning: "]
        for i in 0..<160 { Self.person(&s, id: "w\(i)", number: 1_240 + i, wrappers: common, prompts: 12, rng: &rng) }
        // A ring of 20: own cards and proxy IPs, a stock SDK nobody else uses, a rare
        // harvesting wrapper, long answers.
        for i in 0..<20 {
            let id = "ring\(i)"
            s.account(.init(id: id, created: "2025-11-0\(1 + i % 9)T03:00:00Z", email: "\(id)@gmail.com", payment: "card-\(id)"))
            for _ in 0..<40 {
                let question = [PromptMaker.human(&rng), PromptMaker.human(&rng)].joined(separator: " ")
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_400_000)) * 1000,
                    prompt: "Derive the complete solution with every intermediate step shown, then the answer: " + question,
                    input: rng.int(40...200), output: rng.int(1_200...1_800), ip: "45.\(i).\(rng.int(0...250)).9", asn: rng.pick(Self.asns),
                    agent: "python-requests/2.31.0")
            }
        }
        let inv = try s.investigate()
        let users = Set((0..<160).map { inv.data.accountIndex("w\($0)")! })
        // The common wrappers are frame families, each held by many of the 160.
        let held = users.reduce(into: [Int32: Int]()) { counts, a in
            for f in inv.index.values(of: a, kind: .template) where inv.index.families.isFrame(family: f) { counts[f, default: 0] += 1 }
        }
        #expect(held.values.filter { $0 >= 40 }.count == 2)
        // No cluster rated as a ring holds any of them, and none gathers more than a handful (the
        // engine of session 35: at most 3 in one cluster, the riskiest of them rated 0.45).
        for cluster in inv.clusters {
            let inside = cluster.members.filter { users.contains(Int($0)) }.count
            if inside > 0 { #expect(cluster.risk < 0.5, "a cluster of \(cluster.size) holding \(inside) wrapper users rated \(cluster.risk)") }
            #expect(inside <= 5, "a cluster of \(cluster.size) gathers \(inside) unrelated wrapper users")
        }
        // The ring's rare wrapper and client still tie it (all but a straggler or two) and it is
        // rated as a ring.
        let ringClusters = (0..<20).reduce(into: [String: Int]()) { $0[inv.cluster(ofAccount: inv.data.accountIndex("ring\($1)")!).id, default: 0] += 1 }
        let (main, inMain) = try #require(ringClusters.max { ($0.value, $1.key) < ($1.value, $0.key) })
        #expect(inMain >= 18, "the ring is split: \(ringClusters)")
        #expect(inv.clusters.first { $0.id == main }!.risk >= 0.5)
    }
}
