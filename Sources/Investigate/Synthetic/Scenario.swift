/// The populations `generate --scenario` can write. `hydra` is the original generator; the
/// others reproduce the held-out sources of issue 13 with populations of their own.
public enum Scenario: String, CaseIterable, Sendable {
    /// Four ring styles (card farm, hydra, slow drip, recidivist) among companies, a campus NAT,
    /// VPN users and an evaluation firm.
    case hydra
    /// A ring tied only by a rare client string, two alternating chain-of-thought templates and a
    /// scheduler; a reseller on one invoice; the reseller's benign cousin, a campus, VPN users.
    case tooling
    /// A ring sharing only templates and coordinated firing; an operation split into six pods;
    /// a classroom sending one homework template in the same lecture hour; a research lab.
    case pods
    /// Written independently (`MixedScenario`): a ring rotating client strings with a shared
    /// model mix and per-account wording, a ring on many small cards in bursts, an office-hours
    /// ring; a CI company, a translation agency and a benchmark lab as look-alikes.
    case mixed

    /// The personas and what was planted, for `total` accounts.
    func personas(total: Int, seed: UInt64, start: Int64) -> ([Persona], SyntheticSource.Truth) {
        var world = ScenarioPopulations(people: PersonaBuilder(rng: SeededRandom(seed: seed &* 131 &+ 17), start: start), start: start)
        var truth = SyntheticSource.Truth()
        var personas: [Persona] = []
        func scaled(_ base: Int) -> Int { max(base, base * total / 20_000) }
        func ring(_ name: String, _ style: String, _ members: [Persona]) {
            personas += members
            truth.rings.append((name, style, members.map(\.id)))
        }
        func decoy(_ name: String, _ kind: String, _ members: [Persona]) {
            personas += members
            truth.decoys.append((name, kind, members.map(\.id)))
        }
        switch self {
        case .hydra, .mixed:
            return ([], truth)
        case .tooling:
            ring("tooling-ring", "rare client + alternating templates + scheduler",
                 world.toolingRing(scaled(120), client: "acme-batch/1.2", period: 30 * 60_000, perFire: 4))
            ring("reseller", "one invoice, distillation templates only", world.reseller(scaled(50)))
            decoy("benign-reseller", "one invoice for many human customers", world.benignReseller(scaled(50)))
            let campusIPs = (0..<3).map { _ in ("128.97.\(world.people.rng.int(0...255)).\(world.people.rng.int(1...254))", "AS52") }
            decoy("campus", "strangers behind a campus network", world.campus(scaled(300), campusIPs: campusIPs))
            decoy("vpn-exits", "strangers on commercial VPN exits", world.people.vpnUsers(scaled(60)))
            decoy("enterprise", "large enterprise: one invoice, one office range", world.people.company(name: "org_initech", size: scaled(60), enterprise: true))
            decoy("eval-firm", "evaluation firm running benchmark sweeps", world.people.evalFirm())
            let rest = max(0, total - personas.count)
            personas += world.individuals(rest, meanQueries: 12, commonClient: "python-requests/2.32.3")
        case .pods:
            ring("timing-ring", "templates + coordinated firing only",
                 world.templateTimingRing(scaled(150), period: 20 * 60_000, perFire: 6))
            ring("pod-operation", "six pods: one card + one datacenter /24 each, shared templates and model mix",
                 world.pods(6, podSize: scaled(25)))
            let campusIPs = (0..<4).map { _ in ("169.229.\(world.people.rng.int(0...255)).\(world.people.rng.int(1...254))", "AS25") }
            decoy("classroom", "one course: homework template in the lecture hour, campus network", world.classroom(scaled(80), campusIPs: campusIPs))
            decoy("campus", "strangers on the same campus network", world.campus(scaled(400), campusIPs: campusIPs))
            decoy("research-lab", "cloud notebooks of one lab, long answers, varied prompts", world.researchLab(scaled(20)))
            decoy("vpn-exits", "strangers on commercial VPN exits", world.people.vpnUsers(scaled(40)))
            let rest = max(0, total - personas.count)
            personas += world.individuals(rest, meanQueries: 6, commonClient: "anthropic-sdk-python/0.39.0")
        }
        var order = SeededRandom(seed: seed ^ 0xA5A5)
        personas.shuffle(using: &order)
        return (personas, truth)
    }
}
