/// How one generated account looks and behaves.
struct Persona {
    /// When the account sends its queries.
    enum Timing { case human, office, flat, lockstep(Int) }
    /// What its prompts look like.
    enum Prompts {
        case human, ring(Int), benchmark
        /// Templates from `ScenarioPrompts` (picked at random) for `share` of the prompts, human ones otherwise.
        case scripted([Int], share: Double)
    }

    var id: String
    var createdAt: Int64
    var email: String
    var org = ""
    var country = "us"
    var plan = "payg"
    var status = "active"
    var payment: String
    var paymentKind = "card"
    var extraPayment: String? = nil
    var signupIP: String
    var ips: [(ip: String, asn: String)]
    var userAgent: String
    var apiKey: String
    var model = "claude-sonnet-4"
    var queries: Int
    var timing: Timing = .human
    var prompts: Prompts = .human
    var outputMean = 350.0
    var categories: [String] = ["coding", "writing", "general"]
    var nickname = ""
    /// Exact query times (a scheduler's or a lecture's); `queries` and `timing` are ignored when set.
    var times: [Int64]? = nil
    /// Models to pick from uniformly, instead of `model` with an occasional other.
    var models: [String]? = nil
}

/// Shared pieces for building personas.
enum PersonaParts {
    static let residentialASNs = [
        "AS3320", "AS7922", "AS3215", "AS2856", "AS12322", "AS701", "AS7018", "AS5089", "AS3352",
        "AS6830", "AS4766", "AS9121", "AS8452", "AS1136", "AS5432", "AS20115", "AS22773", "AS6128",
    ]
    static let benignAgents = [
        "anthropic-sdk-python/0.39.0", "anthropic-sdk-typescript/0.32.1", "curl/8.5.0", "openai-python/1.54.3",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15", "langchain/0.3.7", "PostmanRuntime/7.42.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0", "python-requests/2.32.3", "Go-http-client/2.0",
    ]
    static let freeMail = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "hotmail.com", "qq.com", "mail.ru"]
    static let countries = ["us", "gb", "de", "fr", "in", "br", "jp", "kr", "ca", "au", "nl", "es", "it", "se", "sg", "cn", "ru"]
    static let categories = [
        "coding", "math", "reasoning", "writing", "translation", "science", "law", "medicine", "finance",
        "general", "creative", "data_analysis",
    ]

    static func residentialIP(_ rng: inout SeededRandom) -> (String, String) {
        (
            "\(rng.pick([24, 31, 46, 62, 73, 81, 88, 92, 98, 109, 151, 176, 188, 203]))."
                + "\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))", rng.pick(residentialASNs)
        )
    }

    static func datacenterIP(_ rng: inout SeededRandom, asn: String, prefix: String) -> (String, String) {
        ("\(prefix).\(rng.int(1...254))", asn)
    }
}
