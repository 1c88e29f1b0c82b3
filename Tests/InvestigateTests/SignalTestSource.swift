import Foundation
@testable import Investigate

/// Builds a hand-made case source for signal tests: accounts and queries written as CSV/JSONL.
struct SignalTestSource {
    struct Account {
        var id: String
        var created = "2026-01-10T00:00:00Z"
        var email = ""
        var payment = ""
        var status = "active"
        var org = ""
        var country = ""
    }

    var accounts: [Account] = []
    var queries: [String] = []
    var payments: [String] = []

    mutating func account(_ account: Account) { accounts.append(account) }

    mutating func query(
        _ id: String, at millis: Int64, prompt: String, input: Int = 100, output: Int = 500,
        ip: String = "10.1.2.3", asn: String = "AS3320", agent: String = "sdk/1.0", category: String = "general",
        fingerprintOnly: Bool = false, model: String? = nil
    ) {
        var row: [String: Any] = [
            "ts": millis, "account_id": id, "prompt": prompt, "input_tokens": input, "output_tokens": output,
            "ip": ip, "asn": asn, "user_agent": agent, "category": category,
        ]
        if let model { row["model"] = model }
        // Zero retention: the prompt logged only as a fingerprint (a hex hash of its text).
        if fingerprintOnly {
            row["prompt"] = nil
            let fnv = prompt.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
            row["prompt_fingerprint"] = String(fnv, radix: 16)
        }
        let data = try! JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        queries.append(String(decoding: data, as: UTF8.self))
    }

    mutating func payment(_ id: String, _ fingerprint: String, kind: String) {
        payments.append("\(id),\(fingerprint),\(kind)")
    }

    func investigate() throws -> Investigation { Investigation(data: try source().load(strict: true)) }

    /// The source's files in a folder of their own.
    func source() throws -> TempSource {
        var csv = "account_id,created_at,email,payment_fingerprint,status,org_id,country\n"
        for a in accounts { csv += "\(a.id),\(a.created),\(a.email),\(a.payment),\(a.status),\(a.org),\(a.country)\n" }
        var files = ["accounts.csv": csv, "queries.jsonl": queries.joined(separator: "\n") + "\n"]
        if !payments.isEmpty { files["payments.csv"] = "account_id,payment_fingerprint,kind\n" + payments.joined(separator: "\n") + "\n" }
        return try TempSource(files)
    }

    /// A benign background population so baselines are realistic: people with varied prompts.
    mutating func addBackground(count: Int = 40, seed: UInt64 = 3) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "bg\(i)"
            account(Account(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "p\(i)@gmail.com", payment: "pfbg\(i)"))
            for _ in 0..<30 {
                query(
                    id, at: 1_767_225_600_000 + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(100...600), ip: "81.2.\(i).9",
                    category: rng.pick(["coding", "writing"]))
            }
        }
    }

    /// Two pods of six accounts (`p0-0` ... `p1-5`), each pod on its own card and datacenter /24,
    /// every account sending 20 prompts of the same two rare template families (4 and 5).
    mutating func addTemplatePods(seed: UInt64 = 5, input: Int = 100, output: Int = 1200) {
        var rng = SeededRandom(seed: seed)
        for pod in 0..<2 {
            for i in 0..<6 {
                let id = "p\(pod)-\(i)"
                account(Account(id: id, created: "2026-01-0\(1 + pod)T08:00:00Z", email: "\(id)@gmail.com", payment: "card-pod\(pod)"))
                for q in 0..<20 {
                    query(
                        id, at: Self.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: ScenarioPrompts.template(4 + q % 2, &rng),
                        input: input, output: output, ip: "45.\(pod).0.\(i)", asn: "AS14061", agent: "sdk/1.0")
                }
            }
        }
    }

    static let day: Int64 = 86_400_000
    static let base: Int64 = 1_767_225_600_000
}

extension Investigation {
    /// The named signal of the cluster holding `account`.
    func signal(_ name: String, of account: String) -> SignalScore? {
        cluster(ofAccount: data.accountIndex(account)!).signals.first { $0.name == name }
    }

    /// The risk of the cluster holding `account`.
    func clusterRisk(of account: String) -> Double { cluster(ofAccount: data.accountIndex(account)!).risk }
}
