/// The stretch of time where the population's queries lie: the timing analysis (`CoActivity`)
/// reads only the rows inside it, and the load report warns about the rows outside it
/// (`IssueLog.reportOutlyingTimes`). Every row is loaded, shown and exported either way.
///
/// The rule, measured from the loaded rows alone: the rows are cut wherever a whole `silence`
/// (a year) passes with no query from any account. An API's traffic does not stop for a year
/// and resume, so each stretch between such cuts is a population of its own, and the stretch
/// holding the median row is *the* population; rows in the other stretches are out of place
/// (a `ts: 0` read as 1970, a year-0000 or a 9999-12-31 "never" placeholder, a typo in the
/// year). A source whose rows never leave a year's silence keeps every row in the window.
///
/// Why it matters: the timing structures are sized by the time they cover (`CoActivity`'s
/// per-second counts, `TimingCandidates`' buckets), so one row dated 9999 would otherwise
/// stretch them over eight thousand years, and move every bucket of the real population.
struct ActivityWindow: Sendable, Equatable {
    /// The window's first and last query time, epoch ms (both included); `first > last` when
    /// there are no queries.
    let first: Int64
    let last: Int64
    /// Whether every row lies in the window (no silence cuts the rows).
    let holdsEveryRow: Bool

    /// A year of no query from anyone: where the rows are cut into stretches.
    static let silence: Int64 = 366 * 86_400_000

    /// The window of `queries` (rows grouped by account, oldest first).
    /// - Complexity: O(accounts) when the rows span less than `silence`; otherwise O(queries of
    ///   the accounts whose own rows span more, plus accounts × log accounts).
    init(queries: QueryTable) {
        let accounts = max(0, queries.accountStart.count - 1)
        var low = Int64.max, high = Int64.min
        for account in 0..<accounts {
            let rows = queries.rows(of: account)
            if rows.isEmpty { continue }
            low = min(low, queries.timestamp(rows.lowerBound))
            high = max(high, queries.timestamp(rows.upperBound - 1))
        }
        guard low <= high, high - low > Self.silence else {
            (first, last, holdsEveryRow) = (low, high, true)
            return
        }
        // Each account's rows as runs without a silence inside, then the runs merged in time.
        var runs: [Run] = []
        for account in 0..<accounts {
            let rows = queries.rows(of: account)
            if rows.isEmpty { continue }
            var run = Run(first: queries.timestamp(rows.lowerBound), last: queries.timestamp(rows.lowerBound), rows: 0)
            if queries.timestamp(rows.upperBound - 1) - run.first <= Self.silence {
                runs.append(Run(first: run.first, last: queries.timestamp(rows.upperBound - 1), rows: rows.count))
                continue
            }
            for row in rows {
                let t = queries.timestamp(row)
                if t - run.last > Self.silence {
                    runs.append(run)
                    run = Run(first: t, last: t, rows: 0)
                }
                run.last = t
                run.rows += 1
            }
            runs.append(run)
        }
        let stretches = Self.stretches(runs)
        let total = stretches.reduce(0) { $0 + $1.rows }
        var before = 0
        var chosen = stretches[0]
        for stretch in stretches {
            chosen = stretch
            if before + stretch.rows > (total - 1) / 2 { break }
            before += stretch.rows
        }
        (first, last, holdsEveryRow) = (chosen.first, chosen.last, stretches.count == 1)
    }

    /// A window as given (tests).
    init(first: Int64, last: Int64, holdsEveryRow: Bool) {
        (self.first, self.last, self.holdsEveryRow) = (first, last, holdsEveryRow)
    }

    /// Every instant (counts made without a query table, in tests).
    static let allTime = ActivityWindow(first: .min, last: .max, holdsEveryRow: true)

    /// Whether a query at `millis` is in the window.
    @inline(__always)
    func contains(_ millis: Int64) -> Bool { millis >= first && millis <= last }

    /// Rows from `first` to `last` (ms) with no `silence` inside.
    struct Run {
        var first: Int64
        var last: Int64
        var rows: Int
    }

    /// The runs merged into stretches, in time order: runs less than `silence` apart join.
    static func stretches(_ runs: [Run]) -> [Run] {
        var out: [Run] = []
        for run in runs.sorted(by: { $0.first < $1.first }) {
            if var current = out.last, run.first - current.last <= silence {
                current.last = max(current.last, run.last)
                current.rows += run.rows
                out[out.count - 1] = current
            } else {
                out.append(run)
            }
        }
        return out
    }
}
