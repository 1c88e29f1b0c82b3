/// A linked group's volume of some kind of prompt, read against the prompts of any kind a busy
/// account sends (`PopulationBaseline.busyPrompts`, the busiest tenth's): a ring that mixes
/// chaff or ordinary chat into its traffic lowers its share of such prompts, not how many it
/// sends. Read by `ReasoningElicitationSignal` and `TemplateFamilySignal`.
enum BusyVolume {
    /// The members' median count (`count` of each member) and its strength in 0...1: nothing at
    /// half a busy account's prompts, all of it at them; nil under three members or without a
    /// busy account's count to read.
    static func read(_ e: ClusterEvidence, count: (Int32) -> Int) -> (strength: Double, median: Int)? {
        let busy = e.population.busyPrompts
        guard e.size >= 3, busy > 0 else { return nil }
        var counts = e.members.map(count)
        counts.sort()
        let median = counts[counts.count / 2]
        return (unit((Double(median) - busy / 2) / (busy / 2)), median)
    }

    /// How a median count stands to a busy account's prompts, for an explanation.
    static func relation(median: Int, busy: Double) -> String {
        Double(median) > busy ? "more than" : Double(median) == busy ? "as many as" : "next to"
    }
}
