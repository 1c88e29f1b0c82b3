import Foundation
import Investigate

/// The note a command prints on stderr when the id it was given is one account's exact id and
/// also the escaped form of another's (`CaseData.escapedAlternative`): an id shown escaped on a
/// screen and pasted back names the look-alike whose id is that text, so the command says which
/// one it took and how to name the other exactly.
enum AmbiguousAccountID {
    /// Writes the note for `given`, resolved to `resolved`: when it is no account's exact id but
    /// the escaped form of `resolved`'s (pasted from a screen), which one was taken; when it is
    /// one account's exact id and another's escaped form, the other.
    static func warn(_ data: CaseData, given: ExactText, resolved: Int) {
        let taken = data.accountExactID(resolved)
        if taken != given {
            FileHandle.standardError.write(Data((
                "note: no account's id is exactly \(given.display); read as the escaped form of account \(taken.display), whose id "
                + "holds bytes shown escaped; case tag --account-b64 \(taken.base64) names it exactly\n").utf8))
            return
        }
        guard let other = data.escapedAlternative(given: given) else { return }
        let otherID = data.accountExactID(other)
        FileHandle.standardError.write(Data((
            "note: \(given.display) is one account's exact id (shown here), and read as an escaped form it is another "
            + "account's, whose id holds control bytes; case tag --account-b64 \(otherID.base64) names that one exactly\n").utf8))
    }
}
