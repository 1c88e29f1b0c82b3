/// The first phase of building an investigation: the template families and the burst counts
/// for timing side by side, then the link adjacencies of the other kinds side by side, each a
/// job of its own on every core. The families go first because they free the prompt sketches
/// (8 bytes a query): the adjacencies' pairs are never held beside them, so the build's peak
/// memory stays what it was when the steps ran one after another.
///
/// Each job reads the data and writes only its own result, so the parts are the same as when
/// they were built one after another.
struct IndexPhase {
    let index: LinkIndex
    let coActivity: CoActivity
    /// Each step's own seconds (steps overlap): `templates`, `link_index`, `timing`.
    let seconds: [String: Double]

    private enum Job {
        case families, timing
        case kinds([LinkKind])
    }

    private enum Part {
        case families(TemplateFamilies)
        case timing(CoActivity)
        case adjacencies([LinkKind: Adjacency])
    }

    /// Runs the jobs in two waves, the longest first in each.
    init(data: CaseData) {
        let waves: [[Job]] = [[.families, .timing], LinkIndex.adjacencyJobs.map { Job.kinds($0) }]
        let done = waves.flatMap { wave in
            ParallelMap.run(wave.count) { job -> (Part, Double) in
                let started = monotonicSeconds()
                let part: Part =
                    switch wave[job] {
                    case .families: .families(data.templateFamilies)
                    case .timing: .timing(CoActivity(queries: data.queries))
                    case .kinds(let kinds): .adjacencies(LinkIndex.adjacencies(kinds, data: data))
                    }
                return (part, monotonicSeconds() - started)
            }
        }
        var families: TemplateFamilies?, coActivity: CoActivity?
        var adjacencies: [LinkKind: Adjacency] = [:]
        var seconds: [String: Double] = ["link_index": 0]
        for (part, elapsed) in done {
            switch part {
            case .families(let made): (families, seconds["templates"]) = (made, elapsed)
            case .timing(let made): (coActivity, seconds["timing"]) = (made, elapsed)
            case .adjacencies(let made):
                adjacencies.merge(made) { first, _ in first }
                seconds["link_index"]! += elapsed
            }
        }
        let started = monotonicSeconds()
        index = LinkIndex(data: data, families: families ?? data.templateFamilies, adjacencies: adjacencies)
        seconds["link_index"]! += monotonicSeconds() - started
        self.coActivity = coActivity ?? CoActivity(queries: data.queries)
        self.seconds = seconds
    }
}
