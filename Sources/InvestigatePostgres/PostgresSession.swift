import Foundation
import Investigate
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the server, used synchronously: every query is a PostgresNIO future
/// waited on by the calling thread, never on an event loop. The loop runs on one thread of a
/// group of its own (`PostgresSession.loops`), shared by every session of the process, so the
/// CLI's and the console's synchronous call sites can block on it without starving anything.
final class PostgresSession: @unchecked Sendable {
    /// The event loop group of every PostgreSQL connection of the process (one thread).
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let target: PostgresTarget
    let connection: PostgresConnection
    let logger: Logger
    /// `current_user`, the database role writes run as.
    let role: String

    /// Connects and authenticates.
    /// - Throws: `CaseStoreError` (`.unreachable` when the server cannot be reached,
    ///   `.unwritable` when it refuses us).
    init(target: PostgresTarget, lockTimeout: Double) throws {
        self.target = target
        var logger = Logger(label: "investigate.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration: PostgresConnection.Configuration
        if let socket = target.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: target.user, password: target.password, database: target.database)
        } else {
            configuration = .init(
                host: target.host, port: target.port, username: target.user, password: target.password,
                database: target.database, tls: try Self.tls(target))
        }
        configuration.options.connectTimeout = .seconds(Int64(target.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", "investigate")]
        do {
            connection = try PostgresConnection.connect(
                on: Self.loops.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresErrors.describe(error, target: target, connecting: true)
        }
        do {
            role = try Self.prepare(connection, logger: logger, lockTimeout: lockTimeout) ?? target.user
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    /// Sets the session's timeouts and returns its role. A writer that stops answering
    /// mid-transaction must not hold a case's lock for long, and a writer waiting for a lock
    /// gives up after its patience.
    private static func prepare(_ connection: PostgresConnection, logger: Logger, lockTimeout: Double) throws -> String? {
        _ = try connection.query("SET idle_in_transaction_session_timeout = '60s'", logger: logger).wait()
        _ = try connection.query(
            PostgresQuery(unsafeSQL: "SET lock_timeout = '\(Int(max(1, lockTimeout) * 1000))ms'"), logger: logger
        ).wait()
        return try connection.query("SELECT current_user::text", logger: logger).wait().rows.first?.decode(String.self)
    }

    /// Runs one statement and returns its rows.
    /// - Throws: `PSQLError` as PostgresNIO reports it (the caller maps it: it knows whether a
    ///   commit was in flight).
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// True once the connection is closed (by us, the server, or the network).
    var isClosed: Bool { connection.isClosed }

    /// Closes the connection, waiting for it.
    func close() {
        try? connection.close().wait()
    }

    /// The TLS setting for a TCP connection.
    static func tls(_ target: PostgresTarget) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch target.sslMode {
        case .disable: return .disable
        case .prefer, .require: config.certificateVerification = .none
        case .verifyCA: config.certificateVerification = .noHostnameVerification
        case .verifyFull: config.certificateVerification = .fullVerification
        }
        if target.sslMode == .verifyCA || target.sslMode == .verifyFull, let root = target.rootCertificate {
            config.trustRoots = .file(root)
        }
        do {
            let context = try NIOSSLContext(configuration: config)
            return target.sslMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw CaseStoreError(.invalidInput, "cannot set up TLS for \(target.display): \(error)")
        }
    }
}
