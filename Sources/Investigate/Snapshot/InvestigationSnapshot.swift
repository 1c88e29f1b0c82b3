import Crypto

/// Writes a built investigation as snapshot sections and reads one back, every section checked
/// (`SnapshotFileReader`) and every invariant the engine relies on validated (`SnapshotCheck`)
/// before anything is trusted.
enum InvestigationSnapshot {
    /// Writes every part of `investigation` (its prompt sketches are already freed: families exist).
    static func write(_ investigation: Investigation, to out: SnapshotFileWriter) throws {
        let ranking = investigation.clusters.ranking
        try out.put("clustering", Array(investigation.clustering.rawValue.utf8))
        try investigation.data.writeSnapshot(out)
        try investigation.index.families.writeSnapshot(out)
        try investigation.index.writeSnapshot(out)
        try investigation.weights.writeSnapshot(out)
        try investigation.coActivity.writeSnapshot(out)
        try investigation.features.writeSnapshot(out)
        try ranking.population.writeSnapshot(out)
        try ranking.writeSnapshot(out)
        try Operation.writeSnapshot(investigation.operations, out)
    }

    /// Reads an investigation of the source in `directory` (its files found now as `files`).
    /// - Throws: `SnapshotDamage` naming the first section found wrong.
    static func read(_ input: SnapshotFileReader, directory: String, files: SourceFiles, clustering: ClusteringMode) throws -> Investigation {
        let started = monotonicSeconds()
        guard try input.array("clustering", UInt8.self) == Array(clustering.rawValue.utf8) else {
            throw SnapshotDamage("section clustering: another clustering mode")
        }
        let data = try CaseData.readSnapshot(input, directory: directory, files: files)
        let n = data.accountCount
        let families = try TemplateFamilies.readSnapshot(input, accounts: n)
        data.families.withLock { $0 = families }
        let index = try LinkIndex.readSnapshot(input, data: data, families: families)
        let weights = try EvidenceWeights(snapshot: input, accounts: n, index: index)
        let coActivity = try CoActivity.readSnapshot(input, queries: data.queries)
        let features = try AccountFeatures(snapshot: input, queries: data.queries, accounts: n)
        var population = try PopulationBaseline(
            snapshot: input, accounts: n, paymentValues: data.pools.payments.count, categories: data.pools.categories.count)
        population.measureBannedHeld(index: index)
        population.addressSpread = AddressSpread(queries: features.queries, index: index)
        let (ranking, owner) = try ClusterRanking.readSnapshot(
            input, accounts: n, index: index, features: features, population: population, coActivity: coActivity)
        let operations = try Operation.readSnapshot(input, clusters: ranking.count, index: index)
        try input.finishVerification()
        return Investigation(
            restoring: data, index: index, features: features, ranking: ranking, clusterOfAccount: owner, weights: weights,
            coActivity: coActivity, operations: operations, population: population, clustering: clustering,
            timings: ["snapshot_read": monotonicSeconds() - started])
    }
}
