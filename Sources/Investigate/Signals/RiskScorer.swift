#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Combines signals into a cluster risk in 0...1 and a per-account risk.
///
/// `risk = 1 - exp(-Σ contributions)`, after one subject is weighed against the reasoning harvested
/// (`OneSubjectHarvest`) and the small-output, harvest-content and one-event gates. The weights are set so that
/// one signal alone stays below 0.5 and a ring showing several lands well above it.
public struct RiskScorer: Sendable {
    /// The signals in force.
    public var signals: [any DetectionSignal] = [
        TemplateFamilySignal(), ReasoningElicitationSignal(), HarvestShapeSignal(), CategorySweepSignal(),
        CreationBurstSignal(), LockstepTimingSignal(), InfrastructureSignal(), AddressRotationSignal(), SharedInstrumentSignal(),
        RecidivismSignal(), UniformitySignal(), CoordinatedFiringSignal(), EstablishedAccountsSignal(),
        OneSubjectSignal(), RegularHoursSignal(), DailyScheduleSignal(), HumanFollowUpSignal(), PairedPromptsSignal(),
        HandoverSignal(),
    ]
    /// The gate for tiny answers.
    public var gate = SmallOutputGate()
    /// The gate for coordination with nothing harvested.
    public var contentGate = HarvestContentGate()
    /// The gate for a one-off event of established accounts.
    public var eventGate = OneEventGate()

    /// Creates the default scorer.
    public init() {}

    /// Scores a cluster.
    public func score(
        members: [Int32], links: [LinkKind: Int], features: AccountFeatures,
        population: PopulationBaseline, index: LinkIndex, coActivity: CoActivity? = nil,
        familyReach: TemplateFamilyReach? = nil
    ) -> (Double, [SignalScore]) {
        score(
            members: members, links: links, columns: EvidenceColumns(features: features, population: population), index: index,
            coActivity: coActivity, familyReach: familyReach)
    }

    /// Scores a cluster, reading the features and baseline from `columns` (a ranking's, shared
    /// by every cluster it scores).
    func score(
        members: [Int32], links: [LinkKind: Int], columns: EvidenceColumns, index: LinkIndex, coActivity: CoActivity?,
        familyReach: TemplateFamilyReach?
    ) -> (Double, [SignalScore]) {
        let evidence = ClusterEvidence(
            members: members, links: links, columns: columns, index: index, coActivity: coActivity, familyReach: familyReach)
        var scores = signals.compactMap { $0.measure(evidence) }
        // A signal that measured nothing (value 0) never adds risk, whatever its terms say.
        for i in scores.indices where scores[i].value == 0 && scores[i].contribution > 0 { scores[i].contribution = 0 }
        // One subject lowers less where the subject is what the cluster harvests (`OneSubjectHarvest`).
        scores = OneSubjectHarvest.weighed(scores)
        let total = scores.reduce(0) { $0 + $1.contribution }
        if let damping = gate.score(evidence, total: total) { scores.append(damping) }
        let gated = scores.reduce(0) { $0 + $1.contribution }
        if let damping = contentGate.score(evidence, scores: scores, total: gated) { scores.append(damping) }
        let contentGated = scores.reduce(0) { $0 + $1.contribution }
        if let damping = eventGate.score(evidence, total: contentGated) { scores.append(damping) }
        let sum = max(0, scores.reduce(0) { $0 + $1.contribution })
        scores.sort { abs($0.contribution) > abs($1.contribution) || (abs($0.contribution) == abs($1.contribution) && $0.name < $1.name) }
        // A signal listed with nothing (or too little) to show says why (explanation text only).
        return (1 - exp(-sum), scores.map(SignalZeroReason.explained))
    }

    /// An account's risk: its cluster's, weighted by how much of the cluster's behaviour it shows
    /// (`AccountRiskWeight`); `clusterShare` is the cluster's share of reasoning prompts.
    public func accountRisk(account: Int, clusterRisk: Double, clusterShare: Double?, features: AccountFeatures) -> Double {
        accountRiskWeight(account: account, clusterRisk: clusterRisk, clusterShare: clusterShare, features: features).risk
    }

    /// The parts of an account's risk (`AccountRiskWeight`), for its breakdown.
    public func accountRiskWeight(
        account: Int, clusterRisk: Double, clusterShare: Double?, features: AccountFeatures
    ) -> AccountRiskWeight {
        AccountRiskWeight(
            clusterRisk: clusterRisk, prompted: Int(features.prompted[account]), reasoning: Int(features.reasoning[account]),
            clusterShare: clusterShare)
    }
}
