/// The first phase of building an investigation: the parts that need only the loaded data,
/// each a job of its own, run side by side on every core: the template families, the link
/// adjacency of every other kind, the per-account features and the burst counts for timing.
///
/// Each job reads the data and writes only its own result, so the parts are the same as when
/// they were built one after another.
struct IndexPhase {
    let index: LinkIndex
    let features: AccountFeatures
    let coActivity: CoActivity
    /// Each step's own seconds (steps overlap): `templates`, `link_index`, `features`, `timing`.
    let seconds: [String: Double]

    private enum Job {
        case families, features, timing
        case kinds([LinkKind])
    }

    private enum Part {
        case families(TemplateFamilies)
        case features(AccountFeatures)
        case timing(CoActivity)
        case adjacencies([LinkKind: Adjacency])
    }

    /// Runs the jobs, the longest first (the families, the context kinds' pass, the features).
    init(data: CaseData) {
        let kindJobs = LinkIndex.adjacencyJobs.map { Job.kinds($0) }
        let jobs: [Job] = [.families, kindJobs[0], .features] + kindJobs.dropFirst() + [.timing]
        let done = ParallelMap.run(jobs.count) { job -> (Part, Double) in
            let started = monotonicSeconds()
            let part: Part =
                switch jobs[job] {
                case .families: .families(data.templateFamilies)
                case .features: .features(AccountFeatures(data: data))
                case .timing: .timing(CoActivity(queries: data.queries))
                case .kinds(let kinds): .adjacencies(LinkIndex.adjacencies(kinds, data: data))
                }
            return (part, monotonicSeconds() - started)
        }
        var families: TemplateFamilies?, features: AccountFeatures?, coActivity: CoActivity?
        var adjacencies: [LinkKind: Adjacency] = [:]
        var seconds: [String: Double] = ["link_index": 0]
        for (part, elapsed) in done {
            switch part {
            case .families(let made): (families, seconds["templates"]) = (made, elapsed)
            case .features(let made): (features, seconds["features"]) = (made, elapsed)
            case .timing(let made): (coActivity, seconds["timing"]) = (made, elapsed)
            case .adjacencies(let made):
                adjacencies.merge(made) { first, _ in first }
                seconds["link_index"]! += elapsed
            }
        }
        let started = monotonicSeconds()
        index = LinkIndex(data: data, families: families ?? data.templateFamilies, adjacencies: adjacencies)
        seconds["link_index"]! += monotonicSeconds() - started
        self.features = features ?? AccountFeatures(data: data)
        self.coActivity = coActivity ?? CoActivity(queries: data.queries)
        self.seconds = seconds
    }
}
