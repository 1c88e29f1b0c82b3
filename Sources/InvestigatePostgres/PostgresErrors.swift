import Investigate
import NIOCore
import PostgresNIO

/// Turns PostgresNIO's errors into `CaseStoreError`s that say what happened and what to do.
enum PostgresErrors {
    /// The SQLSTATE of a server error, nil for any other failure.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// True when the failure is the connection's (the server went away, restarted, or cannot
    /// be reached), not the statement's: the connection is then dropped and a new one made.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return true
            case .server:
                let state = sqlState(error) ?? ""
                // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
                return state.hasPrefix("08") || state.hasPrefix("57P")
            default:
                return false
            }
        }
        return error is ChannelError || error is IOError
    }

    /// True for a failure that a new attempt of the same transaction may not meet (deadlock,
    /// serialization failure, a unique key taken by a concurrent writer).
    static func isRetryable(_ error: any Error) -> Bool {
        ["40001", "40P01", "23505"].contains(sqlState(error) ?? "")
    }

    /// Describes a failure.
    static func describe(_ error: any Error, target: PostgresTarget, connecting: Bool = false) -> CaseStoreError {
        if let error = error as? CaseStoreError { return error }
        let place = target.display
        guard let psql = error as? PSQLError else {
            return CaseStoreError(.unreachable, "the case store \(place) is unreachable (\(inert("\(error)"))); nothing was saved")
        }
        let message = inert(psql.serverInfo?[.message] ?? psql.underlying.map { "\(psql.code): \($0)" } ?? "\(psql.code)")
        let state = sqlState(psql) ?? ""
        switch psql.code {
        case .sslUnsupported:
            return CaseStoreError(
                .unreachable, "the server at \(place) does not offer TLS, and sslmode=\(target.sslMode.rawValue) refuses plain text")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return CaseStoreError(
                .unwritable,
                "cannot log in to \(place) as \(inert(target.user)): \(message) (set a password in ~/.pgpass or PGPASSWORD)")
        case .server:
            break
        default:
            if isConnectionLost(psql) || connecting {
                return CaseStoreError(.unreachable, "the case store \(place) is unreachable (\(message)); nothing was saved")
            }
            return CaseStoreError(.io, "case store \(place): \(message)")
        }
        switch state.prefix(2) {
        case "08", "57":
            return CaseStoreError(.unreachable, "the case store \(place) is unreachable (\(message)); nothing was saved")
        case "28":
            return CaseStoreError(.unwritable, "cannot log in to \(place) as \(inert(target.user)): \(message)")
        case "3D":
            return CaseStoreError(
                .unwritable, "\(place): \(message) (create it first: createdb \(inert(target.database)))")
        case "42" where state == "42501":
            return CaseStoreError(.unwritable, "\(place): the role may not do this: \(message)")
        case "53":
            return CaseStoreError(.diskFull, "the server \(place) is out of space or resources (\(message)); nothing was written")
        case "23":
            return CaseStoreError(.invalidInput, "rejected by the case store: \(message)")
        case "55" where state == "55P03":
            return CaseStoreError(.locked, "a case in \(place) stayed locked by another writer; try again")
        case "40":
            return CaseStoreError(.locked, "\(place): \(message); try again")
        default:
            return CaseStoreError(.io, "case store \(place): \(message) (SQLSTATE \(inert(state)))")
        }
    }
}
