/// One subject says little where the subject is what is harvested. A course, a firm's team or a
/// tutoring desk keeps to one subject, and `one_subject` lowers their risk for it; but a ring that
/// harvests one capability (worked maths, say) keeps to one subject just as closely, and its
/// prompts ask for reasoning whose long answers it takes away. So the lowering is cut by the
/// share of `reasoning_elicitation`'s full weight that the cluster earns: nothing is cut for a
/// group that asks for no reasoning, or whose worked answers come back short (that signal's
/// harvest credit), and all of it for one that asks for reasoning at full strength and takes the
/// long answers. A classroom sending worked homework with short answers keeps its lowering; the
/// same subject with harvest-length answers does not.
enum OneSubjectHarvest {
    /// `scores` with `one_subject`'s contribution cut by the reasoning harvest's share of its
    /// full weight (unchanged when either signal is missing or the harvest adds nothing).
    static func weighed(_ scores: [SignalScore]) -> [SignalScore] {
        guard let subject = scores.firstIndex(where: { $0.name == OneSubjectSignal().name }), scores[subject].contribution < 0,
            let reasoning = scores.first(where: { $0.name == ReasoningElicitationSignal().name }), reasoning.contribution > 0
        else { return scores }
        let harvested = min(1, reasoning.contribution / ReasoningElicitationSignal.fullWeight)
        var out = scores
        out[subject].contribution *= 1 - harvested
        if out[subject].contribution > -1e-12 { out[subject].contribution = 0 }
        let kept = out[subject].contribution == 0 ? "so it lowers nothing" : "so \(percent(1 - harvested)) of its lowering counts"
        let earned = PairExplanation.format2(reasoning.contribution)
        out[subject].explanation += "; but the members take away the reasoning they ask for (reasoning_elicitation adds "
            + "\(earned) of its \(PairExplanation.format2(ReasoningElicitationSignal.fullWeight))), "
            + "and a ring harvesting one capability keeps to one subject as a course does: \(kept)"
        return out
    }
}
