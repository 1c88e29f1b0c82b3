/// The first phase of building an investigation: the template families first (with the paired
/// prompts counted beside them on the other core, `CaseData.templateFamilies`), then the burst
/// counts for timing and the link adjacencies of the other kinds side by side, each a job of its
/// own on every core. The families go first because they free the prompt sketches (8 bytes a
/// query): the adjacencies' pairs are never held beside them, so the build's peak memory stays
/// what it was when the steps ran one after another.
///
/// Each job reads the data and writes only its own result, so the parts are the same as when
/// they were built one after another.
struct IndexPhase {
    let index: LinkIndex
    let coActivity: CoActivity
    /// Each step's own seconds (steps overlap): `templates`, `link_index`, `timing`.
    let seconds: [String: Double]

    private enum Job {
        case timing
        case kinds([LinkKind])
    }

    private enum Part {
        case timing(CoActivity)
        case adjacencies([LinkKind: Adjacency])
    }

    /// Finds the families, then runs the other jobs, the longest first.
    init(data: CaseData) {
        var seconds: [String: Double] = ["link_index": 0]
        let familiesStarted = monotonicSeconds()
        let families = data.templateFamilies
        seconds["templates"] = monotonicSeconds() - familiesStarted
        let jobs: [Job] = LinkIndex.adjacencyJobs.map { Job.kinds($0) } + [.timing]
        let done = ParallelMap.run(jobs.count) { job -> (Part, Double) in
            let started = monotonicSeconds()
            let part: Part =
                switch jobs[job] {
                case .timing: .timing(CoActivity(queries: data.queries))
                case .kinds(let kinds): .adjacencies(LinkIndex.adjacencies(kinds, data: data))
                }
            return (part, monotonicSeconds() - started)
        }
        var coActivity: CoActivity?
        var adjacencies: [LinkKind: Adjacency] = [:]
        for (part, elapsed) in done {
            switch part {
            case .timing(let made): (coActivity, seconds["timing"]) = (made, elapsed)
            case .adjacencies(let made):
                adjacencies.merge(made) { first, _ in first }
                seconds["link_index"]! += elapsed
            }
        }
        let started = monotonicSeconds()
        index = LinkIndex(data: data, families: families, adjacencies: adjacencies)
        seconds["link_index"]! += monotonicSeconds() - started
        self.coActivity = coActivity ?? CoActivity(queries: data.queries)
        self.seconds = seconds
    }
}
