import Foundation
import Testing
@testable import Investigate

/// The model mix as shared evidence (`LinkKind.modelMix`, `ModelMixPairs`), on hand-made accounts
/// whose answer is known.
@Suite struct ModelMixTests {
    /// A source whose query rows carry a model.
    struct Source {
        var accounts = "account_id,created_at,email,payment_fingerprint,status,org_id\n"
        var queries: [String] = []

        mutating func account(_ id: String, created: String = "2025-10-01T08:00:00Z") {
            accounts += "\(id),\(created),\(id)@example-mail.org,card-\(id),active,\n"
        }

        mutating func query(_ id: String, at millis: Int64, model: String, prompt: String, ip: String, agent: String = "sdk/1.0") {
            let row: [String: Any] = [
                "ts": millis, "account_id": id, "prompt": prompt, "input_tokens": 120, "output_tokens": 900, "ip": ip,
                "asn": "AS3320", "user_agent": agent, "category": "general", "model": model,
            ]
            let data = try! JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
            queries.append(String(decoding: data, as: UTF8.self))
        }

        func investigate() throws -> Investigation {
            let source = try TempSource(["accounts.csv": accounts, "queries.jsonl": queries.joined(separator: "\n") + "\n"])
            return Investigation(data: try source.load(strict: true))
        }
    }

    static let base: Int64 = 1_767_225_600_000

    /// The mix name an account holds, if any.
    static func mix(of id: String, in inv: Investigation) -> String? {
        let account = inv.data.accountIndex(id)!
        return inv.index.values(of: account, kind: .modelMix).first.map { inv.index.valueString(.modelMix, $0) }
    }

    @Test func aMixIsTheModelsOfAtLeastAFifthOfTheQueries() throws {
        var s = Source()
        for id in ["half", "mostly", "few", "plus"] { s.account(id) }
        for q in 0..<10 {
            let t = Self.base + Int64(q) * 60_000
            s.query("half", at: t, model: q % 2 == 0 ? "opus-old" : "haiku-old", prompt: "p \(q)", ip: "81.1.1.1")
            // 9 of 10 on one model: the tenth is below a fifth and is not part of the mix.
            s.query("mostly", at: t, model: q == 0 ? "opus-old" : "sonnet", prompt: "p \(q)", ip: "81.1.1.2")
            // A name holding the separator is escaped, so it cannot pose as a two-model mix.
            s.query("plus", at: t, model: "haiku-old + opus-old", prompt: "p \(q)", ip: "81.1.1.4")
        }
        // Fewer than `minimumQueries` queries: no mix at all.
        for q in 0..<(ModelMixPairs.minimumQueries - 1) {
            s.query("few", at: Self.base + Int64(q) * 60_000, model: "opus-old", prompt: "p \(q)", ip: "81.1.1.3")
        }
        let inv = try s.investigate()
        #expect(Self.mix(of: "half", in: inv) == "haiku-old + opus-old")
        #expect(Self.mix(of: "mostly", in: inv) == "sonnet")
        #expect(Self.mix(of: "few", in: inv) == nil)
        #expect(Self.mix(of: "plus", in: inv) == "haiku-old \\+ opus-old")
        // Building the index again over the same source gives the same ids.
        let again = LinkIndex(data: inv.data, families: inv.index.families)
        for id in ["half", "mostly", "plus"] {
            let a = inv.data.accountIndex(id)!
            #expect(again.values(of: a, kind: .modelMix) == inv.index.values(of: a, kind: .modelMix))
        }
    }

    /// `ringModels` picks the ring's models; everyone else (60 people) mostly uses sonnet, a few haiku.
    static func population(ringModels: (Int) -> String) throws -> Investigation {
        var s = Source()
        var rng = SeededRandom(seed: 41)
        for i in 0..<90 {
            let id = "p\(i)"
            s.account(id)
            for q in 0..<20 {
                s.query(
                    id, at: base + Int64(rng.int(0...2_500_000)) * 1000, model: i % 5 == 0 ? "haiku" : (q % 10 == 0 ? "opus" : "sonnet"),
                    prompt: PromptMaker.human(&rng), ip: "81.2.\(i).9")
            }
        }
        // Six accounts, own cards, IPs and clients, one scaffold and one unusual mix of models.
        for i in 0..<6 {
            let id = "r\(i)"
            s.account(id)
            for q in 0..<20 {
                s.query(
                    id, at: base + Int64(rng.int(0...2_500_000)) * 1000, model: ringModels(q),
                    prompt: "You are a meticulous senior expert. Answer the request below in full depth, laying out each intermediate "
                        + "inference before a concise final verdict. Request \(rng.int(1...99_999)): \(PromptMaker.human(&rng))",
                    ip: "90.\(i).\(q).1", agent: "client-\(i)/1.\(q % 3)")
            }
        }
        return try s.investigate()
    }

    @Test func aRareMixAndAScaffoldLinkWhatNeitherLinksAlone() throws {
        let mixed = try Self.population { $0 % 2 == 0 ? "opus-old" : "haiku-old" }
        let r0 = mixed.data.accountIndex("r0")!, r3 = mixed.data.accountIndex("r3")!
        let why = mixed.why(r0, r3)
        let mix = try #require(why.shared.first { $0.kind == .modelMix })
        #expect(mix.sharedBy == 6)
        // Weighted by its frequency in this population, like any other kind (capped at half a link).
        #expect(abs(mix.bits - mixed.weights.weight(.modelMix, sharedBy: 6)) < 1e-9)
        #expect(mix.counted <= why.threshold / 2 + 1e-9)
        #expect(why.shared.contains { $0.kind == .template })
        #expect(why.linked)
        #expect(mixed.cluster(ofAccount: r0).size == 6)
        #expect(mixed.explainPair(r0, r3).contains { $0.contains("model mix haiku-old + opus-old, which 6 of 96 accounts use") })

        // The same ring on the population's common model: the scaffold alone is at most half a link.
        let plain = try Self.population { _ in "sonnet" }
        let p0 = plain.data.accountIndex("r0")!, p3 = plain.data.accountIndex("r3")!
        let plainWhy = plain.why(p0, p3)
        #expect(!plainWhy.linked)
        #expect(plainWhy.shared.allSatisfy { $0.kind != .modelMix || $0.bits < plain.weights.threshold / 4 })
        #expect(plain.cluster(ofAccount: p0).size == 1)
    }

    /// Everyone uses one model, but only six accounts sent enough queries to have a mix: the mix
    /// is measured among the accounts that have one, so it is no evidence (the e2e pods source).
    @Test func aMixIsMeasuredAmongTheAccountsThatHaveOne() throws {
        var s = Source()
        var rng = SeededRandom(seed: 5)
        for i in 0..<60 {
            s.account("few\(i)")
            for q in 0..<(ModelMixPairs.minimumQueries - 1) {
                s.query("few\(i)", at: Self.base + Int64(rng.int(0...2_500_000)) * 1000, model: "m", prompt: PromptMaker.human(&rng), ip: "81.3.\(i).\(q)")
            }
        }
        for i in 0..<6 {
            s.account("many\(i)")
            for q in 0..<8 {
                s.query("many\(i)", at: Self.base + Int64(rng.int(0...2_500_000)) * 1000, model: "m", prompt: PromptMaker.human(&rng), ip: "82.3.\(i).\(q)")
            }
        }
        let inv = try s.investigate()
        let why = inv.why(inv.data.accountIndex("many0")!, inv.data.accountIndex("many1")!)
        let mix = try #require(why.shared.first { $0.kind == .modelMix })
        #expect(mix.sharedBy == 6)
        #expect(mix.bits == 0)
        #expect(inv.weights.u(.modelMix, sharedBy: 6) == 1)
        // The scaled share passes 1 (the snapshot check allows up to the account count).
        #expect(inv.weights.share(.modelMix) > 1)
    }

    @Test func theCommonMixIsAHub() throws {
        let inv = try Self.population { $0 % 2 == 0 ? "opus-old" : "haiku-old" }
        let sonnet = try #require(inv.index.valueID(.modelMix, "sonnet"))
        #expect(inv.index.shareCount(.modelMix, value: sonnet) == 72)
        #expect(inv.weights.isHub(.modelMix, sharedBy: 72))
    }
}
