import Investigate

/// Pair evidence for the console (`=` compares two marked accounts): the engine's `why`.
extension EngineModel {
    /// `investigate why A B`'s lines: each shared value's weight, their co-firing, the verdict,
    /// and a note when the verdict and the clusters seem to disagree.
    func pairReasons(_ a: Int, _ b: Int) -> [String] {
        guard a != b, a >= 0, b >= 0, a < data.accountCount, b < data.accountCount else { return [] }
        let inv = investigation
        let note = PairClusterNote.line(inv.why(a, b), a: a, b: b, in: inv)
        // Escaped once, as the CLI prints them (the record view sanitises again when drawing).
        return (inv.explainPair(a, b) + (note.map { [$0] } ?? [])).map { TextEscaping.visible($0, doublingBackslashes: false) }
    }
}
