#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The share of a cluster's member-minutes that would fall in minutes when a quorum of members
/// is active if each member kept its own pace but chose its minutes independently. Members who
/// merely sit at the same hours (a query a minute through the same afternoon) share minutes by
/// chance; a scheduler firing them in the same minute at an otherwise quiet hour does not. Each
/// active minute of a member expects the others at their pace over the hour around it (their
/// active minutes in the 30 minutes either side, the minute itself left out: it is what is
/// judged), and the chance that a quorum less the member is active then is a Poisson tail.
enum LockstepChance {
    /// Minutes either side of a minute whose activity sets the pace there.
    static let paceMinutes: Int64 = 30

    /// The expected share of member-minutes in quorum minutes. `minutes` holds each member's
    /// distinct active minutes, ascending.
    /// - Complexity: O(m log m) for m member-minutes.
    static func expectedSynchrony(_ minutes: [[Int64]], quorum: Int) -> Double {
        let all = minutes.flatMap { $0 }.sorted()
        guard !all.isEmpty else { return 0 }
        let others = Double(2 * paceMinutes)
        var expected = 0.0
        // The tail depends only on the others' minute count around, a small integer that
        // repeats across member-minutes: each is computed once (the same value, not an
        // approximation), where a large cluster's quorum made every term a loop of exp and log.
        var tails: [Int: Double] = [:]
        for own in minutes {
            for m in own {
                let around = count(all, m - paceMinutes, m + paceMinutes) - count(all, m, m)
                let ownAround = count(own, m - paceMinutes, m + paceMinutes) - 1
                let othersAround = max(0, around - ownAround)
                if let tail = tails[othersAround] {
                    expected += tail
                } else {
                    let tail = poissonTail(atLeast: quorum - 1, mean: Double(othersAround) / others)
                    tails[othersAround] = tail
                    expected += tail
                }
            }
        }
        return expected / Double(all.count)
    }

    /// Each member's distinct active minutes (minutes since the epoch), ascending: a member's
    /// rows are oldest first.
    static func minutes(of members: [Int32], _ queries: QueryTable) -> [[Int64]] {
        members.map { member in
            var own: [Int64] = []
            for i in queries.accountStart[Int(member)]..<queries.accountStart[Int(member) + 1] {
                let minute = queries.timestamp(i) / 60_000
                if minute != own.last { own.append(minute) }
            }
            return own
        }
    }

    /// Entries of ascending `values` in `low...high`.
    static func count(_ values: [Int64], _ low: Int64, _ high: Int64) -> Int {
        firstIndex(values, atLeast: high + 1) - firstIndex(values, atLeast: low)
    }

    /// The first index of ascending `values` holding `bound` or more.
    static func firstIndex(_ values: [Int64], atLeast bound: Int64) -> Int {
        var (low, high) = (0, values.count)
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `P(X >= k)` for `X ~ Poisson(mean)`.
    static func poissonTail(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        var below = 0.0
        var logTerm = -mean
        let logMean = log(mean)
        for j in 0..<k {
            below += exp(logTerm)
            logTerm += logMean - log(Double(j + 1))
        }
        return max(0, min(1, 1 - below))
    }
}
