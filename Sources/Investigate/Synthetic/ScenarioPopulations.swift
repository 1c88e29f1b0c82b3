/// Benign populations and look-alikes of the extra scenarios, with distributions of their own
/// (client mix, volumes, hours, networks) so that no constant fitted to `hydra` carries over.
struct ScenarioPopulations {
    var people: PersonaBuilder
    let start: Int64
    let day: Int64 = 86_400_000
    let window: Int64 = 30 * 86_400_000

    /// Individuals whose clients are dominated by a few common libraries (python-requests on
    /// about 40%), with `meanQueries` queries on average.
    mutating func individuals(_ count: Int, meanQueries: Double, commonClient: String) -> [Persona] {
        (0..<count).map { _ in
            var p = people.base()
            if people.rng.chance(0.4) { p.userAgent = commonClient }
            p.queries = 1 + people.rng.geometric(mean: meanQueries)
            p.outputMean = Double(people.rng.int(60...900))
            if people.rng.chance(0.3) { p.ips.append(PersonaParts.residentialIP(&people.rng)) }
            return p
        }
    }

    /// Students of one course: old accounts on the campus network, the course's web tool as
    /// client, one subject, the same homework template sent in the same weekly lecture hour,
    /// short answers, chatty follow-ups.
    mutating func classroom(_ count: Int, campusIPs: [(String, String)]) -> [Persona] {
        let weekday = Int64(people.rng.int(0...6)), hour = Int64(people.rng.int(8...16))
        let firstLecture = start - window + weekday * day + hour * 3_600_000
        return (0..<count).map { _ in
            var p = people.base(created: start - Int64(people.rng.int(200...1400)) * day)
            p.email = "s" + people.rng.hex(6) + "@" + people.rng.pick(["uni-example.edu", "gmail.com"])
            p.ips = [people.rng.pick(campusIPs)]
            p.signupIP = p.ips[0].ip
            p.userAgent = "Mozilla/5.0 (X11; CrOS x86_64) coursekit/3.1"
            p.prompts = .scripted([8], share: 0.6)
            p.categories = ["math"]
            p.outputMean = Double(people.rng.int(70...160))
            var times: [Int64] = []
            for week in 0..<4 where firstLecture + Int64(week) * 7 * day < start {
                let lecture = firstLecture + Int64(week) * 7 * day
                for _ in 0..<people.rng.int(2...6) { times.append(lecture + Int64(people.rng.int(0...3_599)) * 1000) }
            }
            p.times = times.sorted()
            return p
        }
    }

    /// Strangers on a campus network (the classroom's network, not its course).
    mutating func campus(_ count: Int, campusIPs: [(String, String)]) -> [Persona] {
        (0..<count).map { _ in
            var p = people.base()
            p.ips = [people.rng.pick(campusIPs)]
            p.signupIP = p.ips[0].ip
            p.email = "u" + people.rng.hex(5) + "@" + people.rng.pick(["uni-example.edu", "gmail.com", "outlook.com"])
            return p
        }
    }

    /// A reseller's benign cousin: one invoice for many small customers, each a human with
    /// their own network and habits.
    mutating func benignReseller(_ count: Int) -> [Persona] {
        let invoice = "inv_" + people.rng.hex(16)
        return (0..<count).map { _ in
            var p = people.base()
            p.org = "org_hostedchat"
            p.payment = invoice
            p.paymentKind = "invoice"
            p.plan = "team"
            p.queries = 2 + people.rng.geometric(mean: 20)
            return p
        }
    }

    /// A research lab: cloud notebooks on one provider, one org, long answers, varied prompts.
    mutating func researchLab(_ count: Int) -> [Persona] {
        let invoice = "inv_" + people.rng.hex(16)
        let prefix = "34.\(people.rng.int(0...255)).\(people.rng.int(0...255))"
        return (0..<count).map { _ in
            var p = people.base(created: start - Int64(people.rng.int(100...900)) * day)
            p.org = "org_nlplab"
            p.email = "r" + people.rng.hex(4) + "@nlplab.example"
            p.payment = invoice
            p.paymentKind = "invoice"
            p.ips = [PersonaParts.datacenterIP(&people.rng, asn: "AS396982", prefix: prefix)]
            p.signupIP = p.ips[0].ip
            p.timing = .flat
            p.queries = 20 + people.rng.geometric(mean: 60)
            p.outputMean = Double(people.rng.int(600...1200))
            p.categories = PersonaParts.categories
            return p
        }
    }

    /// Times a scheduler fires: every `period` ms over the window, `perFire` members picked at
    /// random, each within `spread` ms of the tick. Returns each member's times, ascending.
    mutating func schedule(members: Int, period: Int64, perFire: Int, spread: Int) -> [[Int64]] {
        var times = [[Int64]](repeating: [], count: members)
        var tick = start - window + Int64(people.rng.int(0...Int(period)))
        while tick < start {
            var picked = Set<Int>()
            while picked.count < min(perFire, members) { picked.insert(people.rng.int(0...members - 1)) }
            for member in picked.sorted() { times[member].append(tick + Int64(people.rng.int(0...spread))) }
            tick += period
        }
        return times.map { $0.sorted() }
    }
}
