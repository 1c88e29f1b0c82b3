/// Sentences an investigator can paste for "why are these two accounts linked?".
///
/// The lines are display text: every value from the source in them is already made inert from
/// its exact bytes (`TextEscaping.visible`: an invalid byte is `\xff`, never U+FFFD, so two
/// values never read the same). A printer's last guard passes them through `visible` again
/// without doubling backslashes.
public enum PairExplanation {
    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// One line per shared value, one for their co-firing, and the verdict. `isHub` says which
    /// values the clustering did not find pairs by (`Investigation.isHub`); by default the evidence
    /// graph's rule.
    public static func lines(
        _ evidence: PairEvidence, index: LinkIndex, weights: EvidenceWeights, isHub: ((LinkKind, Int32) -> Bool)? = nil
    ) -> [String] {
        let isHub = isHub ?? { kind, value in weights.isHub(kind, sharedBy: index.shareCount(kind, value: value)) }
        var out: [String] = []
        let total = grouped(weights.accounts)
        // Values that add nothing are said a few to a kind; the rest of them in one line each
        // kind (two accounts of a proxy pool can share a hundred IPs, each worth nothing).
        var silent: [LinkKind: (count: Int, fewest: Int, most: Int)] = [:]
        var saidWithoutBits: [LinkKind: Int] = [:]
        let pooledCount = evidence.shared.filter(\.pooled).count
        for s in evidence.shared {
            if s.counted == 0 {
                saidWithoutBits[s.kind, default: 0] += 1
                if saidWithoutBits[s.kind]! > zeroLinesPerKind {
                    let known = silent[s.kind] ?? (0, s.sharedBy, s.sharedBy)
                    silent[s.kind] = (known.count + 1, min(known.fewest, s.sharedBy), max(known.most, s.sharedBy))
                    continue
                }
            }
            let value = TextEscaping.visible(index.valueExact(s.kind, s.value).bytes)
            let holders = "\(grouped(s.sharedBy)) of \(total) accounts"
            // The verb agrees with the holders' count ("1 of 25,000 accounts uses").
            let one = s.sharedBy == 1
            let use = one ? "uses" : "use", have = one ? "has" : "have", send = one ? "sends" : "send", does = one ? "does" : "do"
            var local = ""
            if let scope = s.scope, let country = weights.local.country(s.kind, value: s.value) {
                local = "; it is local to \(countryName(index.data.label(country))) (where most of its holders are), read against that country's \(grouped(scope)) accounts, as both these are of it"
            }
            let what: String
            switch s.kind {
            case .payment: what = "both pay with instrument \(value), which \(holders) \(use)"
            case .ip: what = "both connect from IP \(value), which \(holders) \(use)"
            case .subnet: what = "both connect from network \(value), which \(holders) \(use)"
            case .asn: what = "both connect through \(value), which \(holders) \(use)"
            case .userAgent: what = "both use client \(value), which \(holders) \(use)"
            case .emailDomain: what = "both have email at \(value), which \(holders) \(have)"
            case .org: what = "both belong to organisation \(value), as \(holders) \(does)"
            case .apiKey: what = "both send API key \(value), which \(holders) \(send)"
            case .template:
                // A frame is the wording around a reasoning request, not a whole prompt (a trial
                // could not tell that a link was a shared wrapper).
                what = index.families.isFrame(family: s.value)
                    ? "both wrap prompts in reasoning frame \(value) (the same words around the step-by-step request), which \(holders) \(send)"
                    : "both send prompts of template family \(value), which \(holders) \(send)"
            case .upstream: what = "an upstream link ties them: \(value)"
            case .mailbox: what = "both have email delivered to mailbox \(value), as \(holders) \(does)"
            case .modelMix: what = "both send most queries to the model mix \(value), which \(holders) \(use)"
            case .question:
                what = "both sent question \(value) (prompts worded alike, outside any template family), which \(holders) \(send)"
            case .clientFamily:
                what =
                    ClientFamilies.isShape(s.value, index: index)
                    ? "both send client strings of their own shaped \(value) (each id in them written #; no other account sends "
                        + "either, and most accounts with a string of that shape send one of their own), as \(holders) \(does)"
                    : "both send client strings of their own that start with \(value) (no other account sends either, and most "
                        + "accounts with a string starting so send one of their own), as \(holders) \(does)"
            }
            // A hub never pairs accounts by itself (too common to block on), but a pair found
            // through other values still counts it, by its rarity: said, so the two agree.
            let hub = isHub(s.kind, s.value) ? " (a hub: too common to find pairs by, counted here by its rarity)" : ""
            let pool = s.pooled ? ", one of the \(pooledCount) datacenter IPs they share that the same accounts mostly hold together" : ""
            let spelled = spellingNote(s.kind, s.value, index: index)
            let light = s.lightUse.map { lightUseNote($0, s, index: index) } ?? ""
            out.append(what + spelled + local + pool + hub + light + " " + contribution(s, capped: weights.counted(s.kind, bits: s.bits)))
        }
        if pooledCount > 0 { out.append(serverPoolLine(pooledCount)) }
        for kind in LinkKind.allCases {
            guard let rest = silent[kind] else { continue }
            let holders = rest.fewest == rest.most ? grouped(rest.fewest) : "\(grouped(rest.fewest)) to \(grouped(rest.most))"
            out.append("and \(count(rest.count, "more \(kind.rawValue) value")) they both hold (each held by \(holders) of \(total) accounts), adding 0 bits each")
        }
        for kind in LinkKind.allCases {
            guard kind.position < evidence.held.count,
                let discounted = evidence.shared.first(where: { $0.kind == kind && $0.spread > 0 })
            else { continue }
            let a = evidence.held[kind.position].0, b = evidence.held[kind.position].1
            let less = format1(discounted.spread)
            out.append(
                "they hold more \(kind.rawValue) values than a typical holder (\(a) and \(b); \(format1(weights.medianHeld[kind.position])) typical), "
                    + "so chance meetings are likelier: each shared one counts up to \(less) \(less == "1" ? "bit" : "bits") less")
        }
        if let timing = evidence.timing, timing.sittings {
            let (fewer, more) = (min(timing.hoursA, timing.hoursB), max(timing.hoursA, timing.hoursB))
            out.append(
                "sent queries in the same \(count(timing.together, "clock hour")) of their common span (one was active in "
                    + "\(count(fewer, "hour")) of it, the other in \(grouped(more))); \(ExpectedCount.text(timing.expected)) expected "
                    + "if the two were independent, from their own active hours, the hours of the week they keep and the population's "
                    + "busy hours " + sittingBitsText(timing, weights: weights))
        } else if let timing = evidence.timing {
            out.append(
                "fired within \(format1(Double(timing.windowSeconds))) s of each other \(count(timing.together, "time"))\(timing.windowSeconds > timingWindowSeconds ? " (at different minutes of the hour)" : ""); "
                    + "\(ExpectedCount.text(timing.expected)) expected "
                    + (!timing.clockBound ? "at their own rates, hours and pace "
                        : timing.clockCoincidence
                        ? "by their clocks (both fire at that second in at least half the hours or days they are active: one coincidence of clocks, not many, worth the chance that two clocks keep the same second) "
                        : timing.bits > 0
                        ? "even from their clocks (at that second one of them fires in at least half the hours or days it is active), and they meet far more "
                        : "by a clock (one of them fires at that second in at least half the hours or days it is active, and meets whoever fires then) ")
                    + timingBitsText(timing.bits, weights: weights))
        }
        if evidence.shared.isEmpty && (evidence.timing?.together ?? 0) == 0 { out.append("they share nothing") }
        if let formula = bitsFormula(evidence, weights: weights) { out.append(formula) }
        out.append(verdict(total: evidence.total, threshold: evidence.threshold, accounts: total, linked: evidence.linked))
        return out
    }

    /// Why a shared value counts less for an account that sends little of its traffic with it
    /// (`ContextUse`): "; but acct_x sends only 2 of its queries with it, against 33 with its most
    /// used client, so it counts 4 bits less".
    static func lightUseNote(_ use: LightUse, _ s: SharedValue, index: LinkIndex) -> String {
        let noun = s.kind == .asn ? "ASN" : "client"
        let less = format1(s.light)
        let who = index.data.accountExactID(use.account).display
        return "; but \(who) sends only \(grouped(use.count)) of its queries with it, against \(grouped(use.main)) with its most used \(noun), "
            + "so it counts \(less) \(less == "1" ? "bit" : "bits") less"
    }

    /// Why IPs of a server pool (`ServerPools`) are not held to a kind's half a link in all.
    static func serverPoolLine(_ count: Int) -> String {
        "the \(count) datacenter IPs they share are a server pool: each is on a hosting network, held by few enough accounts to be half a link alone, "
            + "and of the accounts holding any two of them most hold both; strangers meet on a hosting network only through a service many use "
            + "(a VPN, a proxy, a platform's egress), which would show as IPs held by many or by different accounts each, and no carrier NAT "
            + "or office gateway is there, so these count past the half a link a kind strangers share adds in all (the strongest whole, each further one half)"
    }

    /// Lines said for a kind's values that add nothing, before the rest are counted in one.
    static let zeroLinesPerKind = 3

    /// How much of shared sittings' bits a pair counts (`EvidenceWeights.countedTiming`), said:
    /// half of them up to half a link, or a whole link from twice what a link needs.
    static func sittingBitsText(_ timing: CoFiring, weights: EvidenceWeights) -> String {
        let counted = weights.countedTiming(timing)
        if counted >= weights.threshold {
            return "(\(format1(timing.bits)) bits, at least twice what a link needs: counted as one link, +\(format2(counted)))"
        }
        guard timing.bits > 0 else { return "(+0 bits)" }
        return "(\(format1(timing.bits)) bits; shared sittings count half their bits, at most half a link, short of twice what a "
            + "link needs: +\(format2(counted)))"
    }

    /// How much of co-firing's bits a pair counts (`EvidenceWeights.countedTiming`), said.
    static func timingBitsText(_ bits: Double, weights: EvidenceWeights) -> String {
        let counted = weights.countedTiming(bits: bits)
        guard counted < bits else { return "(+\(format1(bits)) bits)" }
        if counted >= weights.threshold {
            return "(\(format1(bits)) bits, at least twice what a link needs: a link on its own, +\(format2(counted)))"
        }
        return "(\(format1(bits)) bits, at most half a link for timing short of twice what a link needs: +\(format2(counted)))"
    }

    /// The verdict line. Half links are quoted to two decimals, and so is a verdict that one
    /// decimal would show as a tie: two half links (7.45 + 7.45) make the 14.9 a link needs, and
    /// read as 7.4 + 7.4 they seemed to fall short (a trial).
    static func verdict(total: Double, threshold: Double, accounts: String, linked: Bool) -> String {
        let tie = format1(total) == format1(threshold)
        let shownTotal = tie ? format2(total) : format1(total)
        let shownThreshold = tie ? format2(threshold) : format1(threshold)
        return "evidence \(shownTotal) bits; a link needs \(shownThreshold) "
            + "(log2 of \(accounts) accounts, plus 1): \(linked ? "linked" : "not linked")"
    }

    /// How each shared value's bits are reckoned, with the share factor q measured in this
    /// population for each kind the pair shares, so the figures above can be recomputed.
    static func bitsFormula(_ evidence: PairEvidence, weights: EvidenceWeights) -> String? {
        let kinds = LinkKind.allCases.filter { kind in evidence.shared.contains { $0.kind == kind } }
        guard !kinds.isEmpty else { return nil }
        let factors = kinds.map { "\($0.rawValue) \(formatShare(weights.share($0)))" }.joined(separator: ", ")
        let mixNote = kinds.contains(.modelMix)
            ? "; a model mix's q is measured among the accounts that have one and scaled by accounts / those accounts, so it can pass 1"
            : ""
        let questionNote = kinds.contains(.question)
            ? "; a question's q is measured among the accounts that ask for reasoning and scaled by accounts / those accounts, so it can pass 1"
            : ""
        return "a shared value's bits are -log2(q × holders / accounts) (accounts of the country for a local value), "
            + "less any spread and light-use discount; q, the share of this population's accounts that hold a value of the kind "
            + "another account also holds, is \(factors)\(mixNote)\(questionNote)"
    }

    /// A share factor with two significant figures ("0.41", "0.0032"); from 1 up, one decimal
    /// ("2.8": a model mix's factor is measured among the accounts that have one and can exceed 1).
    static func formatShare(_ q: Double) -> String {
        guard q > 0 else { return "0" }
        guard q < 0.9995 else { return format1(q) }
        var digits = 2
        while q * pow10(digits) < 10 && digits < 9 { digits += 1 }
        let scaled = Int((q * pow10(digits)).rounded())
        guard scaled < Int(pow10(digits)) else { return "1" }
        let text = String(scaled)
        return "0." + String(repeating: "0", count: digits - text.count) + text
    }

    /// The co-firing window the explanations quote (`CoActivity`'s default).
    static let timingWindowSeconds = 5

    private static func contribution(_ s: SharedValue, capped: Double) -> String {
        if s.impliedByMailbox { return "(\(format1(s.bits)) bits, not counted: the shared mailbox implies it)" }
        if s.loneQuestion {
            return "(\(format1(s.bits)) bits, not counted: one shared question is a coincidence strangers meet; questions count only when a pair shares two or more)"
        }
        if s.counted == s.bits { return "(+\(format1(s.bits)) \(format1(s.bits) == "1" ? "bit" : "bits"))" }
        if s.counted == 0 && !s.kindFull {
            return "(\(format1(s.bits)) bits, not counted: where accounts come from (IP, network, ASN, mail domain) counts once, by its strongest kind)"
        }
        if s.kindFull { return "(\(format1(s.bits)) bits, a kind strangers share adds at most half a link in all: +\(format2(s.counted)))" }
        if s.counted == capped { return "(\(format1(s.bits)) bits, at most half a link for a kind strangers share: +\(format2(s.counted)))" }
        return "(\(format1(s.bits)) bits, a further value of the same kind counts half: +\(format1(s.counted)))"
    }

    /// "1 account", "3 accounts".
    /// A country label as written in prose: a two-letter code in capitals ("country US"), so
    /// "local to us" is not read as the pronoun.
    static func countryName(_ label: String?) -> String {
        guard let label else { return "one country" }
        if label.count == 2, label.allSatisfy({ $0.isASCII && $0.isLetter }) { return "country " + label.uppercased() }
        return TextEscaping.visible(label)
    }

    public static func count(_ n: Int, _ noun: String) -> String { "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// 272636 -> "272,636".
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// Two decimals (for small expectations such as 0.04).
    static func format2(_ x: Double) -> String {
        if x > 0 && x < 0.1 {
            var digits = 2
            while x * pow10(digits) < 10 && digits < 12 { digits += 1 }
            let scaled = (x * pow10(digits)).rounded() / pow10(digits)
            return String(scaled)
        }
        let scaled = (x * 100).rounded() / 100
        if scaled == scaled.rounded() { return String(Int(scaled)) }
        return String(scaled)
    }
}
