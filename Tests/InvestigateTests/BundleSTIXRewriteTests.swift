import Foundation
import Testing
@testable import Investigate

/// `verify` writes `stix21.json` again from the replayed trail, the manifest and `accounts.csv`
/// and holds every object to it: notes, relationships, addresses and the grouping. Each tamper
/// is re-signed with a key the verifier trusts.
@Suite struct BundleSTIXRewriteTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The report on the bundle with `stix21.json`'s objects edited.
    static func verifyObjects(_ s: Setup, _ edit: @escaping (inout [JSONValue]) -> Void) throws -> BundleVerifier.Report {
        try s.verifyJSON("stix21.json") { members in
            guard case .array(var objects)? = members["objects"] else { return }
            edit(&objects)
            members["objects"] = .array(objects)
        }
    }

    /// `object` with `name` set to `value`.
    static func with(_ object: JSONValue, _ name: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        members[name] = value
        return .object(members)
    }

    @Test func anUntamperedBundleHasItsSTIXWrittenAgainByteForByte() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains("stix21.json: what the exporter writes for the case's accounts, notes, title and investigator"))
    }

    @Test func aNoteEditedDroppedOrAddedIsRefused() throws {
        let s = try Setup()
        let edited = try Self.verifyObjects(s) { objects in
            let i = objects.firstIndex { $0["type"] == "note" }!
            objects[i] = Self.with(objects[i], "content", "account cleared by legal")
        }
        #expect(
            edited.problems.contains {
                $0.hasPrefix("stix21.json: object ") && $0.contains("(note ")
                    && $0.hasSuffix("is not the note the audit trail records (its text, author or time differ)")
            }, "\(edited.problems)")
        let dropped = try Self.verifyObjects(s) { $0.removeAll { $0["type"] == "note" } }
        #expect(
            dropped.problems.contains { $0.hasPrefix("stix21.json: note ") && $0.hasSuffix(" of the audit trail is missing") },
            "\(dropped.problems)")
        let added = try Self.verifyObjects(s) { objects in
            let note = objects.first { $0["type"] == "note" }!
            objects.insert(Self.with(Self.with(note, "id", "note--00000000-0000-5000-8000-000000000000"), "content", "approved"), at: 2)
        }
        #expect(added.problems.contains("stix21.json: object 3 (note) is not a note the audit trail records"), "\(added.problems)")
    }

    @Test func aRelationshipFromAnotherAccountOrAnAlteredGroupingIsRefused() throws {
        let s = try Setup()
        // A signup relationship moved to another case account's user-account.
        var other = ""
        let moved = try Self.verifyObjects(s) { objects in
            let accounts = objects.filter { $0["type"] == "user-account" }
            let i = objects.firstIndex { $0["type"] == "relationship" }!
            let source = objects[i]["source_ref"]!
            let next = accounts.first { $0["id"] != source && $0["x_investigate_user_id_b64"] == nil }!
            other = next["user_id"]!.stringValue!
            objects[i] = Self.with(objects[i], "source_ref", next["id"]!)
        }
        #expect(
            moved.problems.contains {
                $0.hasPrefix("stix21.json: object ")
                    && $0.hasSuffix(
                        "(relationship, account \(other)) is not what the exporter writes for the replayed case and accounts.csv")
            }, "\(moved.problems)")
        let grouping = try Self.verifyObjects(s) { objects in
            let i = objects.firstIndex { $0["type"] == "grouping" }!
            objects[i] = Self.with(objects[i], "description", "Case closed: no accounts")
        }
        #expect(
            grouping.problems.contains {
                $0.hasPrefix("stix21.json: object ")
                    && $0.hasSuffix("(grouping) is not what the exporter writes for the replayed case and accounts.csv")
            }, "\(grouping.problems)")
        let address = try Self.verifyObjects(s) { objects in
            let i = objects.firstIndex { $0["type"] == "ipv4-addr" }!
            objects[i] = Self.with(objects[i], "value", "10.0.0.1")
        }
        #expect(
            address.problems.contains {
                $0.hasPrefix("stix21.json: object ") && $0.contains("(ipv4-addr) is not what the exporter writes")
            },
            "\(address.problems)")
    }
}
