/// The merge's account step: each worker's account ids resolved against the accounts file, and
/// the rows whose account it lacks counted and listed (they are dropped, and reported by line).
extension QueryMerge {
    /// Each worker account id's global index, or -1 when the accounts file lacks it.
    func resolveAccounts(_ local: StringPool) -> [Int32] {
        return (0..<local.count).map { id in local.withSpan(Int32(id)) { pools.accountIDs.lookup($0) } ?? -1 }
    }

    /// A part's rows whose account is not in the accounts file, per segment: how many, and the
    /// first ones (lines relative to the segment's file or slice).
    struct UnknownRows {
        var counts: [Int]
        var listed: [[LoadIssue]]
    }

    /// Counts a part's rows whose account is unknown and lists the first ones.
    func unknownAccountRows(_ part: ParallelQueryLoad.Part, _ unit: ParallelQueryLoad.Unit, _ map: [Int32]) -> UnknownRows {
        var result = UnknownRows(counts: [], listed: [])
        var listedCount = 0
        let rows = part.rows
        for (position, segment) in part.segments.enumerated() {
            var count = 0
            var listed: [LoadIssue] = []
            for row in segment.rows {
                let local = rows.account[row]
                if local >= 0 && map[Int(local)] >= 0 { continue }
                count += 1
                if listedCount < log.options.listLimit {
                    listedCount += 1
                    let name = local < 0 ? "''" : workerValues[part.worker].pools.accountIDs.withSpan(local) { FieldParsing.quote($0) }
                    listed.append(
                        LoadIssue(
                            file: unit.segments[position].entry.name, line: rows.line(ofRow: row) - segment.lineOffset,
                            reason: "query for unknown account \(name)"))
                }
            }
            result.counts.append(count)
            result.listed.append(listed)
        }
        return result
    }
}
