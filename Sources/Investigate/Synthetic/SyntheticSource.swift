/// Writes a synthetic case source: benign populations (individuals, small companies, a large
/// enterprise, strangers behind a campus NAT and VPN exits, an evaluation firm running
/// benchmark sweeps) and planted distillation rings of four styles, plus a truth file.
public struct SyntheticSource {
    /// Accounts to write (rings and decoys scale with it).
    public var accounts: Int
    /// The seed; the same seed writes the same bytes.
    public var seed: UInt64
    /// Write queries as `queries/part-NNN.jsonl` files of this many rows (0: one queries.jsonl).
    public var rowsPerPart = 0
    /// How query rows are ordered in the files.
    public var order = QueryOrder.time
    /// Which populations and ring styles to write.
    public var scenario = Scenario.hydra
    /// Prompts open with a non-ASCII greeting, written `\u` escaped on every other query line
    /// and as UTF-8 on the others (exports from some log writers escape non-ASCII).
    public var escapesUnicode = false

    /// The order of query rows: by time, as API logs are (accounts interleave), or one account's
    /// history after another.
    public enum QueryOrder: String, CaseIterable, Sendable {
        case time, account
    }

    /// The fewest accounts a source is written with (the planted rings and decoys need them);
    /// a smaller count asks for this many.
    public static let minimumAccounts = 200

    /// Creates a generator.
    public init(accounts: Int, seed: UInt64) {
        self.accounts = max(accounts, Self.minimumAccounts)
        self.seed = seed
    }

    /// What was planted: ring and decoy membership.
    public struct Truth: Sendable {
        /// Ring name -> (style, account ids).
        public var rings: [(name: String, style: String, accounts: [String])] = []
        /// Decoy name -> (kind, account ids).
        public var decoys: [(name: String, kind: String, accounts: [String])] = []
        /// Counts written.
        public var accountCount = 0, queryCount = 0

        /// The truth as JSON.
        public var json: JSONOut {
            .object([
                "rings": .array(
                    rings.map {
                        .object([
                            "name": .string($0.name), "style": .string($0.style),
                            "accounts": .array($0.accounts.map { .string($0) }),
                        ])
                    }),
                "decoys": .array(
                    decoys.map {
                        .object([
                            "name": .string($0.name), "kind": .string($0.kind),
                            "accounts": .array($0.accounts.map { .string($0) }),
                        ])
                    }),
                "accounts": .int(accountCount), "queries": .int(queryCount),
            ])
        }
    }

    /// Writes the source into `directory` (created) and returns the truth.
    public func write(to directory: String) throws -> Truth {
        if scenario == .mixed {
            return try MixedScenario(total: accounts, seed: seed)
                .write(to: directory, rowsPerPart: rowsPerPart, order: order, escapesUnicode: escapesUnicode)
        }
        var rng = SeededRandom(seed: seed)
        if scenario != .hydra {
            var (personas, truth) = scenario.personas(total: accounts, seed: seed, start: 1_780_272_000_000)
            try SyntheticFiles(directory: directory, rowsPerPart: rowsPerPart, order: order, escapesUnicode: escapesUnicode).write(personas, rng: &rng, truth: &truth)
            personas = []
            return truth
        }
        let population = PopulationPlan(total: accounts)
        var builder = PersonaBuilder(rng: SeededRandom(seed: seed &* 31 &+ 7), start: 1_780_272_000_000)
        var personas: [Persona] = []
        var truth = Truth()
        personas += builder.individuals(population.individuals)
        for (name, size) in population.companies { personas += builder.company(name: name, size: size) }
        let enterprise = builder.company(name: "org_globex", size: population.enterprise, enterprise: true)
        personas += enterprise
        truth.decoys.append(("enterprise", "large enterprise: one invoice, one office range, heavy human use", enterprise.map(\.id)))
        let nat = builder.natStrangers(population.nat)
        personas += nat
        truth.decoys.append(("campus-nat", "strangers behind one campus NAT", nat.map(\.id)))
        let vpn = builder.vpnUsers(population.vpn)
        personas += vpn
        truth.decoys.append(("vpn-exits", "strangers on commercial VPN exits", vpn.map(\.id)))
        let eval = builder.evalFirm()
        personas += eval
        truth.decoys.append(("eval-firm", "model-evaluation firm running templated benchmark sweeps", eval.map(\.id)))
        let banned = builder.bannedAccounts(population.banned)
        personas += banned
        for (index, style) in RingStyle.allCases.enumerated() {
            let ring = builder.ring(style: style, index: index, size: population.ringSize(index), banned: banned)
            personas += ring
            let members = ring.map(\.id) + (style == .recidivist ? banned.map(\.id) : [])
            truth.rings.append(("ring-\(index + 1)", style.rawValue, members))
        }
        personas.shuffle(using: &rng)
        try SyntheticFiles(directory: directory, rowsPerPart: rowsPerPart, order: order, escapesUnicode: escapesUnicode).write(personas, rng: &rng, truth: &truth)
        return truth
    }
}

/// How many accounts each population gets.
struct PopulationPlan {
    let total: Int
    var enterprise: Int { min(2000, max(25, total / 100)) }
    var nat: Int { min(400, max(25, total / 200)) }
    var vpn: Int { min(400, max(25, total / 200)) }
    var banned: Int { max(4, total / 500) }
    func ringSize(_ index: Int) -> Int { min(1500, max(12 + index * 3, total / (250 + index * 40))) }
    var companies: [(String, Int)] {
        (0..<max(3, total / 400)).map { ("org_\(String(($0 * 7919 + 13) % 100_000, radix: 36))", 3 + ($0 * 5) % 13) }
    }
    var individuals: Int {
        let rings = (0..<RingStyle.allCases.count).reduce(0) { $0 + ringSize($1) }
        return max(0, total - enterprise - nat - vpn - banned - 3 - rings - companies.reduce(0) { $0 + $1.1 })
    }
}
