import Foundation
import Investigate

/// Where and how to reach a PostgreSQL case store, read as libpq reads it: a
/// `postgresql://[user[:password]@][host][:port][/database][?param=value&...]` URL, and for what
/// it leaves out the libpq variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`,
/// `PGSSLMODE`, `PGCONNECT_TIMEOUT`, `PGPASSFILE`), then `~/.pgpass`, then libpq's defaults
/// (the local socket folder when it exists, else localhost; port 5432; the operating-system
/// user; a database named after the user; `sslmode=prefer`).
public struct PostgresTarget: Equatable, Sendable {
    /// How TLS is used, as libpq's `sslmode`.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain text only.
        case disable
        /// TLS when the server offers it, else plain text (`allow` is read as this too).
        case prefer
        /// TLS or nothing; the certificate is not checked (libpq's `require`).
        case require
        /// TLS with a certificate signed by a trusted root; the host name is not checked.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate for this host name.
        case verifyFull = "verify-full"
    }

    /// A host name or address, or a folder holding the server's Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// Seconds to wait for a connection.
    public var connectTimeout: Int
    /// Root certificates for `verify-ca`/`verify-full` (`sslrootcert`, `PGSSLROOTCERT`, else
    /// `~/.postgresql/root.crt` when it exists, else the system's).
    public var rootCertificate: String?

    /// True for `postgresql://...` and `postgres://...`: such a `--db` names a server, not a file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:")
    }

    /// The socket file of a Unix-socket host.
    public var socketPath: String? { host.hasPrefix("/") ? host + "/.s.PGSQL.\(port)" : nil }

    /// The target as a URL without its password, for messages.
    public var display: String {
        let hostPart = host.hasPrefix("/") ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        var text = "postgresql://\(percent(user))@\(hostPart)/\(percent(database))"
        if host.hasPrefix("/") { text += "?host=\(percent(host))&port=\(port)" }
        return TextEscaping.visible(text, limit: 300)
    }

    /// Reads a URL, filling what it leaves out from `environment`, `~/.pgpass` and the defaults.
    /// - Throws: `CaseStoreError(.invalidInput)` naming what is wrong with the URL.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let parsed = try PostgresURL(url)
        func setting(_ key: String, _ variable: String) -> String? {
            if let value = parsed.parameters[key], !value.isEmpty { return value }
            if let value = environment[variable], !value.isEmpty { return value }
            return nil
        }
        let osUser = InvestigatePaths.currentUser()
        host = parsed.host ?? setting("host", "PGHOST") ?? Self.defaultHost
        let portText = parsed.port ?? setting("port", "PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw CaseStoreError(.invalidInput, "\(inert(portText)) is not a port number (in --db or PGPORT)")
        }
        self.port = port
        user = parsed.user ?? setting("user", "PGUSER") ?? osUser
        database = parsed.database ?? setting("dbname", "PGDATABASE") ?? user
        let modeText = setting("sslmode", "PGSSLMODE") ?? "prefer"
        guard let mode = modeText == "allow" ? .prefer : SSLMode(rawValue: modeText) else {
            throw CaseStoreError(
                .invalidInput,
                "sslmode \(inert(modeText)) is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        sslMode = mode
        let timeoutText = setting("connect_timeout", "PGCONNECT_TIMEOUT") ?? "10"
        guard let timeout = Int(timeoutText), timeout >= 0 else {
            throw CaseStoreError(.invalidInput, "connect_timeout \(inert(timeoutText)) is not a number of seconds")
        }
        connectTimeout = timeout == 0 ? 10 : max(timeout, 2)
        let home = environment["HOME"] ?? NSHomeDirectory()
        rootCertificate =
            setting("sslrootcert", "PGSSLROOTCERT")
            ?? (FileManager.default.fileExists(atPath: home + "/.postgresql/root.crt") ? home + "/.postgresql/root.crt" : nil)
        password = parsed.password ?? setting("password", "PGPASSWORD")
        if password == nil {
            let file = setting("passfile", "PGPASSFILE") ?? home + "/.pgpass"
            password = PgPass.lookup(file: file, host: host, port: port, database: database, user: user)
        }
    }

    /// libpq's default: the Unix socket folder when it exists, else localhost.
    static var defaultHost: String {
        FileManager.default.fileExists(atPath: "/var/run/postgresql") ? "/var/run/postgresql" : "localhost"
    }

    private func percent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?&="))) ?? text
    }
}

/// Text made safe for a message.
func inert(_ text: String) -> String { TextEscaping.visible(text, limit: 200) }
