/// Why a case store operation failed, in words an investigator can act on.
public struct CaseStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kinds of failure.
    public enum Kind: String, Sendable {
        case notFound, invalidInput, locked, diskFull, unwritable, corrupt, io
        /// The tables and the audit trail of a case disagree (edited outside the tool).
        case tampered
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

    static func noCase(_ id: String) -> CaseStoreError {
        CaseStoreError(.notFound, "no case \(TextEscaping.visible(id, limit: 80)) in the case store")
    }

    static func invalid(_ message: String) -> CaseStoreError { CaseStoreError(.invalidInput, message) }
}
