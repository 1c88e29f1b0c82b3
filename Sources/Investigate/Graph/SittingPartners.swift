#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The accounts one account keeps sittings with, as a pivot beside those it fires with
/// (`CoFiringPartners`): "sits with N accounts in the same clock hours beyond chance (K shared
/// hours in all, k expected; ...)". A relay's members never fire within seconds of one another,
/// so the co-firing list of a relay member is empty; its sittings partners are its crew
/// (`CoActivity.sittings`).
public struct SittingPartners: Sendable {
    /// Partners whose shared sittings are surprising among every account compared (`bar` bits or
    /// more), most bits first.
    public var partners: [(account: Int, sittings: CoFiring)]
    /// The account's own active clock hours (hours of the span with a burst).
    public var hours = 0
    /// Accounts sharing `CoActivity.meetingsAboveWindow` or more of those hours with it.
    public var compared = 0
    /// The bits a partner needs: log2 of `compared` (at least 1), so that about one account in
    /// all those looked at would pass by chance.
    public var bar: Double { log2(Double(max(2, compared))) }

    /// Hours shared with those partners (each partner's counted over the span both were active).
    public var together: Int { partners.reduce(0) { $0 + $1.sittings.together } }
    /// Hours they would share as independent accounts.
    public var expected: Double { partners.reduce(0) { $0 + $1.sittings.expected } }

    /// "sits with 3 accounts in the same clock hours beyond chance (96 shared hours in all, 21.3
    /// expected; 1,204 accounts share 3 or more of its 40 active hours)" (each partner's hours
    /// counted over the span both were active; "beyond chance" is `bar`), or "sits with no
    /// account in the same clock hours beyond chance (...)".
    public var summary: String {
        let among = "\(PairExplanation.count(compared, "account")) \(compared == 1 ? "shares" : "share") "
            + "\(CoActivity.meetingsAboveWindow) or more of its \(PairExplanation.count(hours, "active hour"))"
        guard !partners.isEmpty else { return "sits with no account in the same clock hours beyond chance (\(among))" }
        return "sits with \(PairExplanation.count(partners.count, "account")) in the same clock hours beyond chance "
            + "(\(PairExplanation.grouped(together)) shared hours in all, \(ExpectedCount.text(expected)) expected; \(among))"
    }
}

extension CoActivity {
    /// Every account whose shared sittings with `account` are surprising among all the accounts
    /// compared (`SittingPartners.bar`: a busy account shares a few hours with thousands, and
    /// a handful of them pass the sittings' own penalty by chance), with the figures `why` gives
    /// the pair.
    ///
    /// One pass over every account's bursts counts the clock hours it shares with `account` (a
    /// table of `account`'s hours); the accounts sharing `CoActivity.meetingsAboveWindow` or
    /// more are compared in full.
    /// - Complexity: O(queries) for the pass, plus O(bursts of both) for each account compared in full.
    public func sittingPartners(of account: Int, accountCount: Int) -> SittingPartners {
        var own: [UInt32] = [], theirs: [UInt32] = []
        seconds(of: account, into: &own)
        guard let ownFirst = own.first, let ownLast = own.last, own.count >= 2 else {
            return SittingPartners(partners: [], hours: own.isEmpty ? 0 : 1, compared: 0)
        }
        let lastHour = Int(sittingHour(ownLast))
        // The account's active hours, by hour of the span.
        var active = [Bool](repeating: false, count: lastHour + 1)
        for t in own { active[Int(sittingHour(t))] = true }
        let firstHour = Int(sittingHour(ownFirst))
        var partners: [(account: Int, sittings: CoFiring)] = []
        var compared = 0
        for other in 0..<accountCount where other != account && queries.queryCount(of: other) >= 2 {
            seconds(of: other, into: &theirs)
            guard let first = theirs.first, let last = theirs.last else { continue }
            let low = max(firstHour, Int(sittingHour(first))), high = min(lastHour, Int(sittingHour(last)))
            guard low < high else { continue }
            var (both, previous) = (0, -1)
            for t in theirs {
                let h = Int(sittingHour(t))
                guard h != previous else { continue }
                previous = h
                guard h >= low else { continue }
                guard h <= high else { break }
                if active[h] { both += 1 }
            }
            guard both >= CoActivity.meetingsAboveWindow else { continue }
            compared += 1
            // As `linkTiming(a, b)`: the smaller account's bursts first.
            let figures = other < account ? sittings(theirs[...], own[...]) : sittings(own[...], theirs[...])
            if let figures, figures.bits > 0 { partners.append((other, figures)) }
        }
        var found = SittingPartners(partners: [], hours: active.lazy.filter { $0 }.count, compared: compared)
        found.partners = partners.filter { $0.sittings.bits >= found.bar }
        found.partners.sort { ($0.sittings.bits, $1.account) > ($1.sittings.bits, $0.account) }
        return found
    }
}
