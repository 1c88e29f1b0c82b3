import Investigate
import Testing

@testable import tui

/// `case show` says what each cluster tag recorded of its cluster's members: a tag holds only
/// where its id names exactly those members, and one without them holds nowhere.
@Suite struct CaseShowMembersTests {
    @Test func recordedMembersAreCountedAndNamedByDigest() {
        let members = ClusterMembers(ids: [ExactText("acct_b"), ExactText("acct_a"), ExactText("acct_a")])
        let note = CaseShowCommand.membersNote(members)
        #expect(note == "  2 members recorded (sha256 \(members.digest.prefix(16)))")
        #expect(CaseShowCommand.membersNote(ClusterMembers(ids: [ExactText("x")])).hasPrefix("  1 member recorded"))
    }

    @Test func aTagWithoutMembersSaysItHoldsNowhere() {
        #expect(CaseShowCommand.membersNote(nil) == "  members not recorded: holds on no source until tagged again")
    }
}
