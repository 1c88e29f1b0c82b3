/// Why a case store operation failed, in words an investigator can act on.
public struct CaseStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kinds of failure.
    public enum Kind: String, Sendable {
        case notFound, invalidInput, locked, diskFull, unwritable, corrupt, io
        /// The tables and the audit trail of a case disagree (edited outside the tool).
        case tampered
        /// A store on a server that cannot be reached now (down, restarting, network); nothing
        /// was written, and the same write may be tried again.
        case unreachable
    }

    /// The kind of failure.
    public var kind: Kind
    /// The message shown to the user.
    public var message: String

    /// Creates an error of a kind with its message.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// `no case ID in the case store` (`.notFound`).
    public static func noCase(_ id: String) -> CaseStoreError {
        CaseStoreError(.notFound, "no case \(TextEscaping.visible(id, limit: 80)) in the case store")
    }

    /// Bad input (`.invalidInput`).
    public static func invalid(_ message: String) -> CaseStoreError { CaseStoreError(.invalidInput, message) }
}
