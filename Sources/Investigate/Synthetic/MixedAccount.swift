/// One account of the `mixed` scenario: who it is, what it pays with, where it connects from
/// and, already decided, every instant it sends a query. Written apart from `Persona` (its own
/// fields, distributions and prompt styles) so the scenario shares no behaviour with the others.
struct MixedAccount {
    var id: String
    var created: Int64
    var email: String
    var org = ""
    var country: String
    var plan = "payg"
    var status = "active"
    /// Payment instruments, the first one on the account row; every one gets a payments row.
    var instruments: [(fingerprint: String, kind: String)]
    var signupIP: String
    /// Networks the queries come from, picked uniformly per query.
    var networks: [(ip: String, asn: String)]
    var client: String
    var apiKey: String
    /// Models and their weights, drawn per query.
    var models: [(String, Double)]
    /// Category labels, drawn uniformly per query.
    var categories: [String]
    var prompts: MixedPromptStyle
    /// Median output tokens per query (log-normal, `outputSigma` spread).
    var outputMedian: Double
    var outputSigma = 0.45
    /// The instant of every query, ascending.
    var times: [Int64] = []
}

/// What an account's prompts look like (`MixedPrompts` writes them).
enum MixedPromptStyle {
    /// Chat: varied, human.
    case chat
    /// A distillation scaffold in this account's own wording (`variant` picks the phrasing of
    /// each part), for `share` of prompts; chat otherwise.
    case scaffold(variant: [Int], share: Double)
    /// Dataset-generation requests rotated over the burst ring's templates.
    case datasetRows
    /// Business memos that ask for numbered reasoning (an office-hours ring), `share` of prompts.
    case memos(share: Double)
    /// A CI pipeline's smoke test: a fixed instruction expecting a tiny JSON answer.
    case ciCheck
    /// A translation job into `language`, with a long source text.
    case translation(language: String)
    /// A public maths benchmark item asking for step-by-step working.
    case benchmark
}
