/// The `mixed` scenario (`generate --scenario mixed`): written independently of the others,
/// with its own populations, volumes, hours, prompts and file layout. Three rings in styles the
/// other scenarios do not plant (client rotation with a shared model mix and per-account
/// wording, many small cards in bursts, office-hours mimicry) among look-alikes they do not
/// have either (a CI company firing lockstep short prompts, a translation agency sending one
/// template with long answers from one office, a lab running a public chain-of-thought benchmark).
struct MixedScenario {
    let total: Int
    let seed: UInt64
    /// The window ends here (2026-06-10T00:00:00Z) and spans 35 days.
    let clock = MixedClock(end: 1_781_049_600_000, days: 35)

    /// Scales a size given for 20,000 accounts, never below it.
    func scaled(_ base: Int) -> Int { max(base, base * total / 20_000) }

    /// The accounts, in the order they are written, and the truth.
    func accounts() -> ([MixedAccount], SyntheticSource.Truth) {
        var people = MixedPeople(seed: seed &* 0x9E37 &+ 0x51, clock: clock)
        var truth = SyntheticSource.Truth()
        var all: [MixedAccount] = []
        func ring(_ name: String, _ style: String, _ members: [MixedAccount]) {
            all += members
            truth.rings.append((name, style, members.map(\.id)))
        }
        func decoy(_ name: String, _ kind: String, _ members: [MixedAccount]) {
            all += members
            truth.decoys.append((name, kind, members.map(\.id)))
        }
        ring("rotation-ring", "client string rotated per account; shared model mix and scaffold in per-account wording",
             people.clientRotationRing(scaled(100)))
        ring("burst-ring", "waves of accounts on many small prepaid cards, each busy in short bursts",
             people.burstCardRing(scaled(90)))
        ring("office-ring", "office-hours mimicry on one business ISP: memos asking for numbered reasoning",
             people.officeMimicRing(scaled(70)))
        decoy("ci-company", "CI pipeline firing lockstep short prompts with tiny answers", people.ciCompany(scaled(40)))
        decoy("translation-agency", "one template with long answers from one office", people.translationAgency(scaled(30)))
        decoy("benchmark-lab", "lab running a public chain-of-thought maths benchmark", people.benchmarkLab(scaled(12)))
        decoy("carrier-nat", "strangers behind a mobile carrier's NAT", people.carrierNAT(scaled(200)))
        all += people.teams(max(3, total / 300))
        all += people.individuals(max(0, total - all.count))
        var order = SeededRandom(seed: seed ^ 0x3C3C_5A5A)
        all.shuffle(using: &order)
        return (all, truth)
    }

    /// Writes the source into `directory` and returns the truth.
    func write(to directory: String, rowsPerPart: Int, order: SyntheticSource.QueryOrder, escapesUnicode: Bool) throws
        -> SyntheticSource.Truth
    {
        var (accounts, truth) = accounts()
        var files = MixedFiles(directory: directory, rowsPerPart: rowsPerPart, order: order, escapesUnicode: escapesUnicode)
        var rng = SeededRandom(seed: seed &+ 0x7777)
        try files.write(accounts, rng: &rng, truth: &truth)
        accounts = []
        return truth
    }
}
