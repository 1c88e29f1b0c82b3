import Foundation
import Investigate

/// The parts of a `postgresql://` URL, percent-decoded; nil where the URL leaves a part out.
struct PostgresURL {
    var user: String?
    var password: String?
    var host: String?
    var port: String?
    var database: String?
    var parameters: [String: String] = [:]

    /// The query parameters read (libpq's names); any other is refused, so a typo is not ignored.
    static let known: Set<String> = [
        "host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "sslrootcert", "passfile",
        "application_name",
    ]

    /// - Throws: `CaseStoreError(.invalidInput)`.
    init(_ text: String) throws {
        func bad(_ why: String) -> CaseStoreError {
            CaseStoreError(.invalidInput, "--db \(inert(Self.withoutPassword(text))): \(why)")
        }
        guard let colon = text.firstIndex(of: ":") else { throw bad("not a postgresql:// URL") }
        var rest = text[text.index(after: colon)...]
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) } else if !rest.isEmpty { throw bad("expected // after the scheme") }
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = try Self.decode(parts[0], bad), value = parts.count > 1 ? try Self.decode(parts[1], bad) : ""
                guard Self.known.contains(key) else { throw bad("unknown parameter \(inert(key))") }
                parameters[key] = value
            }
            rest = rest[..<question]
        }
        if let slash = rest.firstIndex(of: "/") {
            let name = try Self.decode(rest[rest.index(after: slash)...], bad)
            database = name.isEmpty ? nil : name
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let separator = credentials.firstIndex(of: ":") {
                user = try Self.decode(credentials[..<separator], bad)
                password = try Self.decode(credentials[credentials.index(after: separator)...], bad)
            } else {
                user = try Self.decode(credentials, bad)
            }
            if user == "" { user = nil }
        }
        var hostPart = Substring(rest)
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { throw bad("an IPv6 address lacks its ]") }
            host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
            hostPart = hostPart[hostPart.index(after: close)...]
            if hostPart.hasPrefix(":") { port = String(hostPart.dropFirst()) } else if !hostPart.isEmpty {
                throw bad("unexpected text after the IPv6 address")
            }
        } else if let separator = hostPart.lastIndex(of: ":") {
            host = try Self.decode(hostPart[..<separator], bad)
            port = String(hostPart[hostPart.index(after: separator)...])
        } else if !hostPart.isEmpty {
            host = try Self.decode(hostPart, bad)
        }
        if host == "" { host = nil }
        if port == "" { port = nil }
        guard host?.contains(",") != true else { throw bad("several hosts are not supported; name one") }
    }

    static func decode(_ part: Substring, _ bad: (String) -> CaseStoreError) throws -> String {
        guard let text = String(part).removingPercentEncoding else { throw bad("bad percent-encoding") }
        return text
    }

    /// The URL with any password replaced by `***`, for messages.
    static func withoutPassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let credentials = text[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
